import type { SweepLimit } from '../config/inactivity-config-schema.js';

/**
 * However the limits are set, one run acts on at most this many accounts: the list of accounts to
 * act on travels in the workflow state (256 KB), with their outcomes after the Map
 * (test/unit/sweep/state-size.test.ts keeps the worst case under the limit).
 */
export const MAX_ACTIONS_PER_RUN = 200;

export interface SweepLimitVerdict {
  /** `limits.maxSweepActions` as configured. */
  count: number;
  percent: number;
  /** The active accounts the percentage is of. */
  orgSize: number;
  /** min(count, floor(percent % of orgSize)): the configured limit. */
  limit: number;
  /** What this run may act on: `limit`, or the hard cap with overrideLimits. */
  allowed: number;
  due: number;
  /** True when more accounts are due than allowed: the run acts on nobody. */
  blocked: boolean;
  overridden: boolean;
}

/** The blast-radius check: a number and a share of the org, the lower wins; overrideLimits lifts it up to the hard cap. */
export function sweepLimitVerdict(limit: SweepLimit, orgSize: number, due: number, overrideLimits: boolean): SweepLimitVerdict {
  const configured = Math.min(limit.count, Math.floor((limit.percent / 100) * orgSize));
  const allowed = overrideLimits ? MAX_ACTIONS_PER_RUN : Math.min(configured, MAX_ACTIONS_PER_RUN);
  return { count: limit.count, percent: limit.percent, orgSize, limit: configured, allowed, due, blocked: due > allowed, overridden: overrideLimits };
}

/** What a blocked run says: how many, why, where the list is, and how to proceed. */
export function blastRadiusMessage(verdict: SweepLimitVerdict, reportLocation: string): string {
  const head =
    `The inactivity sweep found ${verdict.due} account(s) to act on, more than this run may change ` +
    `(${verdict.allowed}; limits.maxSweepActions is ${verdict.count} accounts or ${verdict.percent}% of ${verdict.orgSize} active accounts, the lower wins). ` +
    `Nothing was changed. The report lists every account that would have been affected: ${reportLocation}.`;
  const how = verdict.overridden
    ? ` Even with overrideLimits a run acts on at most ${MAX_ACTIONS_PER_RUN} accounts: raise the rules' inactiveDays to act in stages, or run again after each stage.`
    : ' Review the report; if the list is right, start the sweep again with {"overrideLimits": true} (at most ' +
      `${MAX_ACTIONS_PER_RUN} accounts per run), or raise limits.maxSweepActions in the config.`;
  return head + how;
}
