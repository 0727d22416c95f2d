import { protectionOf } from '../config/protection.js';
import type { JmlConfig } from '../config/jml-config-schema.js';
import type { InactivityRule } from '../config/inactivity-config-schema.js';
import { daysBetween, heldProducts, overallInactivity, productMatches } from './held-products.js';
import { NewAccessGrace } from './new-access-grace.js';
import type { RecentAccess } from './recent-access.js';
import type { AccessMap, AccountDecision, Exclusion, ProductInactivity, ScannedAccount } from './sweep-types.js';

/** What a decision depends on besides the account: the config, which groups grant what, what was granted recently, and now. */
export interface DecisionContext {
  config: Pick<JmlConfig, 'inactivity' | 'protectedAccounts'>;
  access: AccessMap;
  /** Access granted within `inactivity.newAccessGraceDays` (the org's audit log, read once per sweep). */
  recentAccess: RecentAccess;
  now: Date;
}

const dateOf = (iso: string | undefined) => (iso ? iso.slice(0, 10) : 'never');
const describeSince = (product: ProductInactivity) =>
  product.lastActive ? `last active ${dateOf(product.lastActive)}` : 'never used (counted from when the account was added)';

/**
 * The sweep's decision for one account (pure: same inputs, same answer). In order:
 * 1. exclusions that hold whatever the activity: app / customer accounts, org admins and protected
 *    accounts, accounts not active (already suspended, removed, deactivated), members of the
 *    configured groups, accounts added within `exclude.addedWithinDays`;
 * 2. the first `suspend` rule that matches (inactive in `all` products, or in every instance of
 *    the rule's product the account holds, for at least `inactiveDays`), unless the account was
 *    granted a product within `inactivity.newAccessGraceDays`;
 * 3. else every product instance a `reclaim` rule matches, except those granted within the grace:
 *    remove the account from the groups that grant only reclaimed products (a group that also
 *    grants a product still in use stays); a rule matched only spared products: `spared`;
 * 4. an account synced from an identity provider that a rule matched is excluded and reported
 *    for action at the IdP, where its access is managed.
 * Without the audit log (`recentAccess.unavailable`) no grant date is known: a never-used product
 * is spared rather than counted from `addedToOrg` (see NewAccessGrace).
 */
export function decideAccount(account: ScannedAccount, context: DecisionContext): AccountDecision {
  const { inactivity } = context.config;
  const granted = context.recentAccess.grantedTo(account);
  const products = heldProducts(account, context.access, context.now).map((product) => {
    const grantedAt = granted.get(product.siteId);
    return grantedAt ? { ...product, grantedAt } : product;
  });
  const overall = overallInactivity(account, context.now);
  const base = { accountId: account.accountId, email: account.email, name: account.name, daysInactive: overall.days, products };
  const excluded = (exclusion: Exclusion, reason: string, rule?: string): AccountDecision => ({ ...base, decision: 'excluded', exclusion, reason, ...(rule ? { rule } : {}) });

  const standing = exclusionOf(account, context);
  if (standing) return excluded(standing.exclusion, standing.reason);

  const held = new Set(products.map((product) => product.siteId));
  const grantedDirectly = [...granted]
    .filter(([siteId]) => !held.has(siteId))
    .map(([siteId, grantedAt]) => ({ siteId, productKey: context.access.sites.find((site) => site.siteId === siteId)?.productKey ?? 'unknown', grantedAt }));
  const grace = new NewAccessGrace(products, grantedDirectly, context.recentAccess);
  const suspendRule = inactivity.rules.find((rule) => rule.action === 'suspend' && suspendMatches(rule, products, overall.days));
  let decided: { decision: AccountDecision; why: string } | undefined;
  let sparedSuspension: { rule: InactivityRule; why: string } | undefined;
  if (suspendRule) {
    const since = overall.lastActive ? `last active ${dateOf(overall.lastActive)}` : 'never active (counted from when the account was added)';
    const scope = suspendRule.product === 'all' ? 'any product' : suspendRule.product;
    const why = `no activity in ${scope} for ${daysFor(suspendRule, products, overall.days)} days (${since}; rule ${suspendRule.id}: ${suspendRule.inactiveDays} days)`;
    if (grace.sparesSuspension(suspendRule, overall.lastActive)) sparedSuspension = { rule: suspendRule, why };
    else decided = { why, decision: { ...base, decision: 'suspend', rule: suspendRule.id, reason: `${why}: suspend the account` } };
  }
  decided ??= reclaimDecision(account, context, products, overall.days, base, grace, sparedSuspension);
  if ((decided.decision.decision === 'suspend' || decided.decision.decision === 'reclaim') && account.managementSource === 'synced') {
    const what = decided.decision.decision === 'suspend' ? 'suspend or deprovision the account' : 'remove its product access';
    return excluded('idp-synced', `synced from the identity provider: ${decided.why}; ${what} at the identity provider`, decided.decision.rule);
  }
  return decided.decision;
}

