import { abortError } from '../../engine/engine-clock.js';

/** Gives a slot back; calling it more than once is harmless. */
export type ReleaseSlot = () => void;

interface Waiter {
  grant: (release: ReleaseSlot) => void;
}

/**
 * A bounded pool of execution slots, granted first come, first served. An execution holds a slot
 * while it runs states; it gives it back while it waits (a Wait state) and queues again after.
 */
export class WorkerPool {
  private free: number;
  private peak = 0;
  private readonly waiters: Waiter[] = [];
  private queueHead = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a worker pool needs at least 1 slot, not ${size}`);
    this.free = size;
  }

  /** Slots in use. */
  get busy(): number {
    return this.size - this.free;
  }

  /** The most slots ever in use at once. */
  get peakBusy(): number {
    return this.peak;
  }

  /** Executions waiting for a slot. */
  get queued(): number {
    return this.waiters.length - this.queueHead;
  }

  /** Resolves with a slot; rejects with an `AbortError` when `signal` aborts first (the place in the queue is given up). */
  acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    if (signal?.aborted) return Promise.reject(abortError());
    if (this.free > 0 && this.queued === 0) {
      this.take();
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      const onAbort = () => {
        waiter.grant = (release) => release(); // granted after the abort: pass the slot on
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  private take(): void {
    this.free -= 1;
    this.peak = Math.max(this.peak, this.busy);
  }

  private releaser(): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.free += 1;
      this.grantNext();
    };
  }

  private grantNext(): void {
    while (this.free > 0 && this.queued > 0) {
      const waiter = this.waiters[this.queueHead++] as Waiter;
      this.take();
      waiter.grant(this.releaser());
    }
    // A queue array that only grows would keep every settled waiter: compact once drained past half.
    if (this.queueHead > 1024 && this.queueHead * 2 > this.waiters.length) {
      this.waiters.splice(0, this.queueHead);
      this.queueHead = 0;
    }
  }
}
