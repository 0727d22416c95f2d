import * as z from 'zod';
import { countPlanned, type PlannedAction } from '../lib/workflow-logic/planned-actions.js';
import { assertNoFailures, countOutcomes, flattenResults, inPlaceRecords, type RecordedAction } from '../lib/workflow-logic/run-record.js';
import { RunStateShape, subjectOf } from '../lib/workflow-logic/run-state.js';
import { WORKFLOWS, PreparedWorkflowNameSchema, type PreparedWorkflowName } from '../../workflows/catalog.js';
import { logicActionHandler, type LogicDeps } from '../lib/workflow-logic/logic-action.js';

export const inputSchema = z.strictObject({
  workflow: PreparedWorkflowNameSchema,
  /** `$$.Execution.Name`: ties the record to the Step Functions execution (and its logs). */
  executionName: z.string().min(1).max(256).optional(),
  state: RunStateShape,
});
export type SummarizeRunInput = z.output<typeof inputSchema>;

/** The output of a successful (or dry) run: who, what was found, and every action with its outcome. */
export interface RunSummary {
  workflow: PreparedWorkflowName;
  status: 'SUCCEEDED' | 'DRY_RUN';
  message: string;
  executionName?: string;
  /** ISO-8601 time the record was made. */
  finishedAt: string;
  user: ReturnType<typeof subjectOf>;
  /** The input's reason; absent when none was given. */
  reason?: string;
  /** Leaver: groups and roles before anything changed (audit, rehire). */
  snapshot?: unknown;
  /** Joiner and mover: the access plan from the rules. */
  plan?: unknown;
  /** Dry runs: what a real run would do. */
  planned?: PlannedAction[];
  /** Leaver: the unit of the org's daily change budget it took, and whether a person overrode the limit. */
  changeBudget?: NonNullable<SummarizeRunInput['state']['budget']>;
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
  const planned = dryRun ? (WORKFLOWS[workflow].planned?.(state) ?? []) : undefined;
  const who = user ? `${user.name || user.email} (${user.accountId})` : (state.request?.identifier ?? 'the user');
  const message = planned
    ? `Dry run of the ${workflow} for ${who}: ${plannedSummary(planned)}; nothing changed.`
    : `The ${workflow} for ${who} finished: ${counts.done} done, ${counts.already} already in place, ${counts.skipped} skipped.${cancellations(actions)}${override(state)}`;
  return {
    workflow,
    status: dryRun ? 'DRY_RUN' : 'SUCCEEDED',
    message,
    ...(executionName ? { executionName } : {}),
    finishedAt: now().toISOString(),
    user,
    ...(state.request?.reason ? { reason: state.request.reason } : {}),
    ...(state.snapshot ? { snapshot: state.snapshot } : {}),
    ...(state.plan ? { plan: state.plan } : {}),
    ...(planned ? { planned } : {}),
    ...(state.budget ? { changeBudget: state.budget } : {}),
    actions,
    counts,
  };
}

/** An overridden brake is said in the message too: auditors read it there first. */
function override(state: SummarizeRunInput['state']): string {
  return state.budget?.outcome === 'overridden' ? ` The daily change limit was overridden (overrideLimits): ${state.budget.detail}` : '';
}

/** A leaver whose request went stale while it waited says so in its message, not only in its actions. */
function cancellations(actions: readonly RecordedAction[]): string {
  const cancelled = actions.filter((a) => a.outcome === 'skipped' && (a.action === 'suspendUser' || a.action === 'removeUser') && a.detail);
  return cancelled.map((a) => ` ${(a.detail as string).split('. ')[0]}.`).join('');
}

/** "4 planned change(s), 1 already in place, 1 will be skipped": only `done` steps change anything. */
function plannedSummary(planned: readonly PlannedAction[]): string {
  const counts = countPlanned(planned);
  return [
    `${counts.done} planned change(s)`,
    ...(counts.already > 0 ? [`${counts.already} already in place`] : []),
    ...(counts.skipped > 0 ? [`${counts.skipped} will be skipped`] : []),
  ].join(', ');
}

export const handler = logicActionHandler('summarizeRun', inputSchema, summarizeRun);
