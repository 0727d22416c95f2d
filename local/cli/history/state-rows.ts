import type { HistoryEvent } from '@aws-sdk/client-sfn';

/** How a state ended, or that it has not yet. */
export type StateRowStatus = 'succeeded' | 'caught' | 'failed' | 'running' | 'waiting' | 'aborted' | 'timed out';

/** One state as the console's Graph / Events table shows it: entered, exited, attempts, errors. */
export interface StateRow {
  name: string;
  /** Task, Wait, Choice, Pass, Map, Parallel, Succeed or Fail (from the event type). */
  type: string;
  /** 0 for the top level; +1 inside each Map iteration or Parallel branch. */
  depth: number;
  /** The Map iteration this state ran in, when the history links it. */
  iteration?: number;
  enteredAt?: Date;
  exitedAt?: Date;
  /** The state's input as Step Functions recorded it (a JSON string). */
  input?: string;
  /** Task attempts (scheduled invocations); retries are attempts - 1. */
  attempts: number;
  errors: { error: string; cause?: string }[];
  status: StateRowStatus;
}

interface OpenRow extends StateRow {
  parent?: OpenRow;
  lastOutcome?: 'ok' | 'failed';
}

const ATTEMPT = new Set(['TaskScheduled', 'LambdaFunctionScheduled', 'ActivityScheduled']);
const SUCCESS = new Set(['TaskSucceeded', 'LambdaFunctionSucceeded', 'ActivitySucceeded', 'MapStateSucceeded', 'ParallelStateSucceeded']);
const FAILURE = /^(Task|LambdaFunction|Activity)(Failed|TimedOut|StartFailed|ScheduleFailed|SubmitFailed)$|^(Map|Parallel)StateFailed$|^EvaluationFailed$/;

/**
 * Folds a full execution history (oldest first) into one row per state entered. Events are
 * attributed to their state by following `previousEventId` (as Step Functions links them: a Task's
 * events back to its StateEntered, a Map iteration's first state back to MapIterationStarted); a
 * history without those links is folded by order and name instead. `executionStatus` says what an
 * unfinished state is (running, or cut short by an abort / timeout).
 */
export function buildStateRows(events: readonly HistoryEvent[], executionStatus: string | undefined): StateRow[] {
  const byId = new Map(events.filter((event) => event.id !== undefined).map((event) => [event.id!, event]));
  const rowOfEntered = new Map<number, OpenRow>();
  const rowOfExited = new Map<number, OpenRow>();
  const rows: OpenRow[] = [];

  /** The state an event belongs to (undefined: the execution itself), found through previousEventId. */
  const locate = (event: HistoryEvent): { linked: boolean; owner?: OpenRow; iteration?: number } => {
    let iteration: number | undefined;
    let current = event.previousEventId ? byId.get(event.previousEventId) : undefined;
    if (!current) return { linked: event.previousEventId === 0 || event.type === 'ExecutionStarted' };
    while (current) {
      const type = current.type ?? '';
      if (type === 'ExecutionStarted') return { linked: true, iteration };
      if (type.endsWith('StateEntered')) return { linked: true, owner: rowOfEntered.get(current.id!), iteration };
      if (type.endsWith('StateExited')) {
        const sibling = rowOfExited.get(current.id!);
        return { linked: true, owner: sibling?.parent, iteration: iteration ?? sibling?.iteration };
      }
      if (type === 'MapIterationStarted') iteration ??= current.mapIterationStartedEventDetails?.index;
      current = current.previousEventId ? byId.get(current.previousEventId) : undefined;
    }
    return { linked: false };
  };
  const open = () => rows.filter((row) => row.exitedAt === undefined);

  for (const event of events) {
    const type = event.type ?? '';
    if (type.endsWith('StateEntered')) {
      const { linked, owner, iteration } = locate(event);
      const parent = linked ? owner : undefined;
      const row: OpenRow = {
        name: event.stateEnteredEventDetails?.name ?? '?',
        type: type.slice(0, -'StateEntered'.length),
        depth: parent ? parent.depth + 1 : 0,
        ...(iteration !== undefined ? { iteration } : {}),
        enteredAt: event.timestamp,
        ...(event.stateEnteredEventDetails?.input !== undefined ? { input: event.stateEnteredEventDetails.input } : {}),
        attempts: 0,
        errors: [],
        status: 'running',
        parent,
      };
      rows.push(row);
      if (event.id !== undefined) rowOfEntered.set(event.id, row);
      continue;
    }
    if (type.startsWith('Execution')) continue;
    const { linked, owner } = locate(event);
    const name = event.stateExitedEventDetails?.name;
    const row = type.endsWith('StateExited')
      ? (linked && owner?.name === name ? owner : open().find((candidate) => candidate.name === name))
      : linked ? owner : open().at(-1);
    if (!row) continue;
    if (type.endsWith('StateExited')) {
      row.exitedAt = event.timestamp;
      if (event.id !== undefined) rowOfExited.set(event.id, row);
    } else if (ATTEMPT.has(type)) {
      row.attempts += 1;
    } else if (SUCCESS.has(type)) {
      row.lastOutcome = 'ok';
    } else if (FAILURE.test(type)) {
      row.lastOutcome = 'failed';
      const details = failureDetails(event);
      row.errors.push({ error: details.error ?? type, ...(details.cause !== undefined ? { cause: details.cause } : {}) });
    }
  }
  return rows.map(({ parent: _parent, lastOutcome, ...row }) => ({ ...row, status: statusOf(row, lastOutcome, executionStatus) }));
}

function statusOf(row: StateRow, lastOutcome: 'ok' | 'failed' | undefined, executionStatus: string | undefined): StateRowStatus {
  if (row.exitedAt !== undefined) return lastOutcome === 'failed' ? 'caught' : 'succeeded';
  if (lastOutcome === 'failed' || row.type === 'Fail') return 'failed';
  if (executionStatus === 'ABORTED') return 'aborted';
  if (executionStatus === 'TIMED_OUT') return 'timed out';
  if (executionStatus === 'FAILED') return 'failed';
  if (executionStatus === 'SUCCEEDED') return 'succeeded';
  return row.type === 'Wait' ? 'waiting' : 'running';
}

/** `{error, cause}` of a failure event, wherever its type keeps them (`taskFailedEventDetails`, ...). */
function failureDetails(event: HistoryEvent): { error?: string; cause?: string } {
  const key = `${event.type![0].toLowerCase()}${event.type!.slice(1)}EventDetails`;
  const details = (event as unknown as Record<string, unknown>)[key] as { error?: string; cause?: string } | undefined;
  return details ?? {};
}
