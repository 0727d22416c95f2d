/**
 * The simulator's notion of "now". Injected everywhere time matters (audit events, last-active
 * dates, rate-limit windows) so tests can freeze it, move it forward, or run it faster than real
 * time: with `timeScale: 60` one real second is one simulated minute, so a minute-long rate-limit
 * window passes in a second.
 */
export interface SimClockOptions {
  /** Simulated time at start (default: the real time at start). */
  start?: Date;
  /** Simulated milliseconds per real millisecond (default 1). */
  timeScale?: number;
  /** Real-time source, injectable for tests (default `performance.now`). */
  realNowMs?: () => number;
}

export class SimClock {
  private readonly realNowMs: () => number;
  private anchorRealMs: number;
  private anchorSimMs: number;
  private scale: number;

  constructor(options: SimClockOptions = {}) {
    this.realNowMs = options.realNowMs ?? (() => performance.now());
    this.anchorRealMs = this.realNowMs();
    this.anchorSimMs = (options.start ?? new Date()).getTime();
    this.scale = validScale(options.timeScale ?? 1);
  }

  /** Simulated epoch milliseconds. */
  nowMs(): number {
    return this.anchorSimMs + (this.realNowMs() - this.anchorRealMs) * this.scale;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  get timeScale(): number {
    return this.scale;
  }

  /** Changes the speed from now on, without a jump in simulated time. */
  setTimeScale(scale: number): void {
    this.rebase();
    this.scale = validScale(scale);
  }

  /** Moves simulated time forward (or back, with a negative value). */
  advance(ms: number): void {
    this.rebase();
    this.anchorSimMs += ms;
  }

  /** Jumps to a given simulated time. */
  set(to: Date): void {
    this.rebase();
    this.anchorSimMs = to.getTime();
  }

  /** Converts a simulated duration into the real milliseconds it takes at the current speed. */
  toRealMs(simMs: number): number {
    return this.scale === 0 ? Number.POSITIVE_INFINITY : simMs / this.scale;
  }

  private rebase(): void {
    const real = this.realNowMs();
    this.anchorSimMs += (real - this.anchorRealMs) * this.scale;
    this.anchorRealMs = real;
  }
}

function validScale(scale: number): number {
  if (!Number.isFinite(scale) || scale < 0) {
    throw new RangeError(`timeScale must be a finite number >= 0 (0 freezes the clock), got ${scale}`);
  }
  return scale;
}
