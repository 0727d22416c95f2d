import * as z from 'zod';
import { AttributeFields, DryRunField, EffectiveAtField, EmailField, NOT_BLANK_JSON_SCHEMA, ReasonField, strictInput } from './common-fields.js';

/** Input of the joiner workflow: who joins, their HR attributes, and when they start. */
export const JoinerInputSchema = strictInput({
  email: EmailField,
  name: z
    .string({ message: 'name must be a string, e.g. "Jane Doe"' })
    .trim()
    .min(1, { message: 'name is empty: give the display name or leave the field out' })
    .max(255, { message: 'name is longer than 255 characters' })
    .meta(NOT_BLANK_JSON_SCHEMA)
    .optional()
    .describe('Display name for the invite; default derived from the email address.'),
  ...AttributeFields,
  effectiveAt: EffectiveAtField.optional().describe('Start date-time (ISO-8601 with time zone); the workflow waits until then. Ignored by dry runs.'),
  reason: ReasonField.optional(),
  dryRun: DryRunField,
})
  .describe('Joiner: invite the user (or restore a suspended rehire) and grant the groups and roles the access rules give their attributes.');

export type JoinerInput = z.output<typeof JoinerInputSchema>;
