import type { JmlConfig } from '../config/jml-config-schema.js';
import type { SweepInput } from '../../../workflows/inputs/sweep.input.js';

/** The normalized sweep request every later state reads (`$.request`). */
export interface PreparedSweepRequest {
  workflow: 'sweep';
  /** The input's `dryRun`, else `!inactivity.enforce`: a sweep only acts once the config says so. */
  dryRun: boolean;
  reason: string;
  overrideLimits: boolean;
  /** Where this run's files go in the report store, e.g. `sweep/2026-09-01/<execution>/`. */
  reportPrefix: string;
  /** ISO-8601 UTC start of the run: the "now" every inactivity is measured against. */
  startedAt: string;
  /** The run time this sweep stands for (the schedule's, else `startedAt`): the report's title and folder date. */
  scheduledAt: string;
}

/** Fills in the sweep's defaults; the input is already validated. */
export function prepareSweepRequest(input: SweepInput, config: JmlConfig, now: Date, executionName: string): PreparedSweepRequest {
  const startedAt = now.toISOString();
  const scheduledAt = input.scheduledAt ? new Date(input.scheduledAt).toISOString() : startedAt;
  const safeName = executionName.replace(/[^A-Za-z0-9._=-]/g, '_').slice(0, 120) || 'run';
  return {
    workflow: 'sweep',
    dryRun: input.dryRun ?? !config.inactivity.enforce,
    reason: input.reason ?? '',
    overrideLimits: input.overrideLimits,
    reportPrefix: `sweep/${scheduledAt.slice(0, 10)}/${safeName}/`,
    startedAt,
    scheduledAt,
  };
}
