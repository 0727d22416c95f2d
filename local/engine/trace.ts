import { readableCause } from './lambda-error.js';
import type { TaskCall, TaskCalls } from './task-calls.js';

/**
 * One step of an execution, as the engine reports it (derived from aws-local-stepfunctions'
 * `eventLogs`). `index` is set for states inside a Map iteration.
 */
export interface TraceEntry {
  kind:
    | 'ExecutionStarted'
    | 'ExecutionSucceeded'
    | 'ExecutionFailed'
    | 'ExecutionAborted'
    | 'StateEntered'
    | 'StateExited'
    | 'StateRetried'
    | 'StateCaught'
    | 'StateFailed'
    | 'MapIterationStarted'
    | 'MapIterationSucceeded'
    | 'MapIterationFailed'
    | 'WaitStarted';
  /** Milliseconds since the execution started. */
  at: number;
  /** The state; for MapIteration* entries, the Map state. */
  state?: string;
  stateType?: string;
  index?: number;
  /** On StateExited: time spent in the state, retries included. */
  durationMs?: number;
  /** On StateRetried: 1 for the first retry. */
  attempt?: number;
  /** Error name (StateFailed, StateRetried: the error that caused the retry, StateCaught, ExecutionFailed). */
  error?: string;
  /** The readable part of the cause (a Lambda error's `errorMessage`). */
  cause?: string;
  /** The cause exactly as Step Functions reports it (for a Lambda error, the runtime's JSON). */
  rawCause?: string;
  /** On StateCaught: where the Catch sends the execution. */
  next?: string;
  /** On StateEntered: the state's raw input (for a Fail state, the record a FAILED execution leaves). */
  input?: unknown;
  /** On StateExited: the state's output (absent on the engine's own Wait exits). */
  output?: unknown;
  /** Task attempts (StateEntered, StateRetried), when the run keeps task calls: the payload its Lambda got. */
  taskInput?: unknown;
  /** Task StateExited, when the run keeps task calls: what its Lambda returned (before ResultSelector, ResultPath). */
  taskOutput?: unknown;
  /** On WaitStarted: the ISO-8601 time the Wait ends; `shortened` when the run skips it. */
  until?: string;
  shortened?: boolean;
}

/** The loose shape of an aws-local-stepfunctions event log entry (its type is not exported). */
export interface EngineEvent {
  type: string;
  timestamp: number;
  state?: { name: string; type: string; input?: unknown; output?: unknown };
  /** MapIteration* events: the Map state. */
  parentState?: { name: string; type: string };
  index?: number;
  retry?: { attempt: number };
  catch?: { catcher: { Next: string } };
  Error?: string;
  Cause?: unknown;
  /** Engine-made WaitStarted events (the engine runs top-level Waits itself). */
  until?: string;
  shortened?: boolean;
}

/**
 * Turns the engine's event stream into `TraceEntry`s and counts state transitions the way Step
 * Functions Standard bills them: every state entered, plus every retry attempt.
 */
export class TraceRecorder {
  readonly entries: TraceEntry[] = [];
  transitions = 0;
  private readonly startedAt: number;
  private readonly enteredAt = new Map<string, number>();
  private readonly lastError = new Map<string, { error?: string; cause?: string }>();
  /** The Lambda call of the Task attempt running in each state and Map iteration. */
  private readonly attempts = new Map<string, TaskCall>();

  /** With `calls`, Task entries carry the payload and result of their Lambda call (`taskInput`, `taskOutput`). */
  constructor(private readonly onEntry?: (entry: TraceEntry) => void, startedAt = Date.now(), private readonly calls?: TaskCalls) {
    this.startedAt = startedAt;
  }

  /** Records one event; returns the entry it produced, if any. */
  record(event: EngineEvent): TraceEntry | undefined {
    const entry = this.toEntry(event);
    if (entry) {
      this.entries.push(entry);
      this.onEntry?.(entry);
    }
    return entry;
  }

