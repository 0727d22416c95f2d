import type { AccessMap, Activity, ProductInactivity, ScannedAccount } from './sweep-types.js';

/** Whole days between two instants (floor): 23 hours is 0 days. */
export const DAY_MS = 86_400_000;
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
}

/**
 * Whether a rule's product selector names this product key: `all` names every product, `jira`
 * names every Jira product (`jira-software`, `jira-servicedesk`, ...), a full key names itself.
 */
export function productMatches(selector: string, productKey: string): boolean {
  const key = productKey.toLowerCase();
  return selector === 'all' || key === selector || key.startsWith(`${selector}-`);
}

/** The latest activity per site, and overall. */
function latestBySite(activity: readonly Activity[]): Map<string, Activity> {
  const bySite = new Map<string, Activity>();
  for (const entry of activity) {
    const known = bySite.get(entry.siteId);
    if (!known || Date.parse(entry.lastActive) > Date.parse(known.lastActive)) bySite.set(entry.siteId, entry);
  }
  return bySite;
}

/**
 * The product instances an account holds (through an access group, or used at some point) and
 * how long each has been unused. A product never used counts from the day the account was added
 * to the org; with neither date the inactivity is unknown (`null`) and no rule can match it.
 */
export function heldProducts(account: ScannedAccount, access: AccessMap, now: Date): ProductInactivity[] {
  const added = account.addedToOrg ? new Date(account.addedToOrg) : undefined;
  const used = latestBySite(account.activity);
  const memberOf = new Set(account.groups.map((group) => group.id));
  const siteIds = new Set(used.keys());
  for (const group of access.groups) if (memberOf.has(group.id)) for (const siteId of group.siteIds) siteIds.add(siteId);
  const productKeyOf = (siteId: string) => used.get(siteId)?.productKey ?? access.sites.find((site) => site.siteId === siteId)?.productKey ?? 'unknown';
  return [...siteIds]
    .map((siteId) => {
      const last = used.get(siteId)?.lastActive;
      const since = last ? new Date(last) : added;
      return { siteId, productKey: productKeyOf(siteId), ...(last ? { lastActive: last } : {}), daysInactive: since ? daysBetween(since, now) : null };
    })
    .sort((a, b) => a.productKey.localeCompare(b.productKey) || a.siteId.localeCompare(b.siteId));
}

/** Days since the last activity in any product (from addedToOrg when never active); null when unknown. */
export function overallInactivity(account: ScannedAccount, now: Date): { days: number | null; lastActive?: string } {
  let latest: string | undefined;
  for (const entry of account.activity) if (!latest || Date.parse(entry.lastActive) > Date.parse(latest)) latest = entry.lastActive;
  const since = latest ?? account.addedToOrg;
  return { days: since ? daysBetween(new Date(since), now) : null, ...(latest ? { lastActive: latest } : {}) };
}
