import type { SimulatorState } from '../model/simulator-state.js';
import type { ProductActivity, SimGroup, SimUser } from '../model/types.js';

/**
 * Wire views of users and groups, one function per response schema of the spec, so each route
 * returns exactly the fields (and casing) its endpoint documents.
 */

const AVATAR = 'https://avatar-management.services.atlassian.com/default/48';

/** `yyyy-MM-dd` of a date (UTC). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function latestActivity(user: SimUser): Date | undefined {
  let latest: Date | undefined;
  for (const entry of user.activity) if (!latest || entry.lastActive > latest) latest = entry.lastActive;
  return latest;
}

/** v2 `status`: combines the membership with the account's own state. */
export function userStatus(user: SimUser): 'active' | 'suspended' | 'deactivated' | 'for_deletion' {
  if (user.membershipStatus === 'no_membership') return 'for_deletion';
  if (user.accountStatus !== 'active') return 'deactivated';
  return user.membershipStatus;
}

/** v1 `GET /users` (managed accounts): snake_case `User`. */
export function v1ManagedAccount(state: SimulatorState, user: SimUser, baseUrl: string) {
  return {
    account_id: user.accountId,
    account_type: user.accountType ?? 'atlassian',
    account_status: user.accountStatus,
    name: user.name,
    picture: AVATAR,
    email: user.email,
    access_billable: user.membershipStatus === 'active',
    last_active: latestActivity(user)?.toISOString(),
    product_access: user.activity.map((entry) => {
      const site = state.sites.find((s) => s.id === entry.siteId);
      return { key: entry.productKey, name: site?.productName ?? entry.productKey, url: site?.url ?? '', last_active: entry.lastActive.toISOString() };
    }),
    links: { self: `${baseUrl}/v1/orgs/${state.orgId}/users/${user.accountId}` },
  };
}

/** v1 `users/search` (`PublicUser`, camelCase); `expand` adds the optional fields. */
export function v1PublicUser(state: SimulatorState, user: SimUser, expand: ReadonlySet<string>) {
  return {
    accountId: user.accountId,
    accountType: user.accountType ?? 'atlassian',
    accountStatus: user.accountStatus,
    statusInUserbase: user.membershipStatus !== 'no_membership',
    ...(expand.has('NAME') ? { name: user.name, nickname: user.nickname } : {}),
    ...(expand.has('EMAIL') ? { email: user.email } : {}),
    ...(expand.has('EMAIL_VERIFIED') ? { emailVerified: user.emailVerified } : {}),
    ...(expand.has('GROUPS') ? { groups: groupRefs(state, user) } : {}),
    ...(expand.has('PRODUCT_LAST_ACCESS') ? { productLastAccess: user.activity.map(v2ProductAccess) } : {}),
  };
}

/** v1 `last-active-dates` entry (snake_case, per product AND per site). */
export function v1ProductLastActive(entry: ProductActivity) {
  return { id: entry.siteId, key: entry.productKey, last_active: isoDate(entry.lastActive), last_active_timestamp: entry.lastActive.toISOString() };
}

function v2ProductAccess(entry: ProductActivity) {
  return { id: entry.siteId, key: entry.productKey, lastActiveTimestamp: entry.lastActive.toISOString() };
}

function groupRefs(state: SimulatorState, user: SimUser) {
  return [...state.groupsOf(user.accountId)].map((id) => ({ id, name: state.getGroup(id)?.name ?? null }));
}

/**
 * v2 user in lists and searches; `expand` adds platformRoles, productAccess, groups, counts.
 * Objects keep one fixed shape (absent fields are `undefined`, which JSON leaves out): much
 * faster than assembling them from conditional spreads.
 */
export function v2User(state: SimulatorState, user: SimUser, expand: ReadonlySet<string> | 'all') {
  const all = expand === 'all';
  return {
    accountId: user.accountId,
    accountType: user.accountType ?? 'atlassian',
    accountStatus: user.accountStatus,
    status: userStatus(user),
    membershipStatus: user.membershipStatus,
    managementSource: user.managementSource,
    claimStatus: user.claimStatus,
    name: user.name,
    nickname: user.nickname,
    email: user.email,
    emailVerified: user.emailVerified,
    department: user.department,
    jobTitle: user.jobTitle,
    location: user.location,
    timeZone: user.timeZone,
    organization: state.orgName,
    addedToOrg: user.addedToOrg.toISOString(),
    mfaEnabled: user.mfaEnabled,
    avatar: AVATAR,
    picture: AVATAR,
    platformRoles: all || expand.has('platformRoles') ? [...user.platformRoles] : undefined,
    productAccess: all || expand.has('productAccess') ? user.activity.map(v2ProductAccess) : undefined,
    groups: all || expand.has('groups') ? groupRefs(state, user) : undefined,
    counts: all || expand.has('counts.resources') ? { resources: state.rolesOf('user', user.accountId).size } : undefined,
    links: { self: user.accountId },
  };
}

/** v2 user details (`MultiDirectoryUserDetailsData`): no groups or product access, always roles and counts. */
export function v2UserDetails(state: SimulatorState, user: SimUser) {
  const { productAccess: _productAccess, groups: _groups, links: _links, ...details } = v2User(state, user, new Set(['platformRoles', 'counts.resources']));
  return details;
}

/** Whether the API may change this group's memberships / delete it (`managementAccess`). */
export function managementAccess(group: SimGroup) {
  return { readable: true, modifiable: !group.synced && group.kind !== 'admin', deletable: !group.synced && group.kind === 'regular' };
}

/** v2 `MultiDirectoryGroup`; `counts` only when asked for (search `expand`) or always (list/details). */
export function v2Group(state: SimulatorState, group: SimGroup, counts: { users: boolean; resources: boolean }) {
  return {
    id: group.id,
    name: group.name,
    ...(group.description ? { description: group.description } : {}),
    directoryId: state.directoryId,
    externalSynced: group.synced,
    managedBy: group.synced ? 'external' : 'admins',
    managementAccess: managementAccess(group),
    ...(counts.users || counts.resources ? {
      counts: {
        ...(counts.users ? { users: state.membersOf(group.id).size } : {}),
        ...(counts.resources ? { resources: state.rolesOf('group', group.id).size } : {}),
      },
    } : {}),
    links: { self: group.id },
  };
}

/** v1 `groups/search` (`PublicGroup`). */
export function v1PublicGroup(state: SimulatorState, group: SimGroup, expand: ReadonlySet<string>) {
  const roleAssignments: Array<{ principalId: string; resourceId: string; roleId: string }> = [];
  if (expand.has('ROLE_ASSIGNMENTS')) {
    for (const [resourceId, roles] of state.rolesOf('group', group.id)) {
      for (const roleId of roles) roleAssignments.push({ principalId: group.id, resourceId, roleId });
    }
  }
  return {
    id: group.id,
    name: group.name,
    ...(group.description ? { description: group.description } : {}),
    ...(expand.has('ROLE_ASSIGNMENTS') ? { roleAssignments } : {}),
    ...(expand.has('MANAGEMENT_ACCESS') ? { managementAccess: managementAccess(group), externalSynced: group.synced } : {}),
    ...(expand.has('USERS') || expand.has('META') ? { meta: { userCount: state.membersOf(group.id).size } } : {}),
  };
}
