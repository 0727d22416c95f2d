import { systemClock, type EngineClock } from '../../engine/engine-clock.js';
import { ManualClock } from '../../engine/manual-clock.js';
import type { ExecutionStore } from '../store/execution-store.js';
import { DataFolderUnwritableError } from '../store/write-gate.js';

export type ClockMode = 'system' | 'manual';

/** The clock executions wait on: the system clock, or a manual one that only the control endpoint moves. */
export interface RuntimeClock {
  mode: ClockMode;
  engine: EngineClock;
  /** Set in manual mode. */
  manual?: ManualClock;
}

const MANUAL_TIME_KEY = 'manualClockMs';

/**
 * A manual clock starts at the later of the system time and the time it had reached when the
 * runtime last stopped (kept in the store), so deadlines persisted before a restart never lie in a
 * past the clock has already been moved beyond, and time never runs backwards across restarts.
 */
export function createRuntimeClock(mode: ClockMode, store: ExecutionStore): RuntimeClock {
  if (mode === 'system') return { mode, engine: systemClock };
  const persisted = Number(store.getMeta(MANUAL_TIME_KEY) ?? 0);
  const manual = new ManualClock(Math.max(Date.now(), Number.isFinite(persisted) ? persisted : 0));
  return { mode, engine: manual, manual };
}

/**
 * Records the manual clock's time so the next start continues from it. A full data folder skips it
 * (the clock still moves; the next move records the time again).
 */
export function persistManualTime(store: ExecutionStore, nowMs: number): void {
  try {
    store.setMeta(MANUAL_TIME_KEY, String(nowMs));
  } catch (error) {
    if (!(error instanceof DataFolderUnwritableError)) throw error;
  }
}
