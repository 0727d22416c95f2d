import type { DirectoryGroup, DirectoryUser, MembershipStatus } from '../directory.js';
import type { V1PublicGroup, V1PublicUser } from '../schemas/v1-users.js';

/** Maps v1 `users/search` and `groups/search` results onto the `Directory` types. */

/**
 * v1 search results carry no membership status, department or platform roles: the caller works
 * out suspension with an `isSuspended` search; the rest stays unknown (null / empty).
 */
export function v1ToDirectoryUser(user: V1PublicUser, suspended: boolean): DirectoryUser {
  const membershipStatus: MembershipStatus = user.statusInUserbase === false ? 'no_membership' : suspended ? 'suspended' : 'active';
  return {
    accountId: user.accountId,
    email: user.email ?? '',
    name: user.name ?? user.nickname ?? '',
    // `partial` (account being set up) is still an active Atlassian account.
    accountStatus: user.accountStatus === 'closed' || user.accountStatus === 'inactive' ? user.accountStatus : 'active',
    membershipStatus,
    managementSource: null,
    platformRoles: [],
  };
}

/** v1 groups do not say whether an identity provider owns them. */
export function v1ToDirectoryGroup(group: V1PublicGroup): DirectoryGroup {
  return {
    id: group.id,
    name: group.name ?? '',
    ...(group.description ? { description: group.description } : {}),
    synced: false,
  };
}

/** Splits `user@example.com` into the parts v1 `users/search` filters on. */
export function splitEmail(email: string): { username: string; domain: string } {
  const at = email.lastIndexOf('@');
  return { username: email.slice(0, at), domain: email.slice(at + 1) };
}
