import { stableUuid } from './ids.js';
import { ModelError } from './model-error.js';
import type { SimulatorState } from './simulator-state.js';
import type { SimGroup } from './types.js';
import { requireDirectoryUser, type RuleOutcome } from './user-lifecycle.js';

const MAX_GROUP_NAME = 255;

export function requireGroup(state: SimulatorState, groupId: string): SimGroup {
  const group = state.getGroup(groupId);
  if (!group) throw new ModelError('groupNotFound', `No group with id ${groupId}.`);
  return group;
}

/** Creates a group. Names are unique (case-insensitive), as in Atlassian's directory. */
export function createGroup(state: SimulatorState, name: string, description?: string): SimGroup {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (!trimmed || trimmed.length > MAX_GROUP_NAME) {
    throw new ModelError('invalidInput', `A group name must be 1-${MAX_GROUP_NAME} characters; got "${String(name)}".`);
  }
  if (state.findGroupByName(trimmed)) {
    throw new ModelError('groupNameTaken', `A group named "${trimmed}" already exists. Pick another name or use the existing group.`);
  }
  const group: SimGroup = {
    // Derived from the org and the creation sequence: the same script gives the same ids.
    id: stableUuid(state.orgId, `group:${trimmed.toLowerCase()}:${state.groupOrder.length}`),
    name: trimmed,
    description,
    synced: false,
    kind: 'regular',
    createdAt: state.clock.now(),
  };
  state.putGroup(group);
  state.record({ action: 'group_created', objects: [{ type: 'group', id: group.id, name: group.name }] });
  return group;
}

/**
 * Deletes a group. IdP-synced, admin and default-access groups cannot be deleted (403 with the
 * documented ADMIN-403-5/-7/-6). With `requireEmpty` (v1 without `forceIfNotEmpty`), a group
 * with members is refused (409 ADMIN-409-5); v2 has no such guard.
 */
export function deleteGroup(state: SimulatorState, groupId: string, options: { requireEmpty: boolean }): void {
  const group = requireGroup(state, groupId);
  assertDeletable(group);
  if (options.requireEmpty && state.membersOf(groupId).size > 0) {
    throw new ModelError('groupNotEmpty', `Group "${group.name}" still has ${state.membersOf(groupId).size} members. Remove them first or pass forceIfNotEmpty=true.`);
  }
  state.dropGroup(groupId);
  state.record({ action: 'group_deleted', objects: [{ type: 'group', id: group.id, name: group.name }] });
}

function assertDeletable(group: SimGroup): void {
  if (group.synced) throw new ModelError('syncedGroup', `Group "${group.name}" is synced from your identity provider; delete it there.`);
  if (group.kind === 'admin') throw new ModelError('adminGroup', `Group "${group.name}" grants admin access and cannot be deleted.`);
  if (group.kind === 'default-access') {
    throw new ModelError('defaultAccessGroup', `Group "${group.name}" is a default access group and cannot be deleted.`);
  }
}

/** Memberships of synced groups belong to the IdP; those of admin groups cannot change through the API. */
function assertMembershipsModifiable(group: SimGroup): void {
  if (group.synced) {
    throw new ModelError('syncedGroup', `Memberships of "${group.name}" are synced from your identity provider; change them there.`);
  }
  if (group.kind === 'admin') {
    throw new ModelError('adminGroup', `Memberships of admin group "${group.name}" cannot be changed through the API; use the org-admin role endpoints.`);
  }
}

/** Adds a user to a group. Adding an existing member is a conflict (the v2 spec lists 409 for it). */
export function addMember(state: SimulatorState, groupId: string, accountId: string): RuleOutcome {
  const group = requireGroup(state, groupId);
  const user = requireDirectoryUser(state, accountId);
  assertMembershipsModifiable(group);
  if (state.isMember(groupId, accountId)) {
    throw new ModelError('alreadyAMember', `User ${accountId} is already a member of "${group.name}".`);
  }
  state.link(groupId, accountId);
  state.record({
    action: 'user_added_to_group',
    objects: [{ type: 'user', id: user.accountId, name: user.name }, { type: 'group', id: group.id, name: group.name }],
  });
  return 'done';
}

/** Removes a user from a group. Removing a non-member is 404 (user not found in the group). */
export function removeMember(state: SimulatorState, groupId: string, accountId: string): RuleOutcome {
  const group = requireGroup(state, groupId);
  const user = requireDirectoryUser(state, accountId);
  assertMembershipsModifiable(group);
  if (!state.isMember(groupId, accountId)) {
    throw new ModelError('notAMember', `User ${accountId} is not a member of "${group.name}".`);
  }
  state.unlink(groupId, accountId);
  state.record({
    action: 'user_removed_from_group',
    objects: [{ type: 'user', id: user.accountId, name: user.name }, { type: 'group', id: group.id, name: group.name }],
  });
  return 'done';
}
