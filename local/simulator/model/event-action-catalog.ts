/**
 * Display names for the audit event actions the simulator records, as `GET /v1/orgs/{orgId}/event-actions`
 * lists them. Actions recorded but missing here are still listed, with a name derived from the key.
 */
export interface EventActionInfo {
  id: string;
  displayName: string;
  groupDisplayName: string;
}

const CATALOG: ReadonlyArray<EventActionInfo> = [
  { id: 'user_invited', displayName: 'Invited user', groupDisplayName: 'User management' },
  { id: 'user_suspended_from_org', displayName: 'Suspended user access', groupDisplayName: 'User management' },
  { id: 'user_restored_to_org', displayName: 'Restored user access', groupDisplayName: 'User management' },
  { id: 'user_removed_from_directory', displayName: 'Removed user from directory', groupDisplayName: 'User management' },
  { id: 'user_product_access_granted', displayName: 'Granted product access', groupDisplayName: 'User management' },
  { id: 'user_role_assigned', displayName: 'Assigned role to user', groupDisplayName: 'User management' },
  { id: 'user_role_revoked', displayName: 'Revoked role from user', groupDisplayName: 'User management' },
  { id: 'group_created', displayName: 'Created group', groupDisplayName: 'Group management' },
  { id: 'group_deleted', displayName: 'Deleted group', groupDisplayName: 'Group management' },
  { id: 'user_added_to_group', displayName: 'Added user to group', groupDisplayName: 'Group management' },
  { id: 'user_removed_from_group', displayName: 'Removed user from group', groupDisplayName: 'Group management' },
  { id: 'group_role_assigned', displayName: 'Assigned role to group', groupDisplayName: 'Group management' },
  { id: 'group_role_revoked', displayName: 'Revoked role from group', groupDisplayName: 'Group management' },
  { id: 'policy_created', displayName: 'Created policy', groupDisplayName: 'Policies' },
  { id: 'policy_updated', displayName: 'Updated policy', groupDisplayName: 'Policies' },
  { id: 'policy_deleted', displayName: 'Deleted policy', groupDisplayName: 'Policies' },
  { id: 'policy_resource_added', displayName: 'Added resource to policy', groupDisplayName: 'Policies' },
  { id: 'policy_resource_updated', displayName: 'Updated policy resource', groupDisplayName: 'Policies' },
  { id: 'policy_resource_removed', displayName: 'Removed resource from policy', groupDisplayName: 'Policies' },
  { id: 'user_logged_in', displayName: 'Logged in', groupDisplayName: 'Authentication' },
];

const BY_ID = new Map(CATALOG.map((info) => [info.id, info]));

/** The catalogue entry for `action`, or one derived from the key (`user_did_thing` -> `User did thing`). */
export function describeEventAction(action: string): EventActionInfo {
  const known = BY_ID.get(action);
  if (known) return known;
  const words = action.replace(/[_-]+/g, ' ').trim();
  return { id: action, displayName: words.charAt(0).toUpperCase() + words.slice(1), groupDisplayName: 'Other' };
}

/** Every catalogued action plus any extra ones, sorted by group then name. */
export function listEventActions(extraActions: Iterable<string>): EventActionInfo[] {
  const all = new Map(BY_ID);
  for (const action of extraActions) if (!all.has(action)) all.set(action, describeEventAction(action));
  return [...all.values()].sort(
    (a, b) => a.groupDisplayName.localeCompare(b.groupDisplayName) || a.displayName.localeCompare(b.displayName),
  );
}
