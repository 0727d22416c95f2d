import * as z from 'zod';
import { EmployeeIdSchema, type HrNotice } from './hr-notice.js';
import { firstIssue, type PayloadParse } from './vendor-payload.js';

/**
 * BambooHR's two webhook formats. Event-based (current): `{ type, timestamp, data: { companyId,
 * employeeId, changedFields } }`, ids only. Field-based (legacy): `{ employees: [{ id, action,
 * changedFields, fields, timestamp }] }` with the configured fields' values. Unknown extra fields
 * are tolerated (vendors add them); the ones we read are checked.
 */

const employeeId = z.union([z.string(), z.number().int().nonnegative()]).transform(String).pipe(EmployeeIdSchema);
const changedFields = z.array(z.string().max(128)).max(200).optional();
const timestamp = z.string().max(64).optional();

const EventBasedSchema = z.looseObject({
  type: z.string().min(1).max(64),
  timestamp,
  data: z.looseObject({ employeeId, changedFields }),
});

const fieldValue = z.union([z.string().max(1024), z.number(), z.boolean(), z.null()]).transform((value) => (value === null ? null : String(value)));

const FieldBasedSchema = z.looseObject({
  employees: z
    .array(z.looseObject({ id: employeeId, action: z.string().max(32).optional(), changedFields, fields: z.record(z.string().max(128), fieldValue).optional(), timestamp }))
    .min(1, { message: 'the delivery names no employee' })
    .max(1000, { message: 'more than 1000 employees in one delivery' }),
});

/** `Updated` -> `employee.updated`: field-based actions share the event-based names for the event mapping. */
export function fieldBasedEventType(action: string | undefined): string {
  return `employee.${(action ?? 'updated').trim().toLowerCase() || 'updated'}`;
}

export function parseBambooHrPayload(body: unknown): PayloadParse {
  if (typeof body === 'object' && body !== null && 'employees' in body) {
    const parsed = FieldBasedSchema.safeParse(body);
    if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, 'not a BambooHR field-based payload') };
    const notices = parsed.data.employees.map((employee) => ({
      format: 'bamboohr.fields' as const,
      type: fieldBasedEventType(employee.action),
      employeeId: employee.id,
      ...(employee.changedFields ? { changedFields: employee.changedFields } : {}),
      fields: employee.fields ?? {},
      ...(employee.timestamp ? { occurredAt: employee.timestamp } : {}),
    }));
    return { ok: true, notices: notices satisfies HrNotice[], eventTypes: [...new Set(notices.map((notice) => notice.type))] };
  }
  const parsed = EventBasedSchema.safeParse(body);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, 'not a BambooHR event-based payload') };
  const { type, data } = parsed.data;
  const notice: HrNotice = {
    format: 'bamboohr.event',
    type,
    employeeId: data.employeeId,
    ...(data.changedFields ? { changedFields: data.changedFields } : {}),
    ...(parsed.data.timestamp ? { occurredAt: parsed.data.timestamp } : {}),
  };
  return { ok: true, notices: [notice], eventTypes: [type] };
}
