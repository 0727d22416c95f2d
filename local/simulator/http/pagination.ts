import { applicationError, invalidCursor } from './wire-error.js';

/**
 * Opaque cursors. A cursor names what it pages over (`kind`) and a position in that list's
 * stable order, so a cursor from one list cannot be replayed on another, and anything that does
 * not decode is the documented 400 ADMIN-400-1.
 */
export function encodeCursor(kind: string, position: number): string {
  return Buffer.from(`${kind}|${position}|${checksum(kind, position)}`).toString('base64url');
}

/** The position a cursor points at; absent cursor = 0. Throws 400 ADMIN-400-1 when invalid. */
export function decodeCursor(kind: string, cursor: string | undefined | null): number {
  if (cursor === undefined || cursor === null || cursor === '') return 0;
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const position = Number(parts[1]);
  if (parts.length !== 3 || parts[0] !== kind || !Number.isSafeInteger(position) || position < 0 || parts[2] !== checksum(kind, position)) {
    throw invalidCursor();
  }
  return position;
}

function checksum(kind: string, position: number): string {
  let hash = 7;
  const text = `${kind}:${position}`;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) >>> 0;
  return hash.toString(36);
}

/** Parses a page size; absent = `fallback`; outside 1..max = 400 with a clear message. */
export function parseLimit(raw: unknown, fallback: number, max: number): number {
  if (raw === undefined || raw === null || raw === '') return fallback;
  const value = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw applicationError(400, 'ADMIN-400-24', 'Invalid request', `limit must be an integer from 1 to ${max}; got ${String(raw)}.`);
  }
  return value;
}

export interface Page<T> {
  items: T[];
  /** Position to continue from, absent on the last page. */
  next?: number;
}

/**
 * Walks `ids` from `start`, keeping items that `select` turns into a value, until `limit` are
 * found. Cost is proportional to what is scanned, not to the size of the list.
 */
export function pageOver<T>(ids: readonly string[], start: number, limit: number, select: (id: string) => T | undefined): Page<T> {
  const items: T[] = [];
  let position = start;
  while (position < ids.length && items.length < limit) {
    const item = select(ids[position++]);
    if (item !== undefined) items.push(item);
  }
  // Peek ahead so the last page does not advertise an empty next page.
  while (position < ids.length) {
    if (select(ids[position]) !== undefined) return { items, next: position };
    position++;
  }
  return { items };
}
