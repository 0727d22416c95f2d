import type { AccessGrant } from './access-grants.js';
import type { AccessMap, Activity, ScannedAccount } from './sweep-types.js';

/** One page of the directory scan. */
export interface ScanPage {
  accounts: ScannedAccount[];
  /** Absent on the last page. */
  nextCursor?: string;
}

/** What the inactivity sweep reads from the org (implemented over the v2 API by `V2SweepSource`). */
export interface SweepSource {
  /** One page of accounts with their groups, platform roles and last activity per product. */
  scanPage(cursor?: string): Promise<ScanPage>;
  /** Which groups grant a licence on which product instances (read once per sweep). */
  accessMap(): Promise<AccessMap>;
  /**
   * Access grants in the org's audit log from `since` on (one paged events query per grant action,
   * never one per user), paced to the events API's 10 requests/min. `events` counts what was read.
   */
  recentGrants(since: Date): Promise<{ events: number; grants: AccessGrant[] }>;
  /** The authoritative last activity per product (last-active-dates), paced to its rate limit. */
  lastActivity(accountId: string): Promise<{ activity: Activity[]; addedToOrg?: string }>;
}
