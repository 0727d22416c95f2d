import { z } from 'zod';
import type { SimulatorState } from '../model/simulator-state.js';
import type { SimUser } from '../model/types.js';
import { userStatus } from './views.js';
import { queryList } from './respond.js';

const ROLE_ID = z.enum(['atlassian/user', 'atlassian/admin', 'atlassian/guest', 'atlassian/customer', 'atlassian/user-access-admin',
  'atlassian/contributor', 'atlassian/basic', 'atlassian/stakeholder', 'atlassian/org-admin', 'atlassian/site-admin', 'atlassian/ai-access']);

/** The user filters shared by v2 `users` (GET), `users/count` (GET) and `users/search` (POST body). */
export const UserFilterSchema = z.object({
  accountIds: z.array(z.string()).min(1).max(10).optional(),
  directoryIds: z.array(z.string()).min(1).max(10).optional(),
  resourceIds: z.array(z.string()).min(1).max(20).optional(),
  groupIds: z.array(z.string()).min(1).max(10).optional(),
  mfaEnabled: z.boolean().optional(),
  claimStatus: z.enum(['managed', 'unmanaged']).optional(),
  status: z.array(z.enum(['active', 'suspended', 'not_invited', 'deactivated', 'for_deletion'])).min(1).max(4).optional(),
  accountStatus: z.array(z.enum(['active', 'inactive', 'closed'])).min(1).max(3).optional(),
  membershipStatus: z.array(z.enum(['active', 'suspended', 'no_membership'])).min(1).max(3).optional(),
  roleIds: z.array(ROLE_ID).min(1).max(10).optional(),
  emailDomains: z.array(z.string()).min(1).max(10).optional(),
  emails: z.array(z.string()).min(1).max(100).optional(),
  searchTerm: z.string().optional(),
  sortBy: z.array(z.object({ field: z.literal('nick_name'), direction: z.enum(['asc', 'desc']) })).min(1).max(1).optional(),
});
export type UserFilter = z.infer<typeof UserFilterSchema>;

/** Reads the filters from query parameters (arrays as repeated or comma-separated values). */
export function userFilterFromQuery(query: URLSearchParams): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const name of ['accountIds', 'directoryIds', 'resourceIds', 'groupIds', 'status', 'accountStatus', 'membershipStatus', 'roleIds', 'emailDomains']) {
    const values = queryList(query, name);
    if (values) raw[name] = values;
  }
  const mfa = query.get('mfaEnabled');
  if (mfa !== null) raw.mfaEnabled = mfa === 'true' ? true : mfa === 'false' ? false : mfa;
  for (const name of ['claimStatus', 'searchTerm']) if (query.get(name) !== null) raw[name] = query.get(name);
  const sort = query.get('sortBy');
  if (sort) {
    const [field, direction = 'asc'] = sort.split(/[:,]/);
    raw.sortBy = [{ field, direction }];
  }
  return raw;
}

/**
 * Builds the predicate. Removed users (`no_membership`) are left out unless the caller asks for
 * them by membership status, by claim status (managed accounts stay visible after removal), or
 * looks people up exactly by account id or email.
 */
export function userPredicate(state: SimulatorState, filter: UserFilter): (user: SimUser) => boolean {
  const ids = filter.accountIds ? new Set(filter.accountIds) : undefined;
  const emails = filter.emails ? new Set(filter.emails.map((email) => email.toLowerCase())) : undefined;
  const term = filter.searchTerm?.toLowerCase();
  const domains = filter.emailDomains?.map((domain) => domain.toLowerCase());
  const includeRemoved = Boolean(filter.membershipStatus || filter.claimStatus || ids || emails);
  const outsideDirectory = filter.directoryIds !== undefined && !filter.directoryIds.includes(state.directoryId);
  return (user) => {
    if (outsideDirectory) return false;
    if (!includeRemoved && user.membershipStatus === 'no_membership') return false;
    if (ids && !ids.has(user.accountId)) return false;
    if (emails && !emails.has(user.email.toLowerCase())) return false;
    if (filter.membershipStatus && !filter.membershipStatus.includes(user.membershipStatus)) return false;
    if (filter.accountStatus && !filter.accountStatus.includes(user.accountStatus)) return false;
    if (filter.status && !filter.status.includes(userStatus(user))) return false;
    if (filter.claimStatus && user.claimStatus !== filter.claimStatus) return false;
    if (filter.mfaEnabled !== undefined && user.mfaEnabled !== filter.mfaEnabled) return false;
    if (domains && !domains.includes(user.email.split('@')[1].toLowerCase())) return false;
    if (term && !user.name.toLowerCase().includes(term) && !user.email.toLowerCase().includes(term) && !user.nickname.toLowerCase().includes(term)) return false;
    if (filter.groupIds && !filter.groupIds.some((groupId) => state.isMember(groupId, user.accountId))) return false;
    if (filter.roleIds || filter.resourceIds) return holdsRole(state, user, filter.roleIds, filter.resourceIds);
    return true;
  };
}

/** Whether the user holds one of the roles (on one of the resources), directly, via a group, or as a platform role. */
function holdsRole(state: SimulatorState, user: SimUser, roleIds?: string[], resourceIds?: string[]): boolean {
  const fits = (resourceId: string, roles: ReadonlySet<string>) =>
    (!resourceIds || resourceIds.includes(resourceId)) && (!roleIds || roleIds.some((role) => roles.has(role)));
  if (fits(state.orgResourceId, user.platformRoles)) return true;
  for (const [resourceId, roles] of state.rolesOf('user', user.accountId)) if (fits(resourceId, roles)) return true;
  for (const groupId of state.groupsOf(user.accountId)) {
    for (const [resourceId, roles] of state.rolesOf('group', groupId)) if (fits(resourceId, roles)) return true;
  }
  return false;
}

/** Account ids in the order a page walks: insertion order, or by nickname when `sortBy` asks. */
export function orderedUserIds(state: SimulatorState, filter: UserFilter): readonly string[] {
  const sort = filter.sortBy?.[0];
  if (!sort) return state.userOrder;
  const sign = sort.direction === 'desc' ? -1 : 1;
  return [...state.userOrder].sort((a, b) => sign * state.getUser(a)!.nickname.localeCompare(state.getUser(b)!.nickname));
}

/** Cursor kind for a filtered user walk: cursors of differently sorted walks do not mix. */
export function userCursorKind(prefix: string, filter: UserFilter): string {
  const sort = filter.sortBy?.[0];
  return sort ? `${prefix}:nick:${sort.direction}` : prefix;
}
