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

/** Simulated time stays inside these years, so every `Date` it produces can be formatted. */
export const SIM_TIME_MIN_MS = Date.UTC(1970, 0, 1);
export const SIM_TIME_MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** Fastest clock: a simulated day passes in 86 real milliseconds. */
export const MAX_TIME_SCALE = 1_000_000;

export class SimClock {
  private readonly realNowMs: () => number;
  private anchorRealMs: number;
  private anchorSimMs: number;
  private scale: number;

  constructor(options: SimClockOptions = {}) {
    this.realNowMs = options.realNowMs ?? (() => performance.now());
    this.anchorRealMs = this.realNowMs();
    this.anchorSimMs = validTime((options.start ?? new Date()).getTime(), 'start');
    this.scale = validScale(options.timeScale ?? 1);
  }

  /** Simulated epoch milliseconds (held at the range's end rather than running past it). */
  nowMs(): number {
    const ms = this.anchorSimMs + (this.realNowMs() - this.anchorRealMs) * this.scale;
    return Math.min(SIM_TIME_MAX_MS, Math.max(SIM_TIME_MIN_MS, ms));
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  get timeScale(): number {
    return this.scale;
  }

  /** Changes the speed from now on, without a jump in simulated time. Checks before changing anything. */
  setTimeScale(scale: number): void {
    const valid = validScale(scale);
    this.rebase();
    this.scale = valid;
  }

  /** Moves simulated time forward (or back, with a negative value). Checks before changing anything. */
  advance(ms: number): void {
    const target = validTime(this.nowMs() + ms, `advance by ${ms} ms`);
    this.rebase();
    this.anchorSimMs = target;
  }

  /** Jumps to a given simulated time. Checks before changing anything. */
  set(to: Date): void {
    const target = validTime(to.getTime(), `set to ${String(to)}`);
    this.rebase();
    this.anchorSimMs = target;
  }

  /** Converts a simulated duration into the real milliseconds it takes at the current speed. */
  toRealMs(simMs: number): number {
    return this.scale === 0 ? Number.POSITIVE_INFINITY : simMs / this.scale;
  }

  private rebase(): void {
    this.anchorSimMs = this.nowMs();
    this.anchorRealMs = this.realNowMs();
  }
}

function validScale(scale: number): number {
  if (!Number.isFinite(scale) || scale < 0 || scale > MAX_TIME_SCALE) {
    throw new RangeError(`timeScale must be a number between 0 (frozen) and ${MAX_TIME_SCALE}; got ${scale}`);
  }
  return scale;
}

function validTime(ms: number, what: string): number {
  if (!Number.isFinite(ms) || ms < SIM_TIME_MIN_MS || ms > SIM_TIME_MAX_MS) {
    throw new RangeError(`Simulated time must stay between 1970-01-01 and 9999-12-31; ${what} would leave that range`);
  }
  return ms;
}
