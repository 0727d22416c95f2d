import { ModelError } from './model-error.js';

/**
 * Opaque audit-log cursors. A cursor names the position of the last event a page returned
 * (its time and sequence number), so a page stays stable while new events are appended.
 * Anything that does not decode is an `invalidCursor` error (400 ADMIN-400-1 on the wire).
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

/** Decodes a token from `encodeEventCursor`; throws an `invalidCursor` ModelError otherwise. */
export function decodeEventCursor(cursor: string): EventPosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^ev1:(-?\d+):(\d+)$/.exec(text);
  if (!match) throw new ModelError('invalidCursor', 'The cursor is invalid or has expired. Start again without a cursor.');
  return { time: Number(match[1]), seq: Number(match[2]) };
}
