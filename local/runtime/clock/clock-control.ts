import type { ManualClock } from '../../engine/manual-clock.js';
import type { Executor } from '../executor/executor.js';
import type { ExecutionStore } from '../store/execution-store.js';
import { persistManualTime, type RuntimeClock } from './runtime-clock.js';

/** The latest time a JavaScript Date holds. */
const MAX_DATE_MS = 8.64e15;

/** A requested move of the manual clock (validated by the route). */
export type ClockMove = { advanceMs: number } | { setTime: number };

export interface ClockStatus {
  mode: RuntimeClock['mode'];
  now: string;
  /** Deadlines of the waits in progress, earliest first (manual clock only). */
  pendingDeadlines: string[];
}

export interface ClockMoveResult extends ClockStatus {
  /** Waits that ended during the move. */
  wokenWaits: number;
  /** False when some execution was still running states after the settle timeout (listed in `busy`). */
  settled: boolean;
  busy: string[];
}

/** The clock cannot be moved: it is the system clock (the route answers 409). */
export class ClockNotManualError extends Error {
  override name = 'ClockNotManualError';
}

/**
 * Moves the manual clock the way time passes: first lets every execution that is running states
 * reach its next wait (or its end), then jumps from one pending deadline to the next, in deadline
 * order, letting the executions it wakes run until they wait again, and only then goes on. So one
 * move of 70 days runs a leaver's 10-day effectiveAt wait, the suspension, and a 30-day grace
 * period that starts only then, exactly as 70 real days would. Moves are serialized.
 */
export class ClockControl {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly clock: RuntimeClock,
    private readonly executor: Pick<Executor, 'whenIdle' | 'busyExecutions'>,
    private readonly store: ExecutionStore,
    /** Called with each forward step (e.g. to move the embedded simulator's clock along). */
    private readonly onStep: (deltaMs: number) => void = () => {},
    private readonly settleTimeoutMs = 30_000,
  ) {}

  status(): ClockStatus {
    const manual = this.clock.manual;
    return {
      mode: this.clock.mode,
      now: new Date(this.clock.engine.now()).toISOString(),
      pendingDeadlines: manual ? manual.pendingDeadlines().map((ms) => new Date(ms).toISOString()) : [],
    };
  }

  /** @throws ClockNotManualError on the system clock; RangeError for a move backwards. */
  move(move: ClockMove): Promise<ClockMoveResult> {
    const manual = this.clock.manual;
    if (!manual) throw new ClockNotManualError('The runtime runs on the system clock: start it with --clock manual to move time.');
    const target = 'advanceMs' in move ? manual.now() + move.advanceMs : move.setTime;
    if (!Number.isFinite(target) || target > MAX_DATE_MS) throw new RangeError(`The clock cannot go beyond ${new Date(MAX_DATE_MS).toISOString()}.`);
    if (target < manual.now()) {
      throw new RangeError(`The clock only moves forward: it is ${new Date(manual.now()).toISOString()}, asked ${new Date(target).toISOString()}.`);
    }
    const run = this.queue.then(() => this.moveTo(manual, target));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async moveTo(manual: ManualClock, targetMs: number): Promise<ClockMoveResult> {
    let settled = await this.settle();
    let wokenWaits = 0;
    for (;;) {
      const next = manual.pendingDeadlines()[0];
      if (next === undefined || next > targetMs) break;
      wokenWaits += manual.pendingDeadlines().filter((deadline) => deadline <= Math.max(next, manual.now())).length;
      this.step(manual, Math.max(next, manual.now()));
      settled = (await this.settle()) && settled;
    }
    this.step(manual, Math.max(targetMs, manual.now()));
    settled = (await this.settle()) && settled;
    return { ...this.status(), wokenWaits, settled, busy: this.executor.busyExecutions() };
  }

  private step(manual: ManualClock, toMs: number): void {
    const delta = toMs - manual.now();
    manual.setTime(toMs);
    persistManualTime(this.store, toMs);
    if (delta > 0) this.onStep(delta);
  }

  /** Lets woken executions take their slot, then waits until none is running states. */
  private async settle(): Promise<boolean> {
    await new Promise((resolve) => setImmediate(resolve));
    return this.executor.whenIdle(this.settleTimeoutMs);
  }
}
