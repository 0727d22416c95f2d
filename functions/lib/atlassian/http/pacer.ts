/**
 * Client-side pacing: a token bucket that makes a batch job wait its turn instead of bouncing off
 * Atlassian's 429s (e.g. last-active-dates allows 200 requests/min per org).
 */

export interface PacerOptions {
  /** Sustained rate, in requests per second (200/min = 3.33). */
  ratePerSecond: number;
  /** Requests allowed back to back before pacing starts. @default 1 */
  burst?: number;
}

/** Anything that can make a request wait for its turn. */
export interface Pacer {
  /** Resolves when the caller may send one request. */
  acquire(): Promise<void>;
}

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Token bucket with reservations: each `acquire` takes a token now or reserves the next one, so
 * concurrent callers queue fairly (the balance may go negative, meaning "owed").
 */
export class TokenBucketPacer implements Pacer {
  private readonly ratePerMs: number;
  private readonly burst: number;
  private tokens: number;
  private updatedAt: number;

  constructor(options: PacerOptions, private readonly clock: PacerClock = realClock) {
    if (!(options.ratePerSecond > 0) || !Number.isFinite(options.ratePerSecond)) {
      throw new RangeError(`pacer.ratePerSecond must be a positive number (got ${options.ratePerSecond}); e.g. 200 requests/min is 3.33.`);
    }
    const burst = options.burst ?? 1;
    if (!Number.isInteger(burst) || burst < 1) {
      throw new RangeError(`pacer.burst must be an integer >= 1 (got ${burst}).`);
    }
    this.ratePerMs = options.ratePerSecond / 1000;
    this.burst = burst;
    this.tokens = burst;
    this.updatedAt = clock.now();
  }

  async acquire(): Promise<void> {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + (now - this.updatedAt) * this.ratePerMs);
    this.updatedAt = now;
    this.tokens -= 1;
    if (this.tokens >= 0) return;
    await this.clock.sleep(Math.ceil(-this.tokens / this.ratePerMs));
  }
}

/** Accepts either a ready pacer or its options. */
export function toPacer(pacer: Pacer | PacerOptions | undefined): Pacer | undefined {
  if (pacer === undefined) return undefined;
  return 'acquire' in pacer ? pacer : new TokenBucketPacer(pacer);
}
