/**
 * The one error taxonomy of the project (docs/contracts.md, "Error names"). Step Functions Retry/Catch match on
 * `error.name`, so every name here is part of the workflow contract: never rename one lightly.
 * Messages are written for an Atlassian org admin: what happened, and what to do about it.
 */

/** Every error name the ASL, the handlers and the client may use. */
export const ErrorNames = {
  RateLimited: 'Atlassian.RateLimited',
  Transient: 'Atlassian.Transient',
  /** The API could not be reached at all (wrong URL, DNS, refused, TLS): not retried. */
  Unreachable: 'Atlassian.Unreachable',
  NotFound: 'Atlassian.NotFound',
  Conflict: 'Atlassian.Conflict',
  Forbidden: 'Atlassian.Forbidden',
  Unauthorized: 'Atlassian.Unauthorized',
  BadRequest: 'Atlassian.BadRequest',
  LicenseLimit: 'Atlassian.LicenseLimit',
  UnexpectedResponse: 'Atlassian.UnexpectedResponse',
  InvalidInput: 'Jml.InvalidInput',
  ProtectedAccount: 'Jml.ProtectedAccount',
  BlastRadiusExceeded: 'Jml.BlastRadiusExceeded',
  Configuration: 'Jml.Configuration',
  /** A temporary AWS-side failure (throttling, 5xx) outside the Atlassian API; safe to retry. */
  AwsTransient: 'Jml.AwsTransient',
  /** The HR system's API is temporarily unavailable (5xx, 429, timeout, network); retried for hours. */
  HrUnavailable: 'Hr.Unavailable',
  /** The HR system has no such person (or no longer shows them to our credentials). */
  HrNotFound: 'Hr.NotFound',
  /** The HR system answered with data of an unexpected shape, or a person record we cannot act on. */
  HrUnexpectedResponse: 'Hr.UnexpectedResponse',
} as const;

export type ErrorName = (typeof ErrorNames)[keyof typeof ErrorNames];

/** Errors a workflow should retry with backoff. Everything else is permanent. */
export const RETRYABLE_ERROR_NAMES: readonly ErrorName[] = [ErrorNames.RateLimited, ErrorNames.Transient];

/** What we know about the HTTP exchange that failed (never the API key). */
export interface AtlassianErrorDetails {
  /** The client operation, e.g. `v2.suspendUser`. */
  operation: string;
  /** HTTP status, absent for network failures and timeouts. */
  status?: number;
  /** Atlassian's error code, e.g. `ADMIN-404-8` or `ADMIN-UAM-...`, when the body carried one. */
  code?: string;
  /** The request id Atlassian returned (`X-Request-Id`/`ATL-TraceId`), for support tickets. */
  requestId?: string;
  /** Milliseconds the server asked us to wait (Retry-After / X-RateLimit-Reset), when known. */
  retryAfterMs?: number;
}

/** Base of every error in the project: a stable `name` and an admin-readable message. */
export class JmlError extends Error {
  override readonly name: ErrorName;

  constructor(name: ErrorName, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = name;
  }
}

/** An Atlassian Admin API call failed; carries the status, code, request id and operation. */
export class AtlassianError extends JmlError {
  readonly operation: string;
  readonly status?: number;
  readonly code?: string;
  readonly requestId?: string;
  readonly retryAfterMs?: number;

  constructor(name: ErrorName, message: string, details: AtlassianErrorDetails, options?: { cause?: unknown }) {
    super(name, message, options);
    this.operation = details.operation;
    this.status = details.status;
    this.code = details.code;
    this.requestId = details.requestId;
    this.retryAfterMs = details.retryAfterMs;
  }

  /** A JSON-safe view for logs and workflow outputs. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      operation: this.operation,
      status: this.status,
      code: this.code,
      requestId: this.requestId,
    };
  }
}

export function isRetryable(error: unknown): boolean {
  return error instanceof Error && (RETRYABLE_ERROR_NAMES as readonly string[]).includes(error.name);
}
