import * as z from 'zod';

/**
 * When product access was granted, as the org's audit log tells it (`GET /v1/orgs/{orgId}/events`).
 * The scan reads the grants of the last `inactivity.newAccessGraceDays` once per sweep and writes
 * them to the report store (`grants.json`); the decisions spare what was granted within the grace.
 */

/**
 * The audit actions that give an account access to a product. The events API filters on one
 * action per query, so the sweep makes one paged query per action (never one per user):
 * - `user_added_to_group`: the joiner, the mover, an admin (a group that grants a product);
 * - `group_role_assigned`: a product role given to a group (every member receives it);
 * - `user_role_assigned`, `user_product_access_granted`: a product given to the account itself.
 */
export const GRANT_ACTIONS = ['user_added_to_group', 'group_role_assigned', 'user_role_assigned', 'user_product_access_granted'] as const;

/** One grant: to an account (through a group, or on a site) or to a group (on a site). */
export const AccessGrantSchema = z.object({
  action: z.string(),
  /** ISO-8601 time of the event. */
  at: z.iso.datetime({ offset: true }),
  accountId: z.string().min(1).optional(),
  groupId: z.string().min(1).optional(),
  /** The product instance (site cloud id), when the event names one. */
  siteId: z.string().min(1).optional(),
});
export type AccessGrant = z.output<typeof AccessGrantSchema>;

/** `grants.json`: what the scan learnt from the audit log, or why it learnt nothing. */
export const RecentGrantsFileSchema = z.discriminatedUnion('status', [
  /** `inactivity.newAccessGraceDays: 0`: no grace, the audit log is not read. */
  z.object({ status: z.literal('off') }),
  z.object({
    status: z.literal('read'),
    graceDays: z.number().int().min(1),
    /** ISO-8601: events from this time on were read. */
    since: z.iso.datetime({ offset: true }),
    /** Events the queries returned (grants are the ones that name an account or a group and what they give). */
    events: z.number().int().min(0),
    grants: z.array(AccessGrantSchema),
  }),
  /** The audit log could not be read: the decisions never count a never-used product from addedToOrg. */
  z.object({
    status: z.literal('unavailable'),
    graceDays: z.number().int().min(1),
    since: z.iso.datetime({ offset: true }),
    /** The error's name, e.g. `Atlassian.Forbidden`, and its message. */
    error: z.string(),
    message: z.string(),
  }),
]);
export type RecentGrantsFile = z.output<typeof RecentGrantsFileSchema>;
