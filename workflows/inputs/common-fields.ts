import * as z from 'zod';
import { emailAddressSchema } from '../../functions/lib/email-address.js';

/**
 * Fields shared by the joiner, mover and leaver inputs. The objects are strict: a misspelt field
 * (`dryrun`, `account_id`) is an error, not a silently ignored option.
 */

export const AccountIdField = z
  .string({ message: 'accountId must be a string: the Atlassian account id, e.g. 5b10ac8d82e05b22cc7d4ef5' })
  .trim()
  .min(1, { message: 'accountId is empty: give the Atlassian account id or use email instead' })
  .max(128, { message: 'accountId is longer than 128 characters: give an account id, not a name or URL' })
  .regex(/^[^\s/?#]+$/, { message: 'accountId must not contain spaces, "/", "?" or "#"' })
  .describe('Atlassian account id of the user.');

export const EmailField = emailAddressSchema({ invalid: 'email must be an email address such as jane.doe@example.com', field: 'email' })
  .describe('Email address of the user (internationalised addresses such as josé.müller@example.com too).');

export const EffectiveAtField = z.iso
  .datetime({ offset: true, message: 'effectiveAt must be an ISO-8601 date-time with a time zone, e.g. 2026-12-01T09:00:00Z' })
  .describe('When the change takes effect (ISO-8601 with time zone). In the future: the workflow waits until then. Ignored by dry runs.');

export const ReasonField = z
  .string({ message: 'reason must be a string' })
  .trim()
  .max(500, { message: 'reason is longer than 500 characters' })
  .describe('Free text for the audit record, e.g. an HR ticket number.');

export const DryRunField = z
  .boolean({ message: 'dryRun must be true or false' })
  .default(false)
  .describe('Plan only: look everything up, return what would be done, change nothing.');

/**
 * Zod trims before `min(1)`, so "   " is empty to it; the published JSON Schema sees the raw text
 * and needs this pattern to refuse whitespace-only values too.
 */
export const NOT_BLANK_JSON_SCHEMA = { pattern: '\\S' };

const attribute = (name: string, example: string) =>
  z
    .string({ message: `${name} must be a string, e.g. ${example}` })
    .trim()
    .min(1, { message: `${name} is empty: give a value or leave the field out` })
    .max(255, { message: `${name} is longer than 255 characters` })
    .meta(NOT_BLANK_JSON_SCHEMA);

/** HR attributes the access rules match on. */
export const AttributeFields = {
  department: attribute('department', 'Engineering').optional().describe('Department, matched by the access rules.'),
  jobTitle: attribute('jobTitle', 'Software Engineer').optional().describe('Job title, matched by the access rules.'),
  location: attribute('location', 'Amsterdam').optional().describe('Location, matched by the access rules.'),
};

/**
 * A strict input object whose errors say what to do: an unknown field is most often a misspelling
 * (`dryrun`, `account_id`), and the fix is the camelCase name.
 */
export function strictInput<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        return `unknown field(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}: check the spelling (fields are camelCase, e.g. dryRun, accountId, effectiveAt)`;
      }
      if (issue.code === 'invalid_type') return 'the input must be a JSON object, e.g. { "email": "jane.doe@example.com" }';
      return undefined;
    },
  });
}
