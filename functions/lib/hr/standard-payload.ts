import type { HrNotice } from './hr-notice.js';
import { StandardHrEventSchema } from './standard-hr-event.js';
import { firstIssue, type PayloadParse } from './vendor-payload.js';

/** A `standard` body is one self-contained HR event (standard-hr-event.ts). */
export function parseStandardPayload(body: unknown): PayloadParse {
  const parsed = StandardHrEventSchema.safeParse(body);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, 'not a valid HR event (see docs/webhooks.md)') };
  const notice: HrNotice = { format: 'standard.v1', event: parsed.data };
  return { ok: true, notices: [notice], eventTypes: [parsed.data.type] };
}
