import * as z from 'zod';
import { isTimeZone } from '../schedule/time-zone.js';

/**
 * The `hr:` section of the JML config: which HR systems may send webhooks, what their events mean,
 * which HR fields fill the workflow attributes, and at what local time an HR date takes effect.
 * Absent: no webhook source is enabled (every `POST /webhooks/{source}` is a 404).
 */

/** The webhook sources the receiver knows (`POST /webhooks/{source}`). */
export const HR_SOURCES = ['bamboohr', 'hibob', 'standard'] as const;
export type HrSource = (typeof HR_SOURCES)[number];

/** What an HR event means, whatever the vendor calls it. */
export const HR_EVENT_KINDS = ['hire', 'rehire', 'change', 'termination'] as const;
export type HrEventKind = (typeof HR_EVENT_KINDS)[number];

/** A vendor event type's meaning: a kind, `auto` (decided from the changed fields and the record) or `ignore`. */
export const VENDOR_EVENT_MEANINGS = [...HR_EVENT_KINDS, 'auto', 'ignore'] as const;
export type VendorEventMeaning = (typeof VENDOR_EVENT_MEANINGS)[number];

const fieldName = (example: string) =>
  z
    .string({ message: `expected an HR field name, e.g. ${example}` })
    .trim()
    .min(1, { message: `expected an HR field name, e.g. ${example}; got an empty string` })
    .max(128, { message: 'an HR field name is at most 128 characters' });

/** Which HR field holds each value the workflows need; omitted ones keep the vendor default. */
const FieldMapSchema = z.strictObject(
  {
    email: fieldName('workEmail').optional().describe('The work email, matched to the Atlassian account email.'),
    firstName: fieldName('firstName').optional(),
    lastName: fieldName('lastName').optional(),
    department: fieldName('department').optional(),
    jobTitle: fieldName('jobTitle').optional(),
    location: fieldName('location').optional(),
  },
  { message: 'expected { email?, firstName?, lastName?, department?, jobTitle?, location? } (HR field names)' },
);
export type HrFieldMap = z.output<typeof FieldMapSchema>;

const EventMapSchema = z.record(
  z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { message: 'an event type looks like employee.updated' }),
  z.enum(VENDOR_EVENT_MEANINGS, { message: `expected one of ${VENDOR_EVENT_MEANINGS.join(', ')}` }),
  { message: 'expected a map of vendor event type -> hire | rehire | change | termination | auto | ignore' },
);

const apiBaseUrl = z
  .url({ protocol: /^https?$/, message: 'expected the HR API base URL, e.g. https://api.hibob.com/v1' })
  .transform((url) => url.replace(/\/+$/, ''));

export const BambooHrSourceSchema = z.strictObject(
  {
    companyDomain: z
      .string({ message: 'expected your BambooHR company domain, e.g. acme (from https://acme.bamboohr.com)' })
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/i, { message: 'expected the company domain only, e.g. acme (not a URL)' }),
    /** @default https://api.bamboohr.com/api/gateway.php/<companyDomain> */
    apiBaseUrl: apiBaseUrl.optional(),
    fields: FieldMapSchema.default({}),
    events: EventMapSchema.default({}),
  },
  { message: 'expected { companyDomain, apiBaseUrl?, fields?, events? }' },
);

export const HiBobSourceSchema = z.strictObject(
  {
    /** @default https://api.hibob.com/v1 */
    apiBaseUrl: apiBaseUrl.optional(),
    fields: FieldMapSchema.default({}),
    events: EventMapSchema.default({}),
  },
  { message: 'expected { apiBaseUrl?, fields?, events? }' },
);

export const StandardSourceSchema = z.strictObject({}, { message: 'expected {} (the standard source takes no settings)' });

const workflowOrNone = z.enum(['joiner', 'mover', 'leaver', 'none'], { message: 'expected joiner, mover, leaver or none' });

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a 24-hour time HH:MM, e.g. 09:00' });

const timeZone = z.string().refine(isTimeZone, { message: 'expected an IANA time zone, e.g. Europe/Amsterdam or UTC' });

export const HrConfigSchema = z.strictObject(
  {
    sources: z
      .strictObject(
        { bamboohr: BambooHrSourceSchema.optional(), hibob: HiBobSourceSchema.optional(), standard: StandardSourceSchema.optional() },
        { message: `expected sources with any of ${HR_SOURCES.join(', ')}` },
      )
      .default({}),
    /** HR event kind -> workflow. */
    workflows: z
      .strictObject({
        hire: workflowOrNone.default('joiner'),
        rehire: workflowOrNone.default('joiner'),
        change: workflowOrNone.default('mover'),
        termination: workflowOrNone.default('leaver'),
      })
      .default({ hire: 'joiner', rehire: 'joiner', change: 'mover', termination: 'leaver' }),
    /** When an HR date (start, termination) takes effect, in local time. */
    timing: z
      .strictObject({
        timeZone: timeZone.default('UTC'),
        /** Per HR location, e.g. `Sydney: Australia/Sydney`; others use `timeZone`. */
        locationTimeZones: z.record(z.string().min(1), timeZone).default({}),
        startTime: timeOfDay.default('08:00').describe('A joiner starts at this local time on the start date.'),
        endTime: timeOfDay.default('18:00').describe('A leaver leaves at this local time on the termination date.'),
      })
      .default({ timeZone: 'UTC', locationTimeZones: {}, startTime: '08:00', endTime: '18:00' }),
  },
  { message: 'expected hr: { sources, workflows?, timing? }' },
);

export type HrConfig = z.output<typeof HrConfigSchema>;
