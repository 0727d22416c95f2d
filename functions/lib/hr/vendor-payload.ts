import type * as z from 'zod';
import type { HrNotice } from './hr-notice.js';

/** What a vendor payload parser makes of a verified body. */
export type PayloadParse =
  | { ok: true; notices: HrNotice[]; eventTypes: string[] }
  | { ok: true; ping: true }
  | { ok: false; message: string };

/** `data.employeeId: expected a string` for the first problem: a 400 reason short enough for a vendor's log. */
export function firstIssue(error: z.ZodError, what: string): string {
  const issue = error.issues[0];
  const path = issue?.path.length ? issue.path.map(String).join('.') : '(body)';
  return `${what}: ${path}: ${issue?.message ?? 'invalid'}`.slice(0, 300);
}
