/**
 * Reads Atlassian's error bodies, which come in four shapes (docs/atlassian-api.md):
 * - gateway `{ code: 429, message }` (401, 429; also `{ key: 'unauthorized' }` on some 401s),
 * - application `{ errors: [{ id, status, code: 'ADMIN-404-8', title, detail }] }` (workspaces
 *   sends one such error bare, without the `errors` list),
 * - UAM `{ errors: [{ code: 'ADMIN-UAM-403-1', title, detail }] }` (invite and role endpoints),
 * - Spring-style 403 `{ timestamp, status, error, message, path, requestId }` (domains).
 * Anything else (HTML from a proxy, empty) yields an empty result, never a throw.
 */

export interface ParsedErrorBody {
  /** Atlassian's error code (`ADMIN-…`), when the body carried a string code. */
  code?: string;
  /** The most useful human text the body offered: detail, else title, else message. */
  summary?: string;
  /** A request or error-occurrence id found in the body. */
  requestId?: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Parses any of the four shapes; unknown shapes give `{}`. */
export function parseErrorBody(body: unknown): ParsedErrorBody {
  if (!isObject(body)) return {};
  if (Array.isArray(body.errors)) return fromErrorList(body.errors);
  // A bare ApplicationError (no `errors` list), as the workspaces endpoint documents.
  if (typeof body.code === 'string' && ('title' in body || 'detail' in body)) return fromErrorList([body]);
  if ('timestamp' in body || 'path' in body || 'error' in body) return fromSpring(body);
  if ('message' in body || 'code' in body) return fromGateway(body);
  if (typeof body.key === 'string') return { summary: `Gateway rejected the request (${body.key})` };
  return {};
}

function fromErrorList(errors: unknown[]): ParsedErrorBody {
  const first = errors.find(isObject);
  if (!first) return {};
  const title = text(first.title);
  const detail = text(first.detail);
  const summary = title && detail && title !== detail ? `${title}: ${detail}` : (detail ?? title);
  return { code: text(first.code), summary, requestId: text(first.id) };
}

function fromSpring(body: Json): ParsedErrorBody {
  return { summary: text(body.message) ?? text(body.error), requestId: text(body.requestId) };
}

function fromGateway(body: Json): ParsedErrorBody {
  // The gateway's `code` is the numeric HTTP status, not an ADMIN code: keep only string codes.
  const code = typeof body.code === 'string' && body.code.startsWith('ADMIN-') ? body.code : undefined;
  return { code, summary: text(body.message) };
}
