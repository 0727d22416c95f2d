/**
 * The four error body shapes the real Atlassian Admin API returns (docs/atlassian-api.md). Route handlers
 * throw `WireError` (the model throws `ModelError`, see `model-errors.ts`); the server renders
 * `status` + `body` verbatim.
 */
export class WireError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
    this.name = 'WireError';
  }
}

/** Gateway shape `{ code, message }`: 401 and 429 from Atlassian's API gateway. */
export function gatewayError(status: number, message: string, headers?: Record<string, string>): WireError {
  return new WireError(status, { code: status, message }, headers);
}

/** Application shape `{ errors: [{ id, status, code, title, detail }] }`, e.g. code `ADMIN-404-8`. */
export function applicationError(status: number, code: string, title: string, detail?: string): WireError {
  return new WireError(status, {
    errors: [{ id: crypto.randomUUID(), status: String(status), code, title, ...(detail ? { detail } : {}) }],
  });
}

/** Bare ApplicationError `{ id, status, code, title, detail }` (no `errors` array): the workspaces endpoint. */
export function bareApplicationError(status: number, code: string, title: string, detail: string): WireError {
  return new WireError(status, { id: crypto.randomUUID(), status: String(status), code, title, detail });
}

/** Spring-style 403 (seen on the domains endpoints). */
export function springForbidden(path: string): WireError {
  return new WireError(403, {
    timestamp: new Date().toISOString(),
    status: 403,
    error: 'Forbidden',
    message: 'Access is denied',
    path,
  });
}

/** UAM shape used by invite and role endpoints: `{ errors: [{ code: 'ADMIN-UAM-…', title, … }] }`. */
export function uamError(status: number, code: string, title: string, detail?: string): WireError {
  return new WireError(status, {
    errors: [{ status: String(status), code, title, ...(detail ? { detail } : {}) }],
  });
}

/** The documented 400 for an unknown or malformed pagination cursor. */
export function invalidCursor(): WireError {
  return applicationError(400, 'ADMIN-400-1', 'Invalid page cursor', 'The cursor is invalid or has expired. Start again without a cursor.');
}
