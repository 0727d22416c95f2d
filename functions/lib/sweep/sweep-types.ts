import * as z from 'zod';

/**
 * The records the inactivity sweep passes between its steps through the report store (never the
 * state: a 100,000-user org is megabytes). camelCase JSON, validated by zod when read back.
 */

/** The last activity of an account on one product instance (a site's Jira, a site's Confluence). */
export const ActivitySchema = z.object({
  siteId: z.string(),
  productKey: z.string(),
  /** ISO-8601 date-time. */
  lastActive: z.string(),
});
export type Activity = z.output<typeof ActivitySchema>;

/** One directory account as the scan saw it (v2 users/search with productAccess, groups, platformRoles). */
export const ScannedAccountSchema = z.object({
  accountId: z.string(),
  email: z.string(),
  name: z.string(),
  /** `atlassian` for people; `app` and `customer` accounts are never swept. */
  accountType: z.string(),
  accountStatus: z.string(),
  membershipStatus: z.string(),
  managementSource: z.enum(['invited', 'synced']).nullable(),
  addedToOrg: z.string().optional(),
  platformRoles: z.array(z.string()),
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  activity: z.array(ActivitySchema),
});
export type ScannedAccount = z.output<typeof ScannedAccountSchema>;

/** A group that grants a licence (a user or admin role) on one or more product instances. */
export const AccessGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  synced: z.boolean(),
  /** Whether the API may change its memberships (admin and IdP-synced groups: no). */
  modifiable: z.boolean(),
  /** The product instances (site ids) it grants. */
  siteIds: z.array(z.string()),
});
export type AccessGroup = z.output<typeof AccessGroupSchema>;

/** A product instance of the org. */
export const SiteSchema = z.object({ siteId: z.string(), productKey: z.string(), name: z.string().optional() });
export type Site = z.output<typeof SiteSchema>;

/** Which groups grant which products: read once per sweep (the "directory lookup"). */
export const AccessMapSchema = z.object({ sites: z.array(SiteSchema), groups: z.array(AccessGroupSchema) });
export type AccessMap = z.output<typeof AccessMapSchema>;

export const DECISIONS = ['suspend', 'reclaim', 'keep', 'excluded', 'spared'] as const;
export type Decision = (typeof DECISIONS)[number];

export const EXCLUSIONS = ['account-type', 'org-admin', 'protected', 'not-active', 'group', 'new', 'idp-synced'] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

/** The inactivity of an account on one product instance it holds. */
export const ProductInactivitySchema = z.object({
  siteId: z.string(),
  productKey: z.string(),
  /** ISO-8601; absent when never used (then `daysInactive` counts from `addedToOrg`). */
  lastActive: z.string().optional(),
  daysInactive: z.number().int().nullable(),
  /** ISO-8601; set when the audit log shows access granted within `inactivity.newAccessGraceDays` (the product is spared). */
  grantedAt: z.string().optional(),
});
export type ProductInactivity = z.output<typeof ProductInactivitySchema>;

/** What the sweep decided for one account, with the reason in words. */
export const AccountDecisionSchema = z.object({
  accountId: z.string(),
  email: z.string(),
  name: z.string(),
  decision: z.enum(DECISIONS),
  exclusion: z.enum(EXCLUSIONS).optional(),
  /** The rule that decided (suspend / reclaim, or the one an excluded IdP account matched). */
  rule: z.string().optional(),
  reason: z.string(),
  /** Days since the last activity in any product (from addedToOrg when never active); null when unknown. */
  daysInactive: z.number().int().nullable(),
  products: z.array(ProductInactivitySchema),
  /** reclaim: the groups to remove and the products they free. */
  reclaim: z.object({ groups: z.array(z.object({ id: z.string(), name: z.string() })), productKeys: z.array(z.string()) }).optional(),
  /** After acting: the outcome (done / already / skipped / failed) and what happened. */
  outcome: z.string().optional(),
  outcomeDetail: z.string().optional(),
});
export type AccountDecision = z.output<typeof AccountDecisionSchema>;

/** An account the run is about to act on: small, because the bounded list travels in the state. */
export const SweepTargetSchema = z.strictObject({
  accountId: z.string().min(1),
  email: z.string(),
  action: z.enum(['reclaim', 'suspend']),
  rule: z.string(),
  /** reclaim: the groups to remove. */
  groups: z.array(z.strictObject({ id: z.string().min(1), name: z.string() })).default([]),
});
export type SweepTarget = z.output<typeof SweepTargetSchema>;

/** Counts per decision. */
export type DecisionCounts = Record<Decision, number>;

export function countDecisions(decisions: readonly Pick<AccountDecision, 'decision'>[]): DecisionCounts {
  const counts: DecisionCounts = { suspend: 0, reclaim: 0, keep: 0, excluded: 0, spared: 0 };
  for (const entry of decisions) counts[entry.decision] += 1;
  return counts;
}
