import { AtlassianError, ErrorNames, type ErrorName } from '../../errors.js';
import { connectFailureOf, displayUrl } from './connect-failure.js';
import type { ParsedErrorBody } from './error-body.js';

/** Atlassian codes that mean "out of seats" whatever the HTTP status says. */
const LICENSE_LIMIT_CODES = new Set(['ADMIN-409-3', 'ADMIN-400-32', 'ADMIN-UAM-402-1', 'ADMIN-UAM-409-3']);

/** Picks the docs/contracts.md error name for an HTTP failure. */
export function errorNameForStatus(status: number, code?: string): ErrorName {
  if (status === 402 || (code !== undefined && LICENSE_LIMIT_CODES.has(code))) return ErrorNames.LicenseLimit;
  if (status === 429) return ErrorNames.RateLimited;
  if (status >= 500 || status === 408) return ErrorNames.Transient;
  switch (status) {
    case 400:
      return ErrorNames.BadRequest;
    case 401:
      return ErrorNames.Unauthorized;
    case 403:
      return ErrorNames.Forbidden;
    case 404:
      return ErrorNames.NotFound;
    case 409:
      return ErrorNames.Conflict;
    default:
      return ErrorNames.BadRequest;
  }
}

/** What to do next, in words an Atlassian org admin understands. */
const ADVICE: Partial<Record<ErrorName, string>> = {
  [ErrorNames.RateLimited]:
    'Atlassian is rate limiting this organization. The call can be retried after the wait; if it keeps happening, lower the batch size or concurrency, or enable the client pacer.',
  [ErrorNames.Transient]: 'Atlassian had a temporary problem. It is safe to retry; if it persists, check https://status.atlassian.com.',
  [ErrorNames.NotFound]:
    'Check that the id is correct and belongs to this organization (and directory). Role and invite APIs may also answer 404 when Atlassian Support has not enabled them for the org.',
  [ErrorNames.Conflict]: 'The change conflicts with the current state in Atlassian; look the object up in admin.atlassian.com before retrying.',
  [ErrorNames.Forbidden]:
    'The API key is not allowed to do this. Use an org admin API key for this organization; role assignment and invite APIs may need Atlassian Support to enable them for the org, and IdP-synced (SCIM) groups cannot be changed through the API.',
  [ErrorNames.BadRequest]: 'Atlassian rejected the request as invalid; correct the input named above and try again.',
  [ErrorNames.LicenseLimit]: 'A product license limit was reached. Free up seats or raise the license tier in admin.atlassian.com, then retry.',
};

export interface HttpFailure {
  operation: string;
  status: number;
  parsed: ParsedErrorBody;
  requestId?: string;
  retryAfterMs?: number;
  /** Where the API key came from, e.g. "the ATLASSIAN_API_KEY environment variable", for a 401's advice. */
  apiKeySource?: string;
}

/** A 401's advice names where the key came from: a wrong secret and a wrong variable are fixed in different places. */
function unauthorizedAdvice(apiKeySource: string | undefined): string {
  const key = apiKeySource ? `the API key from ${apiKeySource}` : 'the API key';
  return (
    `Atlassian rejected ${key}. Check that it is a current, unexpired org API key ` +
    '(admin.atlassian.com > Settings > API keys) and that the org id matches it.'
  );
}

/** Turns a non-2xx response into a named, admin-readable `AtlassianError`. */
export function httpFailureToError(failure: HttpFailure): AtlassianError {
  const { operation, status, parsed } = failure;
  const name = errorNameForStatus(status, parsed.code);
  const said = parsed.summary ? `: ${truncate(parsed.summary).replace(/[.\s]+$/, '')}` : '';
  const code = parsed.code ? ` ${parsed.code}` : '';
  const wait = failure.retryAfterMs !== undefined ? ` Atlassian asked to wait ${Math.ceil(failure.retryAfterMs / 1000)}s.` : '';
  const advice = name === ErrorNames.Unauthorized ? unauthorizedAdvice(failure.apiKeySource) : (ADVICE[name] ?? '');
  const message = `Atlassian Admin API call ${operation} failed with HTTP ${status}${code}${said}.${wait} ${advice}`.trim();
  return new AtlassianError(name, message, {
    operation,
    status,
    code: parsed.code,
    requestId: failure.requestId ?? parsed.requestId,
    retryAfterMs: failure.retryAfterMs,
  });
}

/** Where the request went, for the message of a failure without an HTTP answer. */
export interface NetworkFailureContext {
  /** The client's base URL (shown without user info). */
  baseUrl: string;
  /** The API answered an earlier request of this client: it was reachable a moment ago. */
  answeredBefore?: boolean;
}

/**
 * Turns a failure without an HTTP answer into a named error: a connect-phase failure (DNS,
 * refused, no route, TLS) is `Atlassian.Unreachable`, naming the URL to check; a timeout or a
 * reset after connecting is `Atlassian.Transient`.
 */
export function networkFailureToError(operation: string, cause: unknown, timeoutMs: number, context?: NetworkFailureContext): AtlassianError {
  const connect = connectFailureOf(cause);
  if (connect) {
    const url = context ? displayUrl(context.baseUrl) : 'the Admin API';
    const earlier = context?.answeredBefore ? ' It answered earlier in this run, so it may have stopped or lost its network.' : '';
    return new AtlassianError(
      ErrorNames.Unreachable,
      `Atlassian Admin API call ${operation} could not connect to ${url} (${connect.code}: ${connect.meaning}); nothing was sent.${earlier} ` +
        'Check the API base URL (--api-url of the jml CLI, ATLASSIAN_API_BASE_URL of the functions) and that this machine can reach it.',
      { operation },
      { cause },
    );
  }
  const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
  const what = timedOut
    ? `got no answer within ${timeoutMs} ms`
    : `could not reach Atlassian (${describeNetworkCause(cause)})`;
  return new AtlassianError(
    ErrorNames.Transient,
    `Atlassian Admin API call ${operation} ${what}. ${ADVICE[ErrorNames.Transient]}`,
    { operation },
    { cause },
  );
}

function describeNetworkCause(cause: unknown): string {
  // undici wraps the socket error (ECONNRESET, ECONNREFUSED, ENOTFOUND) in `cause`.
  const inner = cause instanceof Error ? (cause.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (inner && typeof inner.code === 'string') return inner.code;
  if (inner && typeof inner.message === 'string' && inner.message) return inner.message;
  return cause instanceof Error ? cause.message : 'network error';
}

function truncate(value: string, max = 300): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
