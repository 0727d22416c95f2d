import type { AslState } from '../../engine/asl-types.js';
import { waitOutput } from '../../engine/wait-states.js';
import type { TraceEntry } from '../../engine/trace.js';
import type { WaitNotice } from '../../engine/run-workflow.js';
import { HistoryBuilder } from '../history/history-builder.js';
import type { HostedStateMachine } from '../state-machines.js';
import type { ExecutionStore } from '../store/execution-store.js';
import type { ExecutionRecord, ResumeCheckpoint } from '../store/store-types.js';

/** Where an execution is, as the worker pool and the clock control see it. */
export type ExecutionPhase = 'queued' | 'running' | 'waiting' | 'done';

/**
 * One RUNNING execution in this process: its history (persisted as the engine reports each
 * step), its resume checkpoint, and the signal that stops it. Once `sealed` (stopped, or the
 * runtime shutting down) nothing more is written for it.
 */
export class ActiveExecution {
  readonly controller = new AbortController();
  readonly history: HistoryBuilder;
  phase: ExecutionPhase = 'queued';
  sealed = false;
  /** Sealed because a step could not be recorded (the data folder is full): it continues once there is room. */
  paused = false;
  /** The top-level state it is in (for `<Type>StateAborted` on a stop). */
  current: { name: string; type: string } | undefined;
  private currentInput: unknown;
  private caughtNext: string | undefined;
  /** On resume, the engine enters the checkpoint's state again: its `StateEntered` is in the history already. */
  private skipReentry: string | undefined;

  constructor(
    readonly record: ExecutionRecord,
    readonly machine: HostedStateMachine,
    private readonly store: ExecutionStore,
    now: () => number,
  ) {
    this.history = new HistoryBuilder(machine.definition, record.lastEventId, now);
    if (record.resume?.entered) this.skipReentry = record.resume.state;
  }

  /** The engine's `onEvent`: history events and the checkpoint move in one transaction. */
  onTrace(entry: TraceEntry): void {
    if (this.sealed || entry.kind.startsWith('Execution')) return; // the executor writes the execution's own events
    const topLevel = entry.index === undefined && entry.state !== undefined && !entry.kind.startsWith('MapIteration');
    const reentry = topLevel && entry.kind === 'StateEntered' && this.skipReentry === entry.state;
    if (reentry) this.skipReentry = undefined;
    const events = this.history.fromTrace(entry, reentry);
    const checkpoint = topLevel ? this.checkpointAfter(entry) : null;
    if (events.length > 0 || checkpoint) this.store.appendEvents(this.record.id, events, checkpoint);
  }

  /** The engine's `onWait`: the deadline is persisted before the wait starts. */
  onWait(notice: WaitNotice): void {
    if (this.sealed) return;
    this.store.appendEvents(this.record.id, [], { state: notice.state, input: JSON.stringify(notice.input), entered: true, waitUntil: notice.until });
  }

  /**
   * A top-level state entered is where a restart continues (that step runs again: at least once);
   * once it exited, the restart continues at its successor, so a completed step never runs again.
   * A Choice decides its successor only while running: its exit keeps the Choice (re-deciding is pure).
   */
  private checkpointAfter(entry: TraceEntry): ResumeCheckpoint | null {
    const name = entry.state as string;
    switch (entry.kind) {
      case 'StateEntered':
        this.current = { name, type: entry.stateType ?? '' };
        this.currentInput = entry.input;
        this.caughtNext = undefined;
        return { state: name, input: JSON.stringify(entry.input ?? null), entered: true };
      case 'StateCaught':
        this.caughtNext = entry.next;
        return null;
      case 'StateExited': {
        this.current = undefined;
        const state = this.machine.definition.States[name] as AslState | undefined;
        const next = this.caughtNext ?? (typeof state?.Next === 'string' ? state.Next : undefined);
        this.caughtNext = undefined;
        if (!state || !next || state.Type === 'Choice') return null;
        // The engine exits a top-level Wait itself, without an output: the Wait passes its input on.
        const output = 'output' in entry ? entry.output : waitOutput(name, state, this.currentInput);
        return { state: next, input: JSON.stringify(output ?? null), entered: false };
      }
      default:
        return null;
    }
  }
}
