import { ModelError } from './model-error.js';
import type { SimulatorState } from './simulator-state.js';
import type { SimUser } from './types.js';

/** `done`: the call changed the org; `already`: the desired end state already held. */
export type RuleOutcome = 'done' | 'already';

/** The user, if they are in the directory (active or suspended); removed users count as unknown. */
export function requireDirectoryUser(state: SimulatorState, accountId: string): SimUser {
  const user = state.getUser(accountId);
  if (!user || user.membershipStatus === 'no_membership') {
    throw new ModelError('userNotFound', `No user with account id ${accountId} in the directory.`);
  }
  return user;
}

/**
 * Suspends a user's access. They keep their groups and roles (the API documents that they get
 * them back on restore), they just stop holding a seat. Suspending a suspended user is a no-op
 * success: neither spec version lists a conflict status for it.
 */
export function suspendUser(state: SimulatorState, accountId: string): RuleOutcome {
  const user = requireDirectoryUser(state, accountId);
  if (user.membershipStatus === 'suspended') return 'already';
  user.membershipStatus = 'suspended';
  state.record({ action: 'user_suspended_from_org', objects: [{ type: 'user', id: user.accountId, name: user.name }] });
  return 'done';
}

/**
 * Restores a suspended user with the groups and roles they had. Restoring an active user is a
 * no-op success. Restoring beyond the license limit fails (v1 documents 409 ADMIN-409-3).
 */
export function restoreUser(state: SimulatorState, accountId: string): RuleOutcome {
  const user = requireDirectoryUser(state, accountId);
  if (user.membershipStatus === 'active') return 'already';
  assertSeatAvailable(state);
  user.membershipStatus = 'active';
  state.record({ action: 'user_restored_to_org', objects: [{ type: 'user', id: user.accountId, name: user.name }] });
  return 'done';
}

/**
 * Removes a user from the directory: memberships, direct roles and platform roles are dropped and
 * only a new invite brings the account back (with nothing). Removing a removed user is 404, like
 * any user that is not in the directory.
 */
export function removeUser(state: SimulatorState, accountId: string): RuleOutcome {
  const user = requireDirectoryUser(state, accountId);
  for (const groupId of [...state.groupsOf(accountId)]) state.unlink(groupId, accountId);
  state.userRoles.delete(accountId);
  user.platformRoles.clear();
  user.membershipStatus = 'no_membership';
  state.record({ action: 'user_removed_from_directory', objects: [{ type: 'user', id: user.accountId, name: user.name }] });
  return 'done';
}

/** Throws `licenseLimit` when one more active member would exceed the org's license limit. */
export function assertSeatAvailable(state: SimulatorState): void {
  const limit = state.behaviour.licenseLimit;
  if (limit !== null && state.countActiveMembers() >= limit) {
    throw new ModelError('licenseLimit', `The org's license limit of ${limit} users is reached. Suspend or remove a user, or raise the limit.`);
  }
}
