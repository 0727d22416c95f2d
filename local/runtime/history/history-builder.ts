import { forEachState, type AslState, type AslStateMachine } from '../../engine/asl-types.js';
import { readReferencePath } from '../../engine/simple-json-path.js';
import type { TraceEntry } from '../../engine/trace.js';
import { waitOutput } from '../../engine/wait-states.js';
import type { StoredHistoryEvent } from '../store/store-types.js';
import { executionData, jsonText } from './execution-data.js';

/** State types whose history events AWS names `<Type>State...`. */
const STATE_TYPES = new Set(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Map', 'Parallel']);
/** State types that have a `<Type>StateAborted` event when an execution is stopped inside them. */
const ABORTABLE = new Set(['Task', 'Wait', 'Map', 'Parallel']);

/**
 * Turns one execution's engine trace into Step Functions history events, with AWS's event types,
 * sequential ids and `previousEventId` (inside a Map iteration: the previous event of that
 * iteration). Tasks call a Lambda function ARN directly, so a Task shows as AWS shows those:
 * `TaskStateEntered`, `LambdaFunctionScheduled` (with the payload), `LambdaFunctionStarted`,
 * `LambdaFunctionSucceeded` (with the result) `| LambdaFunctionFailed` (again per retry), `TaskStateExited`.
 */
export class HistoryBuilder {
  private lastId: number;
  private readonly lanes = new Map<number, number>();
  private readonly statesByName = new Map<string, AslState>();
  /** Tasks whose last attempt failed (then caught: no LambdaFunctionSucceeded). */
  private readonly failed = new Set<string>();
  private readonly waitInputs = new Map<string, unknown>();

  constructor(private readonly definition: AslStateMachine, lastEventId: number, private readonly now: () => number) {
    this.lastId = lastEventId;
    forEachState(definition, (name, state) => this.statesByName.set(name, state));
  }

  get lastEventId(): number {
    return this.lastId;
  }

  executionStarted(input: string, roleArn: string): StoredHistoryEvent {
    return this.event(undefined, 'ExecutionStarted', { executionStartedEventDetails: { ...executionData('input', input), roleArn } });
  }

  executionSucceeded(output: string | undefined): StoredHistoryEvent {
    return this.event(undefined, 'ExecutionSucceeded', { executionSucceededEventDetails: executionData('output', output) });
  }

  executionFailed(error: string | undefined, cause: string | undefined): StoredHistoryEvent {
    return this.event(undefined, 'ExecutionFailed', { executionFailedEventDetails: errorDetails(error, cause) });
  }

  /** A stop: `<Type>StateAborted` for the state it was in (if that type has one), then ExecutionAborted. */
  executionAborted(current: { name: string; type: string } | undefined, error?: string, cause?: string): StoredHistoryEvent[] {
    const events: StoredHistoryEvent[] = [];
    if (current && ABORTABLE.has(current.type)) events.push(this.event(undefined, `${current.type}StateAborted`, {}));
    events.push(this.event(undefined, 'ExecutionAborted', { executionAbortedEventDetails: errorDetails(error, cause) }));
    return events;
  }

  /**
   * The history events of one trace entry (often none: e.g. WaitStarted, StateCaught). With
   * `reentry` (a resumed execution entering again the state it was in), the `<Type>StateEntered`
   * already in the history is not repeated, but the work that starts again is (e.g. the Lambda call).
   */
  fromTrace(entry: TraceEntry, reentry = false): StoredHistoryEvent[] {
    const type = entry.stateType ?? '';
    const name = entry.state ?? '';
    const lane = entry.index;
    const key = `${name}#${lane ?? ''}`;
    switch (entry.kind) {
      case 'StateEntered': {
        if (!STATE_TYPES.has(type)) return [];
        if (type === 'Wait') this.waitInputs.set(key, entry.input);
        const events = reentry ? [] : [this.event(lane, `${type}StateEntered`, { stateEnteredEventDetails: { name, ...executionData('input', jsonText(entry.input)) } })];
        if (type === 'Task') events.push(...this.lambdaScheduled(lane, name, entry));
        if (type === 'Map') events.push(this.event(lane, 'MapStateStarted', { mapStateStartedEventDetails: this.mapLength(name, entry.input) }));
        if (type === 'Parallel') events.push(this.event(lane, 'ParallelStateStarted', {}));
        return events;
      }
      case 'StateRetried':
        if (type !== 'Task') return [];
        this.failed.delete(key);
        return this.lambdaScheduled(lane, name, entry);
      case 'StateFailed':
        if (type === 'Task') {
          this.failed.add(key);
          return [this.event(lane, 'LambdaFunctionFailed', { lambdaFunctionFailedEventDetails: errorDetails(entry.error, entry.rawCause) })];
        }
        if (type === 'Map' || type === 'Parallel') {
          this.failed.add(key);
          return [this.event(lane, `${type}StateFailed`, {})];
        }
        return [];
      case 'StateExited': {
        if (!STATE_TYPES.has(type) || type === 'Fail') return [];
        const events: StoredHistoryEvent[] = [];
        const wasFailed = this.failed.delete(key);
        if (type === 'Task' && !wasFailed) {
          const output = 'taskOutput' in entry ? executionData('output', jsonText(entry.taskOutput)) : {};
          events.push(this.event(lane, 'LambdaFunctionSucceeded', { lambdaFunctionSucceededEventDetails: output }));
        }
        if ((type === 'Map' || type === 'Parallel') && !wasFailed) events.push(this.event(lane, `${type}StateSucceeded`, {}));
        const output = 'output' in entry ? entry.output : this.waitExitOutput(name, key);
        events.push(this.event(lane, `${type}StateExited`, { stateExitedEventDetails: { name, ...executionData('output', jsonText(output)) } }));
        return events;
      }
      case 'MapIterationStarted': {
        const started = this.event(undefined, 'MapIterationStarted', { mapIterationStartedEventDetails: { name, index: lane } });
        this.lanes.set(lane ?? -1, started.id);
        return [started];
      }
      case 'MapIterationSucceeded':
      case 'MapIterationFailed': {
        const details = entry.kind === 'MapIterationSucceeded' ? 'mapIterationSucceededEventDetails' : 'mapIterationFailedEventDetails';
        return [this.event(lane, entry.kind, { [details]: { name, index: lane } })];
      }
      default:
        return [];
    }
  }

  /**
   * A Lambda attempt, as AWS records one: the function, the payload it was given (the state's input
   * after InputPath and Parameters: the engine's `taskInput`), and the Task's timeout when it sets one.
   */
  private lambdaScheduled(lane: number | undefined, stateName: string, entry: TraceEntry): StoredHistoryEvent[] {
    const state = this.statesByName.get(stateName);
    const details = {
      resource: String(state?.Resource ?? stateName),
      ...('taskInput' in entry ? executionData('input', jsonText(entry.taskInput)) : {}),
      ...taskTimeout(state, entry.taskInput, stateName),
    };
    return [
      this.event(lane, 'LambdaFunctionScheduled', { lambdaFunctionScheduledEventDetails: details }),
      this.event(lane, 'LambdaFunctionStarted', {}),
    ];
  }

  private mapLength(name: string, input: unknown): Record<string, number> {
    const state = this.statesByName.get(name);
    try {
      const afterInputPath = state?.InputPath === undefined ? input : readReferencePath(input, String(state.InputPath), name);
      const items = readReferencePath(afterInputPath, String(state?.ItemsPath ?? '$'), name);
      return Array.isArray(items) ? { length: items.length } : {};
    } catch {
      return {}; // a path the simple reader cannot follow: the length is optional
    }
  }

  /** The engine exits top-level Waits itself, without an output: it is the Wait's input through its paths. */
  private waitExitOutput(name: string, key: string): unknown {
    const input = this.waitInputs.get(key);
    this.waitInputs.delete(key);
    const state = this.statesByName.get(name);
    return state ? waitOutput(name, state, input) : input;
  }

  private event(lane: number | undefined, type: string, details: Record<string, unknown>): StoredHistoryEvent {
    const id = ++this.lastId;
    const previousEventId = lane === undefined ? id - 1 : (this.lanes.get(lane) ?? id - 1);
    if (lane !== undefined) this.lanes.set(lane, id);
    return { id, previousEventId, type, timestampMs: this.now(), details };
  }
}

/**
 * `timeoutInSeconds` as AWS records it: the Task's `TimeoutSeconds`, or its `TimeoutSecondsPath` read
 * from the payload; absent when the Task sets neither (AWS then records none either).
 */
function taskTimeout(state: AslState | undefined, payload: unknown, stateName: string): { timeoutInSeconds?: number } {
  if (typeof state?.TimeoutSeconds === 'number') return { timeoutInSeconds: state.TimeoutSeconds };
  if (typeof state?.TimeoutSecondsPath !== 'string' || payload === undefined) return {};
  try {
    const seconds = readReferencePath(payload, state.TimeoutSecondsPath, stateName);
    return typeof seconds === 'number' ? { timeoutInSeconds: seconds } : {};
  } catch {
    return {}; // the engine fails the state on a path it cannot read; the history just has no timeout
  }
}

function errorDetails(error: string | undefined, cause: string | undefined): Record<string, string> {
  return { ...(error !== undefined ? { error } : {}), ...(cause !== undefined ? { cause } : {}) };
}
