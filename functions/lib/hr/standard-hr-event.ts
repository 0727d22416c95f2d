import * as z from 'zod';
import { emailAddressSchema } from '../email-address.js';
import { HR_EVENT_KINDS } from '../config/hr-config-schema.js';

/**
 * The body of a `standard` webhook (Standard Webhooks signature, docs/webhooks.md): one HR event,
 * self-contained, for HR systems and integration platforms that can POST JSON (Workday, Rippling,
 * Personio, iPaaS). Strict: an unknown field is an error, so a misspelt `jobtitle` is not dropped.
 */

const text = (name: string, example: string, max = 255) =>
  z
    .string({ message: `${name} must be a string, e.g. ${example}` })
    .trim()
    .min(1, { message: `${name} is empty: give a value or leave the field out` })
    .max(max, { message: `${name} is longer than ${max} characters` });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Strict objects whose errors name unknown fields (most often a misspelling) and the expected shape. */
const strictShape = (shape: string) => ({
  error: (issue: { code: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `unknown field(s) ${(issue.keys ?? []).map((key) => `"${key}"`).join(', ')}: check the spelling (fields are camelCase, see docs/webhooks.md)`
      : `expected ${shape}`,
});

export const StandardPersonSchema = z.strictObject(
  {
    id: text('person.id', '"E-1042"', 64)
      .regex(/^[A-Za-z0-9._@-]+$/, { message: 'person.id may contain only letters, digits and . _ @ -' })
      .optional()
      .describe("The person's id in the HR system (recommended: keeps execution names stable and free of emails)."),
    workEmail: emailAddressSchema({ invalid: 'person.workEmail must be the work email address, e.g. jane.doe@example.com', field: 'person.workEmail' })
      .describe('Work email: matched to the Atlassian account email.'),
    name: text('person.name', '"Jane Doe"').optional().describe('Display name (joiner invite).'),
    department: text('person.department', 'Engineering').optional().describe('Department, matched by the access rules.'),
    jobTitle: text('person.jobTitle', '"Software Engineer"').optional().describe('Job title, matched by the access rules.'),
    location: text('person.location', 'Amsterdam').optional().describe('Location, matched by the access rules (and its time zone, hr.timing).'),
  },
  strictShape('person to be an object { workEmail, id?, name?, department?, jobTitle?, location? }'),
);

export const StandardHrEventSchema = z
  .strictObject(
    {
      type: z.enum(HR_EVENT_KINDS, { message: `type must be one of ${HR_EVENT_KINDS.join(', ')}` }).describe('What happened.'),
      person: StandardPersonSchema,
      effectiveDate: z
        .union([
          z.string().regex(DATE).refine((value) => !Number.isNaN(Date.parse(value)), { message: 'not a calendar date' }),
          z.iso.datetime({ offset: true }),
        ], { message: 'effectiveDate must be a date (2026-03-01) or an ISO-8601 date-time with a zone (2026-03-01T09:00:00+01:00)' })
        .optional()
        .describe('Start date (hire, rehire), last day (termination) or date of the change; a date takes effect at the configured local time.'),
      reference: text('reference', '"HR-1234"', 200).optional().describe('Your reference (HR ticket), kept in the audit record.'),
    },
    strictShape('the body to be a JSON object { type, person, effectiveDate?, reference? }'),
  )
  .describe('An HR event for atlassian-jml (POST /webhooks/standard, signed per Standard Webhooks).');

export type StandardHrEvent = z.output<typeof StandardHrEventSchema>;
