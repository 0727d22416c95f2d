import { z } from 'zod';
import { ClockNotManualError, type ClockControl, type ClockMove } from '../clock/clock-control.js';
import { refuseNonJson } from './request-guards.js';
import type { Router, RuntimeRequest, RuntimeResponse } from './router.js';

/** `{"advanceMs": N}` or `{"setTime": "<ISO-8601>"}`, nothing else. */
const ClockMoveSchema = z.union([
  z.strictObject({ advanceMs: z.number().finite().min(0, 'advanceMs must not be negative: the clock only moves forward') }),
  z.strictObject({ setTime: z.iso.datetime({ offset: true, message: 'setTime must be an ISO-8601 date-time such as 2026-12-31T10:00:00Z' }) }),
]);

export const CLOCK_PATH = '/__control/clock';

/**
 * The clock control, outside the Step Functions API: `GET /__control/clock` reads it;
 * `POST /__control/clock` with `{"advanceMs":N}` or `{"setTime":ISO}` moves a manual clock
 * (409 on the system clock). The body is validated in full before anything moves.
 */
export function mountClockRoutes(router: Router, control: ClockControl): void {
  router.add('GET', CLOCK_PATH, () => ({ status: 200, body: control.status() }));
  router.add('POST', CLOCK_PATH, (request) => moveClock(request, control));
}

async function moveClock(request: RuntimeRequest, control: ClockControl): Promise<RuntimeResponse> {
  const refusal = refuseNonJson(request.headers);
  if (refusal) return { status: refusal.status, body: { error: refusal.message } };
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8'));
  } catch (error) {
    return badRequest(`The body is not JSON: ${(error as Error).message}. Send {"advanceMs": N} or {"setTime": "<ISO-8601>"}.`);
  }
  const parsed = ClockMoveSchema.safeParse(body);
  if (!parsed.success) {
    return badRequest(`Send exactly one of {"advanceMs": N} (milliseconds, finite, >= 0) or {"setTime": "<ISO-8601>"}: ${describe(parsed.error)}`);
  }
  const move: ClockMove = 'advanceMs' in parsed.data ? { advanceMs: parsed.data.advanceMs } : { setTime: Date.parse(parsed.data.setTime) };
  try {
    return { status: 200, body: await control.move(move) };
  } catch (error) {
    if (error instanceof ClockNotManualError) return { status: 409, body: { error: error.message } };
    if (error instanceof RangeError) return badRequest(error.message);
    throw error;
  }
}

function badRequest(message: string): RuntimeResponse {
  return { status: 400, body: { error: message } };
}

function describe(error: z.ZodError): string {
  const issues = error.issues.flatMap((issue) => (issue.code === 'invalid_union' ? issue.errors.flat() : [issue]));
  return [...new Set(issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`))].join('; ');
}
