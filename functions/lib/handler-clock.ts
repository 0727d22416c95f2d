import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The time a handler acts on. In Lambda that is the wall clock. The local engine and runtime run
 * executions on their own clock (a manual one moves days in a test or a demo), so everything a
 * handler dates by "now" (the leaver brake's day, the sweep's inactivity and report folder, a run's
 * finish time) asks {@link handlerNow}, and the engine runs each Task invocation inside its
 * execution's clock. Timeouts, retries, rate-limit pacing and webhook signature freshness are about
 * real elapsed time and keep reading the wall clock.
 */
const scope = new AsyncLocalStorage<() => number>();

/** Runs `fn` (and everything it awaits) with `nowMs` as the handlers' clock. */
export function runWithHandlerClock<T>(nowMs: () => number, fn: () => T): T {
  return scope.run(nowMs, fn);
}

/** Now on the current execution's clock, or the wall clock outside any (Lambda, one-off scripts). */
export function handlerNow(): Date {
  const nowMs = scope.getStore();
  return nowMs ? new Date(nowMs()) : new Date();
}
