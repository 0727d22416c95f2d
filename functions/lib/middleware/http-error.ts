/**
 * An HTTP answer other than success, thrown by an HTTP handler's core. 4xx errors are shown to the
 * caller as `{ error, message }` (`error` a stable code, `message` a short reason); 5xx errors
 * always leave with a generic body, whatever their message says (it goes to the log only).
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly statusCode: number,
    /** Stable, machine-readable, e.g. `invalid_signature`. */
    readonly code: string,
    message: string,
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options);
    this.headers = options?.headers ?? {};
  }

  readonly headers: Record<string, string>;

  /** 4xx: the caller sent something wrong and may see why. */
  get exposed(): boolean {
    return this.statusCode >= 400 && this.statusCode < 500;
  }
}