/** Exclusions that hold whatever the activity, in the order the report explains them. */
function exclusionOf(account: ScannedAccount, context: DecisionContext): { exclusion: Exclusion; reason: string } | undefined {
  if (account.accountType !== 'atlassian') {
    return { exclusion: 'account-type', reason: `${account.accountType} account, not a person's: never swept` };
  }
  const protection = protectionOf(context.config as JmlConfig, account);
  if (protection.protected) {
    return { exclusion: account.platformRoles.includes('atlassian/org-admin') ? 'org-admin' : 'protected', reason: protection.reason };
  }
  if (account.membershipStatus !== 'active' || account.accountStatus !== 'active') {
    const what = account.membershipStatus === 'suspended' ? 'already suspended' : account.membershipStatus === 'no_membership' ? 'removed from the directory' : `account ${account.accountStatus}`;
    return { exclusion: 'not-active', reason: `${what}: holds no licence to reclaim` };
  }
  const excludedGroups = new Set(context.config.inactivity.exclude.groups.map((name) => name.toLowerCase()));
  const inGroup = account.groups.find((group) => excludedGroups.has(group.name.toLowerCase()));
  if (inGroup) return { exclusion: 'group', reason: `member of "${inGroup.name}" (inactivity.exclude.groups): never swept` };
  const newWithin = context.config.inactivity.exclude.addedWithinDays;
  if (account.addedToOrg && daysBetween(new Date(account.addedToOrg), context.now) < newWithin) {
    return { exclusion: 'new', reason: `added to the org on ${dateOf(account.addedToOrg)}, within ${newWithin} days (inactivity.exclude.addedWithinDays)` };
  }
  return undefined;
}

function productsOf(rule: InactivityRule, products: readonly ProductInactivity[]): ProductInactivity[] {
  return products.filter((product) => productMatches(rule.product, product.productKey));
}

/** `all`: the overall inactivity; a product: the most recently used instance of it the account holds. */
function daysFor(rule: InactivityRule, products: readonly ProductInactivity[], overallDays: number | null): number | null {
  if (rule.product === 'all') return overallDays;
  const held = productsOf(rule, products);
  if (held.length === 0 || held.some((product) => product.daysInactive === null)) return null;
  return Math.min(...held.map((product) => product.daysInactive as number));
}

function suspendMatches(rule: InactivityRule, products: readonly ProductInactivity[], overallDays: number | null): boolean {
  const days = daysFor(rule, products, overallDays);
  return days !== null && days >= rule.inactiveDays;
}

/** The reclaim rule (first in order) that matches a product instance, if any. */
function reclaimRuleFor(product: ProductInactivity, rules: readonly InactivityRule[], overallDays: number | null): InactivityRule | undefined {
  return rules.find((rule) => {
    if (rule.action !== 'reclaim') return false;
    if (rule.product === 'all') return overallDays !== null && overallDays >= rule.inactiveDays;
    return productMatches(rule.product, product.productKey) && product.daysInactive !== null && product.daysInactive >= rule.inactiveDays;
  });
}

const reclaimWhy = (matched: ReadonlyArray<{ product: ProductInactivity; rule: InactivityRule }>) =>
  matched.map(({ product, rule }) => `${product.productKey}: ${product.daysInactive} days without activity (${describeSince(product)}; rule ${rule.id}: ${rule.inactiveDays} days)`).join('; ');

