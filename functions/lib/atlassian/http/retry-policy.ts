/**
 * When and how long to wait before retrying a failed Atlassian request. Atlassian documents
 * `X-RateLimit-Reset` (ISO-8601) on 429s but not `Retry-After`; we honour `Retry-After` first when
 * present, then `X-RateLimit-Reset`, else exponential backoff with full jitter.
 */

export interface RetryOptions {
  /** Total attempts including the first one. @default 4 */
  maxAttempts: number;
  /** First backoff ceiling; doubles per attempt (full jitter picks 0..ceiling). @default 250 */
  baseDelayMs: number;
  /** Largest backoff ceiling for one wait when the server gave no hint. @default 10_000 */
  maxDelayMs: number;
  /**
   * Total time the client may spend waiting across all retries of one call. When the server asks
   * for a longer wait than what is left, the call fails at once with `Atlassian.RateLimited`
   * (carrying `retryAfterMs`) so the workflow can wait instead of a Lambda burning time.
   * @default 30_000
   */
  maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_OPTIONS: Readonly<RetryOptions> = Object.freeze({
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  maxTotalWaitMs: 30_000,
});

/**
 * How safe a request is to repeat:
 * - `idempotent`: GETs, PUT/DELETE, suspend/restore, membership add/remove, role assign/revoke:
 *   retried on 429, 5xx, timeouts and network errors.
 * - `notProcessedOnly`: creates and invites: retried only on 429, where Atlassian did not process
 *   the request; a 5xx or timeout might have created the object, so repeating could duplicate it.
 */
export type RetryMode = 'idempotent' | 'notProcessedOnly';

/** Merges caller overrides onto the defaults and rejects nonsense with a clear message. */
export function resolveRetryOptions(overrides: Partial<RetryOptions> = {}): RetryOptions {
  const options = { ...DEFAULT_RETRY_OPTIONS, ...stripUndefined(overrides) };
  if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1) {
    throw new RangeError(`retry.maxAttempts must be an integer >= 1 (got ${options.maxAttempts}); use 1 to disable retries.`);
  }
  for (const key of ['baseDelayMs', 'maxDelayMs', 'maxTotalWaitMs'] as const) {
    if (!Number.isFinite(options[key]) || options[key] < 0) {
      throw new RangeError(`retry.${key} must be a number of milliseconds >= 0 (got ${options[key]}).`);
    }
  }
  return options;
}

/**
 * Milliseconds the server asked us to wait, from `Retry-After` then (for a 429 only)
 * `X-RateLimit-Reset`. Atlassian sends the rate-limit headers on every response, so on a 5xx the
 * reset time says nothing about when to retry.
 */
export function serverRequestedDelayMs(headers: Headers, nowMs: number, status = 429): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    // Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - nowMs);
  }
  const reset = status === 429 ? headers.get('x-ratelimit-reset')?.trim() : undefined;
  if (reset) {
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) return Math.max(0, at - nowMs);
  }
  return undefined;
}

/** Full-jitter exponential backoff: a random wait in [0, min(maxDelay, base * 2^(retry-1))]. */
export function backoffDelayMs(retryNumber: number, options: RetryOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retryNumber - 1));
  return Math.floor(random() * ceiling);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
