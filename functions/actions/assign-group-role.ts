import * as z from 'zod';
import { actionResult, type ActionResult } from '../lib/action-result.js';
import { GroupRefFields, RoleAssignmentFields, exactlyOneGroupRef } from '../lib/action-support/inputs.js';
import { requireGroup } from '../lib/action-support/group-target.js';
import { hasRole } from '../lib/action-support/role-assignments.js';
import { mutationResult } from '../lib/action-support/mutation-result.js';
import { directoryActionHandler, type DirectoryDeps } from '../lib/action-support/directory-action.js';

export const inputSchema = z.strictObject({ ...GroupRefFields, ...RoleAssignmentFields }).superRefine(exactlyOneGroupRef);
export type AssignGroupRoleInput = z.output<typeof inputSchema>;

const ACTION = 'assignGroupRole';

/**
 * Gives a group a role on a resource (every member gets it). Already assigned -> `already`.
 * Synced groups are fine here: the IdP owns the members, admins own the group's access.
 */
export async function assignGroupRole(input: AssignGroupRoleInput, { directory }: DirectoryDeps): Promise<ActionResult> {
  const group = await requireGroup(directory, input, ACTION);
  const assignment = { resourceId: input.resourceId, role: input.role };
  const target = `${group.name} -> ${input.role} on ${input.resourceId}`;
  if (hasRole(await directory.getGroupRoleAssignments(group.id), assignment)) {
    return actionResult(ACTION, target, 'already', 'The group already had this role.');
  }
  return mutationResult(ACTION, target, await directory.assignGroupRole(group.id, assignment), {
    done: 'Role assigned to the group.',
    already: 'The group already had this role.',
  });
}

export const handler = directoryActionHandler(ACTION, inputSchema, assignGroupRole);
