import * as z from 'zod';
import { ReasonField, strictInput } from './common-fields.js';
import { MAX_ACTIONS_PER_RUN } from '../../functions/lib/sweep/blast-radius.js';

/** Input of the inactivity sweep: all optional, so a schedule can start it with `{}`. */
export const SweepInputSchema = strictInput({
  dryRun: z
    .boolean({ message: 'dryRun must be true or false' })
    .optional()
    .describe('Report only, change nothing. Default: true until the config says inactivity.enforce: true.'),
  reason: ReasonField.optional(),
  scheduledAt: z.iso
    .datetime({ offset: true, message: 'scheduledAt must be an ISO-8601 date-time with a time zone, e.g. 2026-12-07T06:00:00Z' })
    .optional()
    .describe('The schedule\'s run time this sweep stands for (set by the schedule); the report is titled and filed by it. Default: the start time.'),
  overrideLimits: z
    .boolean({ message: 'overrideLimits must be true or false' })
    .default(false)
    .describe(
      'Act even when more accounts are due than limits.maxSweepActions allows (after reviewing the dry-run report). ' +
        `A run still acts on at most ${MAX_ACTIONS_PER_RUN} accounts: the list has to fit the workflow state.`,
    ),
}).describe(
  'Inactivity sweep: find accounts inactive longer than the inactivity rules allow, reclaim their product licences or ' +
    'suspend them (within the blast-radius limit), and write a CSV and HTML report.',
);

export type SweepInput = z.output<typeof SweepInputSchema>;
