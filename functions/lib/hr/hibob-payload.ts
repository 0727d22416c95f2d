import * as z from 'zod';
import { EmployeeIdSchema, type HrNotice } from './hr-notice.js';
import { firstIssue, type PayloadParse } from './vendor-payload.js';

/**
 * HiBob v2 webhooks: `{ companyId, type, triggeredBy, triggeredAt, version: "v2", data: { employeeId, ... } }`,
 * ids only ("don't rely on the payload": the workflow reads the person from the People API). The
 * setup "Ping test" (body `Ping test`, or `{"text":"Ping test"}`) must get a 2xx and starts nothing.
 */

const PING = 'Ping test';

/** True for Bob's connection test, in either of its documented forms. */
export function isHiBobPing(rawText: string, body: unknown): boolean {
  if (rawText.trim() === PING) return true;
  return typeof body === 'object' && body !== null && (body as { text?: unknown }).text === PING && Object.keys(body).length === 1;
}

const HiBobV2Schema = z.looseObject({
  type: z.string().min(1).max(64),
  triggeredAt: z.string().max(64).optional(),
  version: z.string().max(8).optional(),
  data: z.looseObject({
    employeeId: z.union([z.string(), z.number().int().nonnegative()]).transform(String).pipe(EmployeeIdSchema).optional(),
    /** Some event variants list the changed field ids; used when present. */
    fieldsChanged: z.array(z.union([z.string().max(128), z.looseObject({ fieldId: z.string().max(128) })])).max(200).optional(),
  }),
});

export function parseHiBobPayload(rawText: string, body: unknown): PayloadParse {
  if (isHiBobPing(rawText, body)) return { ok: true, ping: true };
  const parsed = HiBobV2Schema.safeParse(body);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, 'not a HiBob v2 webhook payload') };
  const { type, triggeredAt, version, data } = parsed.data;
  if (version !== undefined && version !== 'v2') return { ok: false, message: `HiBob webhook version ${version} is not supported; create a v2 webhook.` };
  // An event about no employee (company-level) concerns no account.
  if (data.employeeId === undefined) return { ok: true, notices: [], eventTypes: [type] };
  const changed = data.fieldsChanged?.map((entry) => (typeof entry === 'string' ? entry : entry.fieldId));
  const notice: HrNotice = {
    format: 'hibob.v2',
    type,
    employeeId: data.employeeId,
    ...(changed ? { changedFields: changed } : {}),
    ...(triggeredAt ? { occurredAt: triggeredAt } : {}),
  };
  return { ok: true, notices: [notice], eventTypes: [type] };
}
