import * as z from 'zod';
import { AccountIdField, DryRunField, EffectiveAtField, EmailField, ReasonField, strictInput } from './common-fields.js';
import { withExactlyOneIdentifier } from './exactly-one-identifier.js';

/** Input of the leaver workflow: who leaves, when, and whether to only plan. */
export const LeaverInputSchema = withExactlyOneIdentifier(
  strictInput({
    accountId: AccountIdField.optional(),
    email: EmailField.optional(),
    effectiveAt: EffectiveAtField.optional(),
    reason: ReasonField.optional(),
    dryRun: DryRunField,
    graceDays: z
      .number({ message: 'graceDays must be a number of days, e.g. 30' })
      .int({ message: 'graceDays must be a whole number of days' })
      .min(0, { message: 'graceDays cannot be negative; use 0 to remove right after suspending' })
      .max(365, { message: 'graceDays is at most 365' })
      .optional()
      .describe('Days between suspension and removal from the directory; default from the JML config (leaver.graceDays).'),
    overrideLimits: z
      .boolean({ message: 'overrideLimits must be true or false' })
      .default(false)
      .describe(
        'Go ahead although the org-wide brake is engaged (limits.maxLeaversPerDay leavers already acted today). ' +
          'Only after reviewing why so many leavers ran; the output records the override.',
      ),
  }),
).describe('Leaver: suspend the user, remove their group memberships, and after a grace period remove them from the directory.');

export type LeaverInput = z.output<typeof LeaverInputSchema>;
