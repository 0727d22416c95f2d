import { AtlassianError, ErrorNames } from '../../errors.js';
import type { RetryMode } from './retry-policy.js';

/**
 * Whether a failed attempt may be repeated. A 429 means Atlassian did not process the request, so
 * it is always safe; 5xx, timeouts and resets are retried only for idempotent requests.
 * `Atlassian.Unreachable` (wrong URL, DNS, refused, TLS) is never retried: it would fail the same way.
 */
export function shouldRetry(error: AtlassianError, mode: RetryMode): boolean {
  if (error.name === ErrorNames.RateLimited) return true;
  return mode === 'idempotent' && error.name === ErrorNames.Transient;
}

/** The same error, its message saying how many attempts were spent. */
export function withAttemptCount(error: AtlassianError, attempts: number): AtlassianError {
  return new AtlassianError(
    error.name,
    `${error.message} (Gave up after ${attempts} attempts.)`,
    {
      operation: error.operation,
      status: error.status,
      code: error.code,
      requestId: error.requestId,
      retryAfterMs: error.retryAfterMs,
    },
    { cause: error.cause },
  );
}
