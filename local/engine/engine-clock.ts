/**
 * The time the local engine waits on. Wait states (grace periods, start dates) last days, so the
 * engine never hands their length to one `setTimeout` (Node caps a timer at 2^31-1 ms, 24.8 days,
 * and fires an over-long one after 1 ms); it waits until an absolute deadline on a clock. Tests pass
 * a clock they move by hand (`ManualClock`).
 */
export interface EngineClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /**
   * Resolves once `now() >= deadlineMs`. Rejects with an `AbortError` when `signal` aborts first,
   * so a stopped execution makes no further call.
   */
  sleepUntil(deadlineMs: number, signal?: AbortSignal, options?: SleepOptions): Promise<void>;
}

export interface SleepOptions {
  /**
   * A background sleeper (a schedule) is not a deadline a manual clock steps through when it moves:
   * it wakes once, at whatever time the move reaches past its deadline. The system clock ignores it.
   */
  background?: boolean;
}

/** The longest delay one Node timer can hold. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Wall-clock time. Long waits are chained timers of at most `MAX_TIMER_MS`, each re-reading the
 * clock, so a wait of a year ends on its deadline (and a suspended laptop catches up on wake).
 */
export const systemClock: EngineClock = {
  now: () => Date.now(),
  async sleepUntil(deadlineMs, signal) {
    if (signal?.aborted) throw abortError();
    for (let left = deadlineMs - Date.now(); left > 0; left = deadlineMs - Date.now()) {
      await delay(Math.min(left, MAX_TIMER_MS), signal);
    }
  },
};

/** One timer (the global setTimeout, so tests' fake timers drive it), cut short by `signal`. */
function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The error a wait rejects with when its signal aborts. */
export function abortError(): Error {
  const error = new Error('The wait was aborted');
  error.name = 'AbortError';
  return error;
}

/** The error `sleepUntil` rejects with when its signal aborts (as node:timers/promises does). */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
