import * as z from 'zod';
import type { RoleAssignment } from '../lib/atlassian/directory.js';
import { AccountIdSchema } from '../lib/action-support/inputs.js';
import { requireUser } from '../lib/action-support/user-target.js';
import { directoryActionHandler, type DirectoryDeps } from '../lib/action-support/directory-action.js';

export const inputSchema = z.strictObject({
  accountId: AccountIdSchema,
  /** The workflow has just looked the user up: skip the existence read (an unknown user still fails, on the group read). */
  userKnown: z.boolean().optional(),
});
export type GetUserAccessInput = z.output<typeof inputSchema>;

export interface GroupAccess {
  id: string;
  name: string;
  /** Owned by an identity provider (SCIM). */
  synced: boolean;
  /** Whether the API may change this membership (false for IdP-synced groups). */
  modifiable: boolean;
}

/** The snapshot a leaver keeps for audit and rehire: every group and direct role of the user. */
export interface UserAccess {
  accountId: string;
  groups: GroupAccess[];
  roles: RoleAssignment[];
}

/**
 * Reads the user's groups and role assignments. The user is looked up first so an unknown
 * account is a clear `Atlassian.NotFound`, not an empty snapshot that looks like "no access".
 */
export async function getUserAccess(input: GetUserAccessInput, { directory }: DirectoryDeps): Promise<UserAccess> {
  if (!input.userKnown) await requireUser(directory, input.accountId, 'getUserAccess');
  const [groups, roles] = await Promise.all([
    directory.getUserGroups(input.accountId),
    directory.getUserRoleAssignments(input.accountId),
  ]);
  return {
    accountId: input.accountId,
    groups: groups
      .map((group) => ({ id: group.id, name: group.name, synced: group.synced, modifiable: !group.synced }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    roles: [...roles].sort((a, b) => a.resourceId.localeCompare(b.resourceId) || a.role.localeCompare(b.role)),
  };
}

export const handler = directoryActionHandler('getUserAccess', inputSchema, getUserAccess);
