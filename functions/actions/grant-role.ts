import * as z from 'zod';
import { actionResult, type ActionResult } from '../lib/action-result.js';
import { AccountIdSchema, RoleAssignmentFields } from '../lib/action-support/inputs.js';
import { hasRole } from '../lib/action-support/role-assignments.js';
import { mutationResult } from '../lib/action-support/mutation-result.js';
import { directoryActionHandler, type DirectoryDeps } from '../lib/action-support/directory-action.js';

export const inputSchema = z.strictObject({ accountId: AccountIdSchema, ...RoleAssignmentFields });
export type GrantRoleInput = z.output<typeof inputSchema>;

const ACTION = 'grantRole';

/** Grants the user a role on a resource. Already held directly -> `already`. */
export async function grantRole(input: GrantRoleInput, { directory }: DirectoryDeps): Promise<ActionResult> {
  const assignment = { resourceId: input.resourceId, role: input.role };
  const target = `${input.accountId} -> ${input.role} on ${input.resourceId}`;
  if (hasRole(await directory.getUserRoleAssignments(input.accountId), assignment)) {
    return actionResult(ACTION, target, 'already', 'The user already held this role.');
  }
  return mutationResult(ACTION, target, await directory.grantUserRole(input.accountId, assignment), {
    done: 'Role granted.',
    already: 'The user already held this role.',
  });
}

export const handler = directoryActionHandler(ACTION, inputSchema, grantRole);
