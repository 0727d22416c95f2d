import { abortError, type EngineClock, type SleepOptions } from './engine-clock.js';

interface Sleeper {
  deadlineMs: number;
  background: boolean;
  resolve: () => void;
}

/**
 * A clock that moves only when told to: tests (and the local runtime's control endpoint) drive a
 * 30-day grace period in milliseconds, and sleepers wake in deadline order.
 */
export class ManualClock implements EngineClock {
  private current: number;
  private readonly sleepers = new Set<Sleeper>();

  constructor(startMs: number = Date.now()) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  /** Deadlines of everything currently waiting (background sleepers aside), earliest first. */
  pendingDeadlines(): number[] {
    return [...this.sleepers].filter((s) => !s.background).map((s) => s.deadlineMs).sort((a, b) => a - b);
  }

  sleepUntil(deadlineMs: number, signal?: AbortSignal, options: SleepOptions = {}): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError());
    if (deadlineMs <= this.current) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const sleeper: Sleeper = {
        deadlineMs,
        background: options.background === true,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.sleepers.delete(sleeper);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.sleepers.add(sleeper);
    });
  }

  /** Moves time forward by `ms` (finite, not negative) and wakes every sleeper whose deadline passed. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance takes a finite, non-negative number of ms, not ${ms}`);
    this.setTime(this.current + ms);
  }

  /** Moves time forward to `ms` since the epoch (never backwards). */
  setTime(ms: number): void {
    if (!Number.isFinite(ms) || ms < this.current) throw new RangeError(`the clock only moves forward (now ${this.current}, asked ${ms})`);
    this.current = ms;
    const due = [...this.sleepers].filter((s) => s.deadlineMs <= ms).sort((a, b) => a.deadlineMs - b.deadlineMs);
    for (const sleeper of due) {
      this.sleepers.delete(sleeper);
      sleeper.resolve();
    }
  }
}
