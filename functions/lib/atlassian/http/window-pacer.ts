import type { Pacer, PacerClock } from './pacer.js';

const realClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface WindowPacerOptions {
  /** Requests allowed in any window. */
  limit: number;
  /** Window length in milliseconds. @default 60000 */
  windowMs?: number;
}

/**
 * At most `limit` requests in any `windowMs`: the first `limit` go at once, the next waits until
 * the oldest leaves the window. Fits small budgets such as the audit log's 10 requests/min, where a
 * token bucket either waits 6 s before every call or, with a burst, can exceed the limit in a window.
 */
export class WindowPacer implements Pacer {
  private readonly limit: number;
  private readonly windowMs: number;
  /** Start times of the last `limit` requests (reserved slots, possibly in the future). */
  private readonly starts: number[] = [];

  constructor(options: WindowPacerOptions, private readonly clock: PacerClock = realClock) {
    if (!Number.isInteger(options.limit) || options.limit < 1) {
      throw new RangeError(`pacer.limit must be an integer >= 1 (got ${options.limit}), e.g. 10 requests per minute.`);
    }
    const windowMs = options.windowMs ?? 60_000;
    if (!(windowMs > 0) || !Number.isFinite(windowMs)) throw new RangeError(`pacer.windowMs must be a positive number of milliseconds (got ${windowMs}).`);
    this.limit = options.limit;
    this.windowMs = windowMs;
  }

  async acquire(): Promise<void> {
    const now = this.clock.now();
    const oldest = this.starts.length < this.limit ? undefined : this.starts[this.starts.length - this.limit];
    const slot = oldest === undefined ? now : Math.max(now, oldest + this.windowMs);
    this.starts.push(slot);
    if (this.starts.length > this.limit) this.starts.shift();
    if (slot > now) await this.clock.sleep(slot - now);
  }
}
