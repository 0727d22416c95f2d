import { z } from 'zod';
import { MAX_TIME_SCALE, SIM_TIME_MAX_MS, SIM_TIME_MIN_MS, type SimClock } from '../model/clock.js';

const RANGE = 'between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z';
const SPAN_MS = SIM_TIME_MAX_MS - SIM_TIME_MIN_MS;

/** `PUT /__control/clock` and `control.setClock()`: every number finite and bounded. */
export const ClockChangeSchema = z.strictObject({
  /** Jump to this simulated time (ISO-8601). */
  now: z.string({ error: `now must be an ISO-8601 date-time ${RANGE}` })
    .refine((text) => inRange(Date.parse(text)), { error: `now must be an ISO-8601 date-time ${RANGE}` })
    .optional(),
  /** Move simulated time by this many milliseconds (after `now`, when both are sent). */
  advanceMs: z.number({ error: `advanceMs must be a number of milliseconds between -${SPAN_MS} and ${SPAN_MS}` })
    .min(-SPAN_MS, { error: `advanceMs must be at least -${SPAN_MS}` })
    .max(SPAN_MS, { error: `advanceMs must be at most ${SPAN_MS}` })
    .optional(),
  /** Simulated ms per real ms from now on (0 freezes time). */
  timeScale: z.number({ error: `timeScale must be a number between 0 (frozen) and ${MAX_TIME_SCALE}` })
    .min(0, { error: `timeScale must be between 0 (frozen) and ${MAX_TIME_SCALE}` })
    .max(MAX_TIME_SCALE, { error: `timeScale must be between 0 (frozen) and ${MAX_TIME_SCALE}` })
    .optional(),
});
export type ClockChange = z.input<typeof ClockChangeSchema>;

/**
 * Validates the whole change (including where `now` + `advanceMs` lands) and only then applies
 * it, so a refused change leaves the clock exactly as it was.
 */
export function applyClockChange(clock: SimClock, input: unknown): void {
  const change = ClockChangeSchema.parse(input);
  const from = change.now === undefined ? clock.nowMs() : Date.parse(change.now);
  const target = from + (change.advanceMs ?? 0);
  if (!inRange(target)) {
    throw new RangeError(`advanceMs ${change.advanceMs} from ${new Date(from).toISOString()} would leave the range ${RANGE}; send a smaller advanceMs.`);
  }
  if (change.now !== undefined || change.advanceMs !== undefined) clock.set(new Date(target));
  if (change.timeScale !== undefined) clock.setTimeScale(change.timeScale);
}

function inRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= SIM_TIME_MIN_MS && ms <= SIM_TIME_MAX_MS;
}
