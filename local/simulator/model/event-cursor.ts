import { invalidCursor } from '../http/wire-error.js';

/**
 * Opaque audit-log cursors. A cursor names the position of the last event a page returned
 * (its time and sequence number), so a page stays stable while new events are appended.
 * Anything that does not decode is the documented 400 ADMIN-400-1.
 */
export interface EventPosition {
  /** Event time, epoch ms. */
  time: number;
  /** Insertion sequence number, unique per event. */
  seq: number;
}

const PREFIX = 'ev1:';

/** Encodes a position as an opaque, URL-safe token. */
export function encodeEventCursor(position: EventPosition): string {
  return Buffer.from(`${PREFIX}${position.time}:${position.seq}`, 'utf8').toString('base64url');
}

/** Decodes a token from `encodeEventCursor`; throws the ADMIN-400-1 wire error otherwise. */
export function decodeEventCursor(cursor: string): EventPosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^ev1:(-?\d+):(\d+)$/.exec(text);
  if (!match) throw invalidCursor();
  return { time: Number(match[1]), seq: Number(match[2]) };
}
