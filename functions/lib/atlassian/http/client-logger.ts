/**
 * The logging surface the client needs. A Powertools `Logger` satisfies it structurally, so
 * handlers pass theirs in; the client never hands it the API key or request headers.
 */
export interface ClientLogger {
  debug(message: string, ...attributes: Array<Record<string, unknown>>): void;
  info(message: string, ...attributes: Array<Record<string, unknown>>): void;
  warn(message: string, ...attributes: Array<Record<string, unknown>>): void;
}

/** Default logger: the client is silent unless the caller asks for logs. */
export const silentLogger: ClientLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
};
