import { AtlassianError, ErrorNames } from '../../errors.js';
import type { DirectoryGroup, DirectoryUser, ProductLastActive, RoleAssignment, UserLastActive } from '../directory.js';
import type { LastActiveDatesPage } from '../schemas/v1-directory.js';
import type { V2Group, V2GroupRoleAssignment } from '../schemas/v2-groups.js';
import type { V2User, V2UserDetails, V2UserRoleAssignment } from '../schemas/v2-users.js';

/** Maps wire shapes of the v2 API (and last-active-dates) onto the `Directory` types. */

/** A v2 user (search result or details) as a `DirectoryUser`; statuses must be present. */
export function toDirectoryUser(operation: string, user: V2User | V2UserDetails): DirectoryUser {
  const { accountStatus, membershipStatus } = user;
  if (accountStatus === undefined || membershipStatus === undefined) {
    const field = accountStatus === undefined ? 'accountStatus' : 'membershipStatus';
    throw new AtlassianError(
      ErrorNames.UnexpectedResponse,
      `Atlassian Admin API call ${operation} returned user ${user.accountId} without "${field}", which lifecycle decisions depend on. Retry later; if it persists, report it to Atlassian Support.`,
      { operation },
    );
  }
  return {
    accountId: user.accountId,
    email: user.email ?? '',
    name: user.name ?? user.nickname ?? '',
    accountStatus,
    membershipStatus,
    managementSource: user.managementSource ?? null,
    ...(user.department ? { department: user.department } : {}),
    ...(user.jobTitle ? { jobTitle: user.jobTitle } : {}),
    ...(user.location ? { location: user.location } : {}),
    platformRoles: user.platformRoles ?? [],
    ...(user.addedToOrg ? { addedToOrg: user.addedToOrg } : {}),
  };
}

/** A v2 group; IdP-synced when Atlassian says so or marks it as not modifiable by us. */
export function toDirectoryGroup(group: V2Group): DirectoryGroup {
  return {
    id: group.id,
    name: group.name ?? '',
    ...(group.description ? { description: group.description } : {}),
    synced: group.externalSynced === true,
  };
}

/** Roles the user holds directly (not inherited from a group), one entry per resource and role. */
export function directUserRoles(entries: V2UserRoleAssignment[]): RoleAssignment[] {
  const roles: RoleAssignment[] = [];
  for (const entry of entries) {
    if (!entry.resourceId) continue;
    if (entry.roleAssignments) {
      for (const assignment of entry.roleAssignments) {
        const methods = assignment.roleAssignmentMethods;
        // No methods listed means Atlassian did not say it was inherited: treat as direct.
        if (assignment.role && (!methods || methods.length === 0 || methods.includes('direct'))) {
          roles.push({ resourceId: entry.resourceId, role: assignment.role });
        }
      }
    } else {
      for (const role of entry.roles ?? []) roles.push({ resourceId: entry.resourceId, role });
    }
  }
  return roles;
}

/** Roles granted to a group, one entry per resource and role. */
export function groupRoles(entries: V2GroupRoleAssignment[]): RoleAssignment[] {
  return entries.flatMap((entry) => (entry.resourceId ? (entry.roles ?? []).map((role) => ({ resourceId: entry.resourceId!, role })) : []));
}

/** Merges every last-active-dates page into per-product dates and the overall latest date. */
export function toUserLastActive(accountId: string, pages: LastActiveDatesPage[]): UserLastActive {
  const products: ProductLastActive[] = pages.flatMap((page) =>
    page.data.product_access.map((product) => {
      const lastActive = product.last_active ?? product.last_active_timestamp?.slice(0, 10);
      return { key: product.key, id: product.id, ...(lastActive ? { lastActive } : {}) };
    }),
  );
  // yyyy-MM-dd strings sort chronologically.
  const latest = products.reduce<string | undefined>((max, p) => (p.lastActive && (!max || p.lastActive > max) ? p.lastActive : max), undefined);
  return { accountId, products, ...(latest ? { lastActive: latest } : {}) };
}
