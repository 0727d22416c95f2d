import * as z from 'zod';
import { HR_SOURCES } from '../config/hr-config-schema.js';
import { StandardHrEventSchema } from './standard-hr-event.js';

/**
 * What the receiver hands the hr-event workflow: the verified delivery, reduced to one notice per
 * person it is about (a BambooHR field-based delivery may name several). Ids and the vendor's own
 * words only: the workflow calls the HR API back for the person (except where the payload carries
 * the values: field-based BambooHR, standard).
 */

export const EmployeeIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._@-]{1,64}$/, { message: 'an employee id is 1-64 letters, digits or . _ @ -' });

const changedFields = z.array(z.string().max(128)).max(200);
const occurredAt = z.string().max(64).optional();

export const BambooHrEventNoticeSchema = z.strictObject({
  format: z.literal('bamboohr.event'),
  type: z.string().max(64),
  employeeId: EmployeeIdSchema,
  /** Absent: the payload did not say (treated as "anything may have changed"). */
  changedFields: changedFields.optional(),
  occurredAt,
});

export const BambooHrFieldsNoticeSchema = z.strictObject({
  format: z.literal('bamboohr.fields'),
  /** The delivery's `action` as an event type: `Created` -> `employee.created`. */
  type: z.string().max(64),
  employeeId: EmployeeIdSchema,
  changedFields: changedFields.optional(),
  /** The posted fields, by the names the webhook was configured with. */
  fields: z.record(z.string().max(128), z.string().max(1024).nullable()),
  occurredAt,
});

export const HiBobNoticeSchema = z.strictObject({
  format: z.literal('hibob.v2'),
  type: z.string().max(64),
  employeeId: EmployeeIdSchema,
  changedFields: changedFields.optional(),
  occurredAt,
});

export const StandardNoticeSchema = z.strictObject({
  format: z.literal('standard.v1'),
  event: StandardHrEventSchema,
});

export const HrNoticeSchema = z.discriminatedUnion('format', [
  BambooHrEventNoticeSchema,
  BambooHrFieldsNoticeSchema,
  HiBobNoticeSchema,
  StandardNoticeSchema,
]);
export type HrNotice = z.output<typeof HrNoticeSchema>;

/** At most this many notices per delivery (a BambooHR field-based batch); more is refused with 413. */
export const MAX_NOTICES_PER_DELIVERY = 100;

/** Input of the hr-event workflow (`workflows/hr-event.asl.json`). */
export const HrEventInputSchema = z
  .strictObject({
    source: z.enum(HR_SOURCES),
    /** The delivery's identity (the execution name without its prefix); stable across redeliveries. */
    deliveryId: z.string().min(1).max(128),
    receivedAt: z.iso.datetime({ offset: true }),
    notices: z.array(HrNoticeSchema).min(1).max(MAX_NOTICES_PER_DELIVERY),
  })
  .describe('hr-event: one verified HR webhook delivery; each notice is resolved against the HR system and may start a joiner, mover or leaver.');
export type HrEventInput = z.output<typeof HrEventInputSchema>;

/** The employee a notice is about, for names and logs (never an email). */
export function noticeSubject(notice: HrNotice): string | undefined {
  return notice.format === 'standard.v1' ? notice.event.person.id : notice.employeeId;
}
