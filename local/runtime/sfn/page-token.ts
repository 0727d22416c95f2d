import { SfnError } from './sfn-error.js';

/**
 * Opaque `nextToken`s: the position to continue after, bound to the query that made it, so a token
 * replayed against another query (another state machine, filter or order) is `InvalidToken`
 * instead of a silently wrong page.
 */
export function encodePageToken(query: string, position: unknown): string {
  return Buffer.from(JSON.stringify({ q: query, p: position })).toString('base64url');
}

/** The position a token continues after. @throws SfnError InvalidToken */
export function decodePageToken<T>(token: string, query: string, isPosition: (value: unknown) => value is T): T {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const { q, p } = (decoded ?? {}) as { q?: unknown; p?: unknown };
  if (q !== query || !isPosition(p)) {
    throw new SfnError('InvalidToken', `Invalid Token: '${token}' (pass the nextToken of the previous page of the same request unchanged)`);
  }
  return p;
}