function reclaimDecision(
  account: ScannedAccount,
  context: DecisionContext,
  products: readonly ProductInactivity[],
  overallDays: number | null,
  base: Omit<AccountDecision, 'decision' | 'reason'>,
  grace: NewAccessGrace,
  sparedSuspension: { rule: InactivityRule; why: string } | undefined,
): { decision: AccountDecision; why: string } {
  const due = products.flatMap((product) => {
    const rule = reclaimRuleFor(product, context.config.inactivity.rules, overallDays);
    return rule ? [{ product, rule }] : [];
  });
  const matched = due.filter((entry) => !grace.spares(entry.product));
  const spared = due.filter((entry) => grace.spares(entry.product));
  const sparedSites = new Set(spared.map((entry) => entry.product.siteId));
  const sparedNote = spared.length > 0 || sparedSuspension ? grace.describe(spared.map((entry) => entry.product), sparedSuspension?.rule) : '';
  if (matched.length === 0 && sparedNote) {
    const otherwise = [...(sparedSuspension ? [`${sparedSuspension.why}: suspend the account`] : []), ...(spared.length > 0 ? [reclaimWhy(spared)] : [])].join('; ');
    const rule = sparedSuspension?.rule.id ?? spared[0]?.rule.id;
    return { why: otherwise, decision: { ...base, decision: 'spared', ...(rule ? { rule } : {}), reason: `${sparedNote}; it would otherwise be: ${otherwise}` } };
  }
  if (matched.length === 0) {
    const latest = overallDays === null ? 'no activity date known' : `last active ${overallDays} day(s) ago`;
    return { why: latest, decision: { ...base, decision: 'keep', reason: `${latest}: no rule matches` } };
  }
  const reclaimed = new Set(matched.map((entry) => entry.product.siteId));
  const memberOf = new Set(account.groups.map((group) => group.id));
  const granting = context.access.groups.filter((group) => memberOf.has(group.id) && group.siteIds.some((siteId) => reclaimed.has(siteId)));
  const removable = granting.filter((group) => group.modifiable && !group.synced && group.siteIds.every((siteId) => reclaimed.has(siteId)));
  const kept = granting.filter((group) => !removable.includes(group));
  const stillGranted = new Set(kept.flatMap((group) => group.siteIds));
  const freed = matched.filter((entry) => !stillGranted.has(entry.product.siteId));
  const why = reclaimWhy(matched);
  const keptNote = `${kept.length === 0 ? '' : `; kept ${kept.map((group) => `"${group.name}" (${keptReason(group, reclaimed, sparedSites)})`).join(', ')}`}${sparedNote ? `; ${sparedNote}` : ''}`;
  if (removable.length === 0) {
    const none = granting.length === 0 ? 'no group grants it any more (already reclaimed, or held through a direct role)' : 'no group the sweep may remove grants it';
    return { why, decision: { ...base, decision: 'keep', rule: matched[0].rule.id, reason: `${why}; ${none}${keptNote}` } };
  }
  const decision: AccountDecision = {
    ...base,
    decision: 'reclaim',
    rule: matched[0].rule.id,
    reason: `${why}${keptNote}: remove from ${removable.map((group) => `"${group.name}"`).join(', ')}`,
    reclaim: {
      groups: removable.map((group) => ({ id: group.id, name: group.name })).sort((a, b) => a.name.localeCompare(b.name)),
      productKeys: [...new Set(freed.map((entry) => entry.product.productKey))].sort(),
    },
  };
  return { why, decision };
}

function keptReason(group: { synced: boolean; modifiable: boolean; siteIds: string[] }, reclaimed: ReadonlySet<string>, spared: ReadonlySet<string>): string {
  if (group.synced) return 'synced from the identity provider: remove the account there';
  if (!group.modifiable) return 'an admin group the API cannot change';
  if (group.siteIds.some((siteId) => spared.has(siteId))) return 'also grants a product spared below';
  return group.siteIds.some((siteId) => !reclaimed.has(siteId)) ? 'also grants a product still in use' : 'cannot be changed';
}
