import { z } from 'zod';
import { FaultRuleSchema, ScriptedFaultSchema } from './fault-spec.js';
import { ClockChangeSchema } from './clock-change.js';
import type { SimulatorControl } from './control.js';
import type { SimResponse } from './route.js';
import { describeIssues } from './zod-issues.js';

const BehaviourSchema = z.strictObject({
  roleApis: z.enum(['enabled', 'forbidden', 'notFound']).optional(),
  paidSubscription: z.boolean().optional(),
  licenseLimit: z.number().int().min(0).nullable().optional(),
});
const perMinute = z.number().int().min(1).nullable().optional();
const RateLimitsSchema = z.strictObject({ default: perMinute, lastActiveDates: perMinute, events: perMinute });

/** Accepts `[...]` or `{ <key>: [...] }`. */
function listOf(body: unknown, key: string): unknown[] {
  if (Array.isArray(body)) return body;
  const inner = (body as Record<string, unknown> | undefined)?.[key];
  if (Array.isArray(inner)) return inner;
  throw new RangeError(`Send a JSON array, or an object with a "${key}" array.`);
}

const HELP = {
  'POST /__control/reset': 'back to the org as started (users, groups, audit log, behaviour, rate limits, start-up faults); the clock keeps running',
  'GET /__control/state': 'summary: org ids, counts, sites, behaviour, rate limits, faults, clock',
  'GET|PUT|DELETE /__control/faults': 'read / replace (array of rules) / clear fault rules',
  'POST /__control/faults/next': '{pattern?, count, status | drop, retryAfterSeconds?, body?}: fail the next N matching requests',
  'PUT /__control/clock': '{now?, advanceMs?, timeScale?}',
  'PUT /__control/behaviour': '{roleApis?, paidSubscription?, licenseLimit?}',
  'PUT /__control/rate-limits': '{default?, lastActiveDates?, events?} requests/minute, null = off',
  'POST /__control/users': 'array of users to add or replace (email, name, department, groups, lastActive...)',
  'POST /__control/groups': 'array of groups to add or replace (name, synced, kind, members, roles)',
};

/** HTTP front of `SimulatorControl` at `/__control/...`. Bad input is a 400 `{ error }` that says what to fix. */
export function createControlHandler(control: SimulatorControl) {
  return (method: string, path: string, _query: URLSearchParams, body: unknown): SimResponse => {
    try {
      switch (`${method} ${path}`) {
        case 'GET /': return { status: 200, body: HELP };
        case 'POST /reset': control.reset(); return { status: 200, body: control.summary() };
        case 'GET /state': return { status: 200, body: control.summary() };
        case 'GET /faults': return { status: 200, body: control.summary().faults };
        case 'PUT /faults': control.setFaults(z.array(FaultRuleSchema).parse(listOf(body, 'rules'))); return { status: 200, body: control.summary().faults };
        case 'DELETE /faults': control.clearFaults(); return { status: 204 };
        case 'POST /faults/next': control.failNext(ScriptedFaultSchema.parse(body ?? {})); return { status: 200, body: control.summary().faults };
        case 'GET /clock': return { status: 200, body: control.summary().clock };
        case 'PUT /clock': control.setClock(ClockChangeSchema.parse(body ?? {})); return { status: 200, body: control.summary().clock };
        case 'PUT /behaviour': control.setBehaviour(BehaviourSchema.parse(body ?? {})); return { status: 200, body: control.summary().behaviour };
        case 'PUT /rate-limits': control.setRateLimits(RateLimitsSchema.parse(body ?? {})); return { status: 200, body: control.summary().rateLimits };
        case 'POST /users': return { status: 200, body: { accountIds: control.putUsers(listOf(body, 'users')) } };
        case 'POST /groups': return { status: 200, body: { groupIds: control.putGroups(listOf(body, 'groups')) } };
        default: return { status: 404, body: { error: `No control endpoint ${method} /__control${path}.`, endpoints: HELP } };
      }
    } catch (error) {
      const message = error instanceof z.ZodError ? describeIssues(error) : (error as Error).message;
      return { status: 400, body: { error: message } };
    }
  };
}
