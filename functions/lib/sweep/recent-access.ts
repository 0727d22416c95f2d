import type { AccessGrant, RecentGrantsFile } from './access-grants.js';
import { DAY_MS } from './held-products.js';
import type { AccessMap, ScannedAccount } from './sweep-types.js';

/** The audit log could not be read: what failed, in words for the report. */
export interface AuditLogUnavailable {
  error: string;
  message: string;
}

/**
 * Which product instances each account received within `inactivity.newAccessGraceDays`, from the
 * grants the scan read in the audit log (`grants.json`). Indexed once per step (by account and by
 * group), so deciding 100,000 accounts stays linear.
 *
 * A grant counts while it still holds: through a group only while the account is still a member
 * (a group left since gives nothing); a role given to a group reaches its members of today.
 */
export class RecentAccess {
  /** Grace in days; 0 when off. */
  readonly graceDays: number;
  /** Set when the audit log could not be read: then nobody's grant dates are known. */
  readonly unavailable?: AuditLogUnavailable;
  private readonly byAccount = new Map<string, AccessGrant[]>();
  private readonly byGroup = new Map<string, AccessGrant[]>();
  private readonly groupSites: Map<string, readonly string[]>;

  constructor(file: RecentGrantsFile, access: AccessMap, now: Date) {
    this.graceDays = file.status === 'off' ? 0 : file.graceDays;
    if (file.status === 'unavailable') this.unavailable = { error: file.error, message: file.message };
    this.groupSites = new Map(access.groups.map((group) => [group.id, group.siteIds]));
    if (file.status !== 'read') return;
    // Whole days, as every inactivity is counted: a grant 29 days and 23 hours ago is within 30 days.
    const oldest = now.getTime() - this.graceDays * DAY_MS;
    for (const grant of file.grants) {
      if (Date.parse(grant.at) <= oldest) continue;
      const index = grant.accountId ? this.byAccount : grant.groupId ? this.byGroup : undefined;
      const key = grant.accountId ?? grant.groupId;
      if (!index || !key) continue;
      const list = index.get(key);
      if (list) list.push(grant);
      else index.set(key, [grant]);
    }
  }

  /** The sites this account was granted within the grace, each with its latest grant time (ISO-8601). */
  grantedTo(account: Pick<ScannedAccount, 'accountId' | 'groups'>): Map<string, string> {
    const granted = new Map<string, string>();
    const add = (siteId: string, at: string) => {
      const known = granted.get(siteId);
      if (!known || Date.parse(at) > Date.parse(known)) granted.set(siteId, at);
    };
    const memberOf = new Set(account.groups.map((group) => group.id));
    for (const grant of this.byAccount.get(account.accountId) ?? []) {
      if (grant.groupId && memberOf.has(grant.groupId)) for (const siteId of this.groupSites.get(grant.groupId) ?? []) add(siteId, grant.at);
      if (grant.siteId && (!grant.groupId || memberOf.has(grant.groupId))) add(grant.siteId, grant.at);
    }
    for (const groupId of memberOf) for (const grant of this.byGroup.get(groupId) ?? []) if (grant.siteId) add(grant.siteId, grant.at);
    return granted;
  }
}
