import { AsyncLocalStorage } from 'node:async_hooks';
import type { ClientLogger } from '../atlassian/http/client-logger.js';
import { rootLogger, type ActionLogger } from '../observability.js';

/**
 * The Directory is built once and shared by every invocation, but its log lines must carry the
 * correlation keys of the invocation that made the call. AsyncLocalStorage finds that invocation's
 * logger, also when the local engine runs several invocations at once.
 */
const scope = new AsyncLocalStorage<ActionLogger>();

/** Runs `fn` with `logger` as the current invocation's logger. */
export function runWithLogger<T>(logger: ActionLogger, fn: () => Promise<T>): Promise<T> {
  return scope.run(logger, fn);
}

/** The current invocation's logger, or the root logger outside any invocation. */
export function currentLogger(): ActionLogger {
  return scope.getStore() ?? rootLogger;
}

/** The logger handed to the Atlassian client: forwards to the current invocation's logger. */
export const scopedClientLogger: ClientLogger = {
  debug: (message, attributes) => currentLogger().debug(message, attributes ?? {}),
  info: (message, attributes) => currentLogger().info(message, attributes ?? {}),
  warn: (message, attributes) => currentLogger().warn(message, attributes ?? {}),
};
