import * as z from 'zod';
import { countOutcomes, flattenResults, readableCause } from '../lib/workflow-logic/run-record.js';
import { RunStateShape, subjectOf } from '../lib/workflow-logic/run-state.js';
import { WORKFLOWS, PreparedWorkflowNameSchema, type PreparedWorkflowName } from '../../workflows/catalog.js';
import { logicActionHandler } from '../lib/workflow-logic/logic-action.js';

export const inputSchema = z.strictObject({ workflow: PreparedWorkflowNameSchema, state: RunStateShape });
export type RecordFailureInput = z.output<typeof inputSchema>;

/** What the workflow's final Fail state reports (`ErrorPath: $.error`, `CausePath: $.cause`). */
export interface FailureRecord {
  status: 'FAILED';
  error: string;
  /**
   * JSON text `{ errorType, errorMessage, workflow, user, completed, failed }`: the same
   * `errorType`/`errorMessage` fields a Lambda cause has, plus the record of every action taken.
   */
  cause: string;
}

/**
 * The failure path: turns the caught error and the run's record into the execution's error and
 * cause, so a failed run says what went wrong, what to do, and what had already been done.
 * Never throws on a well-formed state: it is the last step before the Fail state.
 */
export async function recordFailure({ workflow, state }: RecordFailureInput): Promise<FailureRecord> {
  const actions = flattenResults(state.results);
  const completed = actions.filter((action) => action.outcome !== 'failed');
  // The readable message is in `detail`; the raw Lambda cause (with its stack trace) stays in the execution history.
  const failed = actions.filter((action) => action.outcome === 'failed').map(({ cause: _raw, ...action }) => action);
  const error = state.failure?.Error ?? 'States.TaskFailed';
  const reason = readableCause(state.failure?.Cause) || 'no cause was reported';
  const counts = countOutcomes(completed);
  const done =
    completed.length === 0
      ? 'Nothing had been changed.'
      : `Completed before the failure: ${counts.done} done, ${counts.already} already in place, ${counts.skipped} skipped (see "completed").`;
  const advice = completed.length === 0 ? '' : ' Re-running the same input is safe: finished actions report "already".';
  const errorMessage = `The ${workflow} failed: ${reason}${reason.endsWith('nothing was changed.') ? '' : ` ${done}`}${advice}`;
  return {
    status: 'FAILED',
    error,
    cause: causeWithinLimit({ errorType: error, errorMessage, workflow, user: subjectOf(state), ...(state.report ? { report: state.report } : {}), completed, failed }),
  };
}

/** Step Functions keeps at most 32,768 characters of a Fail state's cause; stay well below. */
export const MAX_CAUSE_CHARS = 30_000;

/**
 * The cause as JSON, dropping the oldest completed entries (and saying how many) when the record is
 * too long; the full record stays in the execution history (RecordFailure's input).
 */
function causeWithinLimit(record: { completed: unknown[]; [key: string]: unknown }): string {
  let text = JSON.stringify(record);
  let kept = record.completed.length;
  while (text.length > MAX_CAUSE_CHARS && kept > 0) {
    kept = Math.floor(kept / 2);
    const omitted = record.completed.length - kept;
    text = JSON.stringify({ ...record, completed: record.completed.slice(omitted), completedOmitted: omitted });
  }
  return text;
}

export const handler = logicActionHandler('recordFailure', inputSchema, recordFailure);
