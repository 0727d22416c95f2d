import type { EngineClock } from '../../engine/engine-clock.js';
import type { ExecutionPhase } from './active-execution.js';
import type { ReleaseSlot, WorkerPool } from './worker-pool.js';

/**
 * The worker slot of one execution: held while it runs states, given back for the length of each
 * Wait (through the clock it hands the engine) and queued for again when the wait ends.
 * `beforeRunning` is called each time the slot is granted, before any state runs: it throws (an
 * AbortError) to keep the execution from running states now (a full data folder).
 */
export class ExecutionSlot {
  private release: ReleaseSlot | undefined;

  constructor(
    private readonly pool: WorkerPool,
    private readonly onPhase: (phase: ExecutionPhase) => void,
    private readonly beforeRunning: () => void = () => {},
  ) {}

  /** Queues for a slot; rejects with an AbortError when `signal` aborts first, or `beforeRunning` refuses. */
  async take(signal?: AbortSignal): Promise<void> {
    this.onPhase('queued');
    this.release = await this.pool.acquire(signal);
    try {
      this.beforeRunning();
    } catch (error) {
      this.giveBack();
      throw error;
    }
    this.onPhase('running');
  }

  giveBack(): void {
    this.release?.();
    this.release = undefined;
  }

  /** `base`, except that sleeping gives the slot back and waking queues for one before the engine goes on. */
  clock(base: EngineClock): EngineClock {
    return {
      now: () => base.now(),
      sleepUntil: async (deadlineMs, signal) => {
        this.giveBack();
        this.onPhase('waiting');
        await base.sleepUntil(deadlineMs, signal);
        await this.take(signal);
      },
    };
  }
}
