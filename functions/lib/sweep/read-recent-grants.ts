import { AtlassianError } from '../errors.js';
import type { ActionLogger } from '../observability.js';
import type { RecentGrantsFile } from './access-grants.js';
import { DAY_MS } from './held-products.js';
import type { SweepSource } from './sweep-source.js';

/**
 * What the audit log says about access granted within `graceDays` of `now`: read once per sweep
 * (by the scan's first step), one day further back than the grace because the decisions count from
 * the run's start, which this step follows.
 *
 * A failure of the audit log (not allowed: 403 without `read:events:admin` or without the audit log
 * in the org's plan; down after the client's retries) does not stop the sweep and is never read as
 * "nothing granted": the file says `unavailable` and why, and the decisions then spare every
 * never-used product instead of counting it from `addedToOrg` (the report says so).
 */
export async function readRecentGrants(source: Pick<SweepSource, 'recentGrants'>, graceDays: number, now: Date, logger: Pick<ActionLogger, 'warn'>): Promise<RecentGrantsFile> {
  if (graceDays === 0) return { status: 'off' };
  const since = new Date(now.getTime() - (graceDays + 1) * DAY_MS);
  try {
    const { events, grants } = await source.recentGrants(since);
    return { status: 'read', graceDays, since: since.toISOString(), events, grants };
  } catch (error) {
    if (!(error instanceof AtlassianError)) throw error;
    logger.warn('The audit log could not be read: never-used products are spared, not counted from addedToOrg', { error: error.name, detail: error.message });
    return { status: 'unavailable', graceDays, since: since.toISOString(), error: error.name, message: error.message };
  }
}
