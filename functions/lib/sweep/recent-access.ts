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
 * An account *received* a product when every way it holds it today is recent: each group that
 * grants it was joined within the grace, or was given the product within the grace. A group held
 * from before (no recent event) means the access is not new, even if a new group grants it again.
 * A group left since gives nothing. A product role given to the account itself counts as one more
 * recent way (the scan does not see direct roles, so an old one cannot be told apart).
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
      const [index, key] = grant.accountId ? [this.byAccount, grant.accountId] : [this.byGroup, grant.groupId];
      if (key === undefined) continue;
      const list = index.get(key);
      if (list) list.push(grant);
      else index.set(key, [grant]);
    }
  }

  /** The sites this account received within the grace, each with when it received it (ISO-8601). */
  grantedTo(account: Pick<ScannedAccount, 'accountId' | 'groups'>): Map<string, string> {
    const memberOf = new Set(account.groups.map((group) => group.id));
    const joined = new Map<string, string>();
    const direct = new Map<string, string>();
    for (const grant of this.byAccount.get(account.accountId) ?? []) {
      if (grant.groupId) {
        if (memberOf.has(grant.groupId)) joined.set(grant.groupId, latest(joined.get(grant.groupId), grant.at));
      } else if (grant.siteId) direct.set(grant.siteId, latest(direct.get(grant.siteId), grant.at));
    }
    // Sites given to a group the account is in: group id -> site id -> when.
    const groupGiven = new Map<string, Map<string, string>>();
    for (const groupId of memberOf) {
      for (const grant of this.byGroup.get(groupId) ?? []) {
        if (!grant.siteId) continue;
        const sites = groupGiven.get(groupId) ?? new Map<string, string>();
        sites.set(grant.siteId, latest(sites.get(grant.siteId), grant.at));
        groupGiven.set(groupId, sites);
      }
    }
    const candidates = new Set([
      ...direct.keys(),
      ...[...joined.keys()].flatMap((groupId) => this.groupSites.get(groupId) ?? []),
      ...[...groupGiven.values()].flatMap((sites) => [...sites.keys()]),
    ]);
    const received = new Map<string, string>();
    for (const siteId of candidates) {
      // When each way the account holds the site today began, if recently; one old way: not new.
      const ways = [...memberOf].filter((groupId) => this.groupSites.get(groupId)?.includes(siteId));
      const since = ways.map((groupId) => newest(joined.get(groupId), groupGiven.get(groupId)?.get(siteId)));
      if (since.some((at) => at === undefined)) continue;
      const times = [...(since as string[]), ...(direct.has(siteId) ? [direct.get(siteId) as string] : [])];
      if (times.length > 0) received.set(siteId, times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a)));
    }
    return received;
  }
}

function latest(known: string | undefined, at: string): string {
  return known === undefined || Date.parse(at) > Date.parse(known) ? at : known;
}

function newest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : latest(a, b);
}
