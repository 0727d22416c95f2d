import * as z from 'zod';
import { actionResult, type ActionResult } from '../lib/action-result.js';
import { GroupRefFields, RoleAssignmentFields, exactlyOneGroupRef } from '../lib/action-support/inputs.js';
import { describeGroupRef, findGroup } from '../lib/action-support/group-target.js';
import { hasRole } from '../lib/action-support/role-assignments.js';
import { directoryActionHandler, type DirectoryDeps } from '../lib/action-support/directory-action.js';

export const inputSchema = z.strictObject({ ...GroupRefFields, ...RoleAssignmentFields }).superRefine(exactlyOneGroupRef);
export type RevokeGroupRoleInput = z.output<typeof inputSchema>;

const ACTION = 'revokeGroupRole';

/** Takes a role on a resource away from a group. Missing group or role not held -> `already`. */
export async function revokeGroupRole(input: RevokeGroupRoleInput, { directory }: DirectoryDeps): Promise<ActionResult> {
  const group = await findGroup(directory, input);
  const role = `${input.role} on ${input.resourceId}`;
  if (!group) {
    return actionResult(ACTION, `${describeGroupRef(input)} -> ${role}`, 'already', `The ${describeGroupRef(input)} does not exist, so holds no role.`);
  }
  const assignment = { resourceId: input.resourceId, role: input.role };
  const target = `${group.name} -> ${role}`;
  if (!hasRole(await directory.getGroupRoleAssignments(group.id), assignment)) {
    return actionResult(ACTION, target, 'already', 'The group did not have this role.');
  }
  const outcome = await directory.revokeGroupRole(group.id, assignment);
  return actionResult(ACTION, target, outcome, outcome === 'done' ? 'Role revoked from the group.' : 'The group did not have this role.');
}

export const handler = directoryActionHandler(ACTION, inputSchema, revokeGroupRole);
