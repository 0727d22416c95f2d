import { z } from 'zod';
import { SIMULATOR_EMAIL_PATTERN } from './email-address.js';
import { stableUuid } from './ids.js';
import type { SimulatorState } from './simulator-state.js';
import type { SimGroup, SimUser } from './types.js';

/** A user to put into the org directly (tests, control endpoint). Unknown groups are an error. */
export const UserSeedSchema = z.strictObject({
  email: z.string().regex(SIMULATOR_EMAIL_PATTERN, { message: 'expected an email address' }),
  accountId: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  department: z.string().optional(),
  jobTitle: z.string().optional(),
  location: z.string().optional(),
  accountType: z.enum(['atlassian', 'app', 'customer']).optional(),
  accountStatus: z.enum(['active', 'inactive', 'closed']).default('active'),
  membershipStatus: z.enum(['active', 'suspended', 'no_membership']).default('active'),
  managementSource: z.enum(['invited', 'synced']).default('invited'),
  platformRoles: z.array(z.string()).default([]),
  /** Group names or ids to add the user to. */
  groups: z.array(z.string()).default([]),
  /** Direct site roles: `site` is a resource id or a site (cloud) id. */
  roles: z.array(z.object({ site: z.string(), role: z.string() })).default([]),
  /** Last activity per site: `site` is a resource id or cloud id; `at` an ISO date-time. */
  lastActive: z.array(z.object({ site: z.string(), at: z.iso.datetime({ offset: true }) })).default([]),
  addedToOrg: z.iso.datetime({ offset: true }).optional(),
});
export type UserSeed = z.input<typeof UserSeedSchema>;

/** A group to put into the org directly. */
export const GroupSeedSchema = z.strictObject({
  name: z.string().min(1),
  id: z.string().min(1).optional(),
  description: z.string().optional(),
  synced: z.boolean().default(false),
  kind: z.enum(['regular', 'admin', 'default-access']).default('regular'),
  /** Member emails or account ids. */
  members: z.array(z.string()).default([]),
  roles: z.array(z.object({ site: z.string(), role: z.string() })).default([]),
});
export type GroupSeed = z.input<typeof GroupSeedSchema>;

function siteOf(state: SimulatorState, ref: string) {
  const site = state.findSiteByResourceId(ref);
  if (!site) throw new RangeError(`Unknown site "${ref}": use a site's resource id or cloud id (${state.sites.map((s) => s.id).join(', ')}).`);
  return site;
}

/** Adds or replaces users (matched by email), with memberships, roles and activity. Returns them. */
export function putUsers(state: SimulatorState, seeds: unknown[]): SimUser[] {
  const parsed = seeds.map((seed) => UserSeedSchema.parse(seed));
  return parsed.map((seed) => {
    const existing = state.findUserByEmail(seed.email);
    const accountId = seed.accountId ?? existing?.accountId ?? stableUuid(state.orgId, `user:${seed.email.toLowerCase()}`);
    const groupIds = seed.groups.map((ref) => {
      const group = state.getGroup(ref) ?? state.findGroupByName(ref);
      if (!group) throw new RangeError(`Unknown group "${ref}" for ${seed.email}: create it first or use an existing name/id.`);
      return group.id;
    });
    const user: SimUser = {
      accountId,
      ...(seed.accountType ? { accountType: seed.accountType } : {}),
      email: seed.email,
      name: seed.name ?? seed.email.split('@')[0],
      nickname: seed.email.split('@')[0],
      accountStatus: seed.accountStatus,
      membershipStatus: seed.membershipStatus,
      managementSource: seed.managementSource,
      claimStatus: state.claimedDomains.includes(seed.email.split('@')[1].toLowerCase()) ? 'managed' : 'unmanaged',
      department: seed.department,
      jobTitle: seed.jobTitle,
      location: seed.location,
      platformRoles: new Set(seed.platformRoles),
      addedToOrg: seed.addedToOrg ? new Date(seed.addedToOrg) : state.clock.now(),
      emailVerified: true,
      mfaEnabled: false,
      activity: seed.lastActive.map((entry) => {
        const site = siteOf(state, entry.site);
        return { siteId: site.id, productKey: site.productKey, lastActive: new Date(entry.at) };
      }),
    };
    state.putUser(user);
    for (const groupId of groupIds) state.link(groupId, accountId);
    for (const grant of seed.roles) state.grant('user', accountId, siteOf(state, grant.site).resourceId, grant.role);
    return user;
  });
}

/** Adds or replaces groups (matched by name), with members and role grants. Returns them. */
export function putGroups(state: SimulatorState, seeds: unknown[]): SimGroup[] {
  return seeds.map((raw) => {
    const seed = GroupSeedSchema.parse(raw);
    const existing = state.findGroupByName(seed.name);
    const group: SimGroup = {
      id: seed.id ?? existing?.id ?? stableUuid(state.orgId, `group:${seed.name.toLowerCase()}`),
      name: seed.name,
      description: seed.description,
      synced: seed.synced,
      kind: seed.kind,
      createdAt: existing?.createdAt ?? state.clock.now(),
    };
    state.putGroup(group);
    for (const ref of seed.members) {
      const user = state.getUser(ref) ?? state.findUserByEmail(ref);
      if (!user) throw new RangeError(`Unknown member "${ref}" for group ${seed.name}: put the user first.`);
      state.link(group.id, user.accountId);
    }
    for (const grant of seed.roles) state.grant('group', group.id, siteOf(state, grant.site).resourceId, grant.role);
    return group;
  });
}
