import * as z from 'zod';

/**
 * What every mutating action returns. `already` means the desired end state held before we
 * acted; `skipped` means we deliberately did nothing (the reason is in `detail`, e.g. an
 * IdP-synced group). Re-running an action never fails because it ran before.
 */
export const ActionOutcomeSchema = z.enum(['done', 'already', 'skipped']);
export type ActionOutcome = z.infer<typeof ActionOutcomeSchema>;

export const ActionResultSchema = z.object({
  action: z.string(),
  target: z.string(),
  outcome: ActionOutcomeSchema,
  detail: z.string(),
});
export type ActionResult = z.infer<typeof ActionResultSchema>;

export function actionResult(action: string, target: string, outcome: ActionOutcome, detail: string): ActionResult {
  return { action, target, outcome, detail };
}
