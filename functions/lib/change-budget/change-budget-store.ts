/**
 * An org-wide brake on mass changes (like Entra ID's accidental-deletion threshold): every
 * execution that is about to change someone reserves one unit of its kind's daily budget first,
 * counted across all executions, in a store they share (DynamoDB on AWS, SQLite or memory locally).
 * Keyed by kind (`leaver` now, the inactivity sweep's actions later), scope (the org) and UTC day.
 */

/** One execution asking for one unit of today's budget. */
export interface ReservationRequest {
  /** What is counted, e.g. `leaver`. */
  kind: string;
  /** Whose budget: the org id (one AWS stack serves one org; locally several may share a store). */
  scope: string;
  /** The execution's name: a retried Task presents the same one and is not counted twice. */
  executionName: string;
  /** UTC day the unit counts against, `YYYY-MM-DD`. */
  day: string;
  /** Units allowed per day. */
  limit: number;
  /** False when a person overrode the limit: the unit is counted but never refused. */
  enforce: boolean;
  /** When the reservation is made (ISO-8601), for the record. */
  at: string;
}

/** What the store did. `used` counts this execution's unit too when it was reserved. */
export type ReservationOutcome =
  | { status: 'reserved'; used: number }
  | { status: 'already'; day: string; used?: number }
  | { status: 'exceeded'; used: number };

/** Where the units live. Implementations make check-and-count atomic, so concurrent executions cannot overshoot. */
export interface ChangeBudgetStore {
  reserve(request: ReservationRequest): Promise<ReservationOutcome>;
}

/** Reservations are kept this long after their day (DynamoDB TTL, SQLite pruning): enough for any Task retry. */
export const RETENTION_DAYS = 7;

/** `2026-12-01T23:59:00Z` -> `2026-12-01`. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** When the items of `day` (`YYYY-MM-DD`) may be deleted: RETENTION_DAYS after that day ended. */
export function expiryOf(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + (RETENTION_DAYS + 1) * 86_400_000);
}