  private toEntry(event: EngineEvent): TraceEntry | undefined {
    const at = event.timestamp - this.startedAt;
    const state = event.state?.name;
    const base = { at, state, stateType: event.state?.type, ...(event.index !== undefined ? { index: event.index } : {}) };
    const key = `${state}#${event.index ?? ''}`;
    const error = {
      error: event.Error,
      cause: event.Cause === undefined ? undefined : readableCause(event.Cause),
      rawCause: event.Cause === undefined ? undefined : typeof event.Cause === 'string' ? event.Cause : JSON.stringify(event.Cause),
    };
    switch (event.type) {
      case 'ExecutionStarted':
      case 'ExecutionSucceeded':
      case 'ExecutionAborted':
        return { kind: event.type, at };
      case 'WaitStarted':
        return { kind: 'WaitStarted', ...base, until: event.until, ...(event.shortened ? { shortened: true } : {}) };
      case 'ExecutionFailed':
        return { kind: event.type, at, ...error };
      case 'MapIterationStarted':
      case 'MapIterationSucceeded':
      case 'MapIterationFailed':
        return { kind: event.type, at, state: event.parentState?.name, index: event.index, ...(event.type === 'MapIterationFailed' ? error : {}) };
      case 'StateEntered':
        this.transitions += 1;
        this.enteredAt.set(key, event.timestamp);
        return { kind: 'StateEntered', ...base, input: event.state?.input, ...this.taskAttempt(event, key) };
      case 'StateExited': {
        const since = this.enteredAt.get(key) ?? event.timestamp;
        const call = event.state?.type === 'Task' ? this.attempts.get(key) : undefined;
        this.attempts.delete(key);
        return {
          kind: 'StateExited',
          ...base,
          durationMs: event.timestamp - since,
          ...(event.state && 'output' in event.state ? { output: event.state.output } : {}),
          ...(call && 'output' in call ? { taskOutput: call.output } : {}),
        };
      }
      case 'StateFailed':
        this.lastError.set(key, error);
        return { kind: 'StateFailed', ...base, ...error };
      case 'StateRetried':
        this.transitions += 1;
        return { kind: 'StateRetried', ...base, attempt: event.retry?.attempt, ...this.lastError.get(key), ...this.taskAttempt(event, key) };
      case 'StateCaught':
        return { kind: 'StateCaught', ...base, next: event.catch?.catcher.Next, ...this.lastError.get(key) };
      default:
        return undefined;
    }
  }

  /** A Task attempt begins: its Lambda call (task-calls.ts), remembered until the state exits. */
  private taskAttempt(event: EngineEvent, key: string): { taskInput?: unknown } {
    if (!this.calls || event.state?.type !== 'Task') return {};
    const call = this.calls.nextAttempt(event.state.name);
    if (!call) {
      this.attempts.delete(key);
      return {};
    }
    this.attempts.set(key, call);
    return { taskInput: call.input };
  }
}

/** The names of the states entered, in order (Map iterations included): the path an execution took. */
export function statesEntered(trace: readonly TraceEntry[]): string[] {
  return trace.filter((e) => e.kind === 'StateEntered').map((e) => e.state as string);
}

// Waits get their own line (WaitStarted, with the deadline).
const LONG_RUNNING = new Set(['Map', 'Parallel']);

/**
 * One readable progress line for an entry, or undefined when the entry adds nothing for a person
 * (failures that are then retried or caught are shown on the retry/catch line).
 */
export function formatTraceEntry(entry: TraceEntry): string | undefined {
  const indent = entry.index === undefined ? '  ' : '      ';
  const name = entry.index === undefined ? entry.state : `${entry.state} [${entry.index}]`;
  switch (entry.kind) {
    case 'StateEntered':
      if (entry.stateType === 'Fail') return `${indent}✗ ${name}`;
      return LONG_RUNNING.has(entry.stateType ?? '') ? `${indent}▸ ${name} …` : undefined;
    case 'StateExited':
      return `${indent}✓ ${name} (${entry.durationMs} ms)`;
    case 'StateRetried':
      return `${indent}↻ ${name} retry ${entry.attempt} after ${entry.error ?? 'an error'}`;
    case 'StateCaught':
      return `${indent}⤷ ${name} caught ${entry.error}: ${entry.cause ?? ''} → ${entry.next}`;
    case 'MapIterationFailed':
      return `${indent}✗ iteration [${entry.index}] failed: ${entry.error}: ${entry.cause ?? ''}`;
    case 'WaitStarted':
      return entry.shortened ? `${indent}⏩ ${name} until ${entry.until} (shortened)` : `${indent}⏸ ${name} until ${entry.until}`;
    case 'ExecutionFailed':
      return `  ✗ execution FAILED after ${entry.at} ms: ${entry.error}: ${entry.cause ?? ''}`;
    case 'ExecutionAborted':
      return `  ■ execution ABORTED after ${entry.at} ms: nothing further was changed`;
    default:
      return undefined;
  }
}
