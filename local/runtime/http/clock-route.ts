import { z } from 'zod';
import { ClockNotManualError, type ClockControl, type ClockMove } from '../clock/clock-control.js';
import { refuseNonJson } from './request-guards.js';
import type { Router, RuntimeRequest, RuntimeResponse } from './router.js';

/** `the string "5"`, `null`, `an array`: what was sent instead of the expected type. */
function described(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `a ${typeof value}`;
}

const unknownKeys = (shape: string) => (issue: { code: string; keys?: string[] }) =>
  issue.code === 'unrecognized_keys' ? `unknown field(s) ${(issue.keys ?? []).map((key) => JSON.stringify(key)).join(', ')}: send ${shape} alone` : undefined;

const AdvanceSchema = z.strictObject(
  {
    advanceMs: z
      .number({ error: (issue) => (typeof issue.input === 'number' ? 'advanceMs must be a finite number of milliseconds' : `advanceMs must be a number of milliseconds, not ${described(issue.input)}`) })
      .min(0, 'advanceMs must not be negative: the clock only moves forward'),
  },
  { error: unknownKeys('{"advanceMs": N}') },
);
const SetTimeSchema = z.strictObject(
  { setTime: z.iso.datetime({ offset: true, message: 'setTime must be an ISO-8601 date-time such as 2026-12-31T10:00:00Z' }) },
  { error: unknownKeys('{"setTime": "<ISO-8601>"}') },
);

/**
 * `{"advanceMs": N}` or `{"setTime": "<ISO-8601>"}`, nothing else. The field present picks the
 * schema, so `{"advanceMs":"5"}` is told about advanceMs, not that advanceMs is an unknown key of
 * the other form.
 */
function parseClockMove(body: unknown): { ok: true; move: ClockMove } | { ok: false; message: string } {
  const shapes = 'Send exactly one of {"advanceMs": N} (milliseconds, >= 0) or {"setTime": "<ISO-8601>"}';
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, message: `${shapes}, not ${described(body)}.` };
  const advance = Object.hasOwn(body, 'advanceMs');
  const setTime = Object.hasOwn(body, 'setTime');
  if (advance && setTime) return { ok: false, message: `${shapes}: not both.` };
  if (!advance && !setTime) return { ok: false, message: `${shapes}: ${describeKeys(Object.keys(body))}.` };
  const parsed = advance ? AdvanceSchema.safeParse(body) : SetTimeSchema.safeParse(body);
  if (!parsed.success) return { ok: false, message: [...new Set(parsed.error.issues.map((issue) => issue.message))].join('; ') };
  return { ok: true, move: 'advanceMs' in parsed.data ? { advanceMs: parsed.data.advanceMs } : { setTime: Date.parse(parsed.data.setTime) } };
}

function describeKeys(keys: string[]): string {
  return keys.length === 0 ? 'the object is empty' : `the body has ${keys.slice(0, 5).map((key) => JSON.stringify(key)).join(', ')} instead`;
}

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
  const parsed = parseClockMove(body);
  if (!parsed.ok) return badRequest(parsed.message);
  try {
    return { status: 200, body: await control.move(parsed.move) };
  } catch (error) {
    if (error instanceof ClockNotManualError) return { status: 409, body: { error: error.message } };
    if (error instanceof RangeError) return badRequest(error.message);
    throw error;
  }
}

function badRequest(message: string): RuntimeResponse {
  return { status: 400, body: { error: message } };
}
