import * as z from 'zod';

/**
 * The record of a run: `$.results` in the workflow state, one entry per step (an ActionResult)
 * or per Map (a list of them). Inside a Map, a Task that failed for good is caught and recorded as
 * a `failed` entry, so the other items' outcomes are kept and the run can end FAILED with a
 * complete record.
 */

export const RecordedActionSchema = z.looseObject({
  action: z.string(),
  target: z.string(),
  outcome: z.enum(['done', 'already', 'skipped', 'failed']),
  detail: z.string().optional(),
  /** `failed` entries: the error name and the Lambda cause. */
  error: z.string().optional(),
  cause: z.string().optional(),
});
export type RecordedAction = z.output<typeof RecordedActionSchema>;

export const ResultsSchema = z.record(z.string(), z.union([RecordedActionSchema, z.array(RecordedActionSchema)])).default({});
export type Results = z.output<typeof ResultsSchema>;

/** The human part of a Step Functions `Cause`: the Lambda `errorMessage` when it is the runtime's JSON. */
export function readableCause(cause: string | undefined): string {
  if (!cause) return '';
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    if (typeof parsed?.errorMessage === 'string') return parsed.errorMessage;
  } catch {
    // A literal cause (e.g. from a Fail state): shown as is.
  }
  return cause;
}

/** Every recorded action in step order; `failed` entries carry a readable `detail`. */
export function flattenResults(results: Results): RecordedAction[] {
  return Object.values(results)
    .flatMap((entry) => (Array.isArray(entry) ? entry : [entry]))
    .map((entry) =>
      entry.outcome === 'failed' && !entry.detail ? { ...entry, detail: `${entry.error ?? 'Error'}: ${readableCause(entry.cause)}` } : entry,
    );
}

/** Counts per outcome, for a summary line. */
export function countOutcomes(actions: readonly RecordedAction[]): Record<RecordedAction['outcome'], number> {
  const counts = { done: 0, already: 0, skipped: 0, failed: 0 };
  for (const action of actions) counts[action.outcome] += 1;
  return counts;
}

/** An error that carries the name of the first failed action, so Catch and the execution show it. */
export class RecordedFailureError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/**
 * Throws when any recorded action failed (after its retries). The error's name is the first
 * failure's (e.g. `Atlassian.Forbidden`) and its message lists each failed action.
 */
export function assertNoFailures(actions: readonly RecordedAction[]): void {
  const failed = actions.filter((action) => action.outcome === 'failed');
  if (failed.length === 0) return;
  // Details are sentences; drop their final period so the list ends with exactly one.
  const lines = failed.map((action) => `${action.action} ${action.target}: ${(action.detail ?? action.error ?? 'failed').replace(/[.\s]+$/, '')}`);
  throw new RecordedFailureError(
    failed[0].error ?? 'States.TaskFailed',
    `${failed.length} of ${actions.length} action(s) failed after retries: ${lines.join('; ')}.`,
  );
}

/**
 * `already` records for access the plan found in place (the mover only calls the API for what is
 * missing), so a re-run of the same move reports every desired group and role as `already`.
 */
export function inPlaceRecords(accountId: string, inPlace: { groups: string[]; roles: Array<{ resourceId: string; role: string }> } | undefined): RecordedAction[] {
  if (!inPlace) return [];
  return [
    ...inPlace.groups.map((group) => ({
      action: 'addToGroup',
      target: `${accountId} -> ${group}`,
      outcome: 'already' as const,
      detail: `Already a member of "${group}" before the run; nothing to add.`,
    })),
    ...inPlace.roles.map((role) => ({
      action: 'grantRole',
      target: `${accountId} -> ${role.role} on ${role.resourceId}`,
      outcome: 'already' as const,
      detail: 'Already held the role before the run; nothing to grant.',
    })),
  ];
}
