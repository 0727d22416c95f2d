import * as z from 'zod';
import { plannedActions, type PlannedAction } from '../lib/workflow-logic/planned-actions.js';
import { assertNoFailures, countOutcomes, flattenResults, inPlaceRecords, type RecordedAction } from '../lib/workflow-logic/run-record.js';
import { RunStateShape, WorkflowNameShape, subjectOf } from '../lib/workflow-logic/run-state.js';
import { logicActionHandler, type LogicDeps } from '../lib/workflow-logic/logic-action.js';

export const inputSchema = z.strictObject({
  workflow: WorkflowNameShape,
  /** `$$.Execution.Name`: ties the record to the Step Functions execution (and its logs). */
  executionName: z.string().min(1).max(256).optional(),
  state: RunStateShape,
});
export type SummarizeRunInput = z.output<typeof inputSchema>;

/** The output of a successful (or dry) run: who, what was found, and every action with its outcome. */
export interface RunSummary {
  workflow: 'joiner' | 'mover' | 'leaver' | 'sweep';
  status: 'SUCCEEDED' | 'DRY_RUN';
  message: string;
  executionName?: string;
  /** ISO-8601 time the record was made. */
  finishedAt: string;
  user: ReturnType<typeof subjectOf>;
  reason: string;
  /** Leaver: groups and roles before anything changed (audit, rehire). */
  snapshot?: unknown;
  /** Joiner and mover: the access plan from the rules. */
  plan?: unknown;
  /** Dry runs: what a real run would do. */
  planned?: PlannedAction[];
  actions: RecordedAction[];
  counts: ReturnType<typeof countOutcomes>;
}

/**
 * Builds the run's output from its state. A run whose record holds a failed action (caught inside
 * a Map) is not a success: this throws the first failure's error so the failure path records it.
 */
export async function summarizeRun({ workflow, executionName, state }: SummarizeRunInput, { now }: Pick<LogicDeps, 'now'>): Promise<RunSummary> {
  const dryRun = state.request?.dryRun === true;
  const recorded = flattenResults(state.results);
  assertNoFailures(recorded);
  const actions = dryRun ? recorded : [...inPlaceRecords(state.plan?.accountId ?? '', state.plan?.inPlace), ...recorded];
  const counts = countOutcomes(actions);
  const user = subjectOf(state);
  const planned = dryRun ? plannedActions(workflow, state) : undefined;
  const who = user ? `${user.name || user.email} (${user.accountId})` : (state.request?.identifier ?? 'the user');
  const message = dryRun
    ? `Dry run of the ${workflow} for ${who}: ${planned?.length ?? 0} planned action(s), nothing changed.`
    : `The ${workflow} for ${who} finished: ${counts.done} done, ${counts.already} already in place, ${counts.skipped} skipped.${cancellations(actions)}`;
  return {
    workflow,
    status: dryRun ? 'DRY_RUN' : 'SUCCEEDED',
    message,
    ...(executionName ? { executionName } : {}),
    finishedAt: now().toISOString(),
    user,
    reason: state.request?.reason ?? '',
    ...(state.snapshot ? { snapshot: state.snapshot } : {}),
    ...(state.plan ? { plan: state.plan } : {}),
    ...(planned ? { planned } : {}),
    actions,
    counts,
  };
}

/** A leaver whose request went stale while it waited says so in its message, not only in its actions. */
function cancellations(actions: readonly RecordedAction[]): string {
  const cancelled = actions.filter((a) => a.outcome === 'skipped' && (a.action === 'suspendUser' || a.action === 'removeUser') && a.detail);
  return cancelled.map((a) => ` ${(a.detail as string).split('. ')[0]}.`).join('');
}

export const handler = logicActionHandler('summarizeRun', inputSchema, summarizeRun);
