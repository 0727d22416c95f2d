import type { WaitNotice } from '../engine/run-workflow.js';

/** What each workflow's Wait states hold back, in the words an admin expects. */
const PURPOSES: Record<string, (until: string) => string> = {
  WaitGracePeriod: (until) => `grace period: removal at ${until}`,
  WaitUntilEffective: (until) => `effective date: the changes start at ${until}`,
  WaitUntilStart: (until) => `start date: the account is set up at ${until}`,
};

/**
 * The stderr line before a real wait: until when, why, and that Ctrl-C is safe. A run against a
 * real org may sit here for weeks; the person watching must know what happens if they stop it.
 */
export function describeWait(notice: WaitNotice): string {
  const purpose = PURPOSES[notice.state]?.(notice.until) ?? `${notice.state}: waiting until ${notice.until}`;
  return `  ⏸ ${purpose}; Ctrl-C stops here, nothing further is changed`;
}
