import * as z from 'zod';
import { actionResult, type ActionResult } from '../lib/action-result.js';
import { AccountIdSchema, RoleAssignmentFields } from '../lib/action-support/inputs.js';
import { hasRole } from '../lib/action-support/role-assignments.js';
import { mutationResult } from '../lib/action-support/mutation-result.js';
import { directoryActionHandler, type DirectoryDeps } from '../lib/action-support/directory-action.js';

export const inputSchema = z.strictObject({ accountId: AccountIdSchema, ...RoleAssignmentFields });
export type RevokeRoleInput = z.output<typeof inputSchema>;

const ACTION = 'revokeRole';

/**
 * Revokes a role the user holds directly. Not held -> `already`. Roles inherited through a group
 * are not touched here: remove the group membership (or revoke the group's role) instead.
 */
export async function revokeRole(input: RevokeRoleInput, { directory }: DirectoryDeps): Promise<ActionResult> {
  const assignment = { resourceId: input.resourceId, role: input.role };
  const target = `${input.accountId} -> ${input.role} on ${input.resourceId}`;
  if (!hasRole(await directory.getUserRoleAssignments(input.accountId), assignment)) {
    return actionResult(ACTION, target, 'already', 'The user did not hold this role directly.');
  }
  return mutationResult(ACTION, target, await directory.revokeUserRole(input.accountId, assignment), {
    done: 'Role revoked.',
    already: 'The user did not hold this role directly.',
  });
}

export const handler = directoryActionHandler(ACTION, inputSchema, revokeRole);
