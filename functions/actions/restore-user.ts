import * as z from 'zod';
import { actionResult, type ActionResult } from '../lib/action-result.js';
import { AtlassianError, ErrorNames } from '../lib/errors.js';
import { AccountIdSchema } from '../lib/action-support/inputs.js';
import { requireUser } from '../lib/action-support/user-target.js';
import { mutationResult } from '../lib/action-support/mutation-result.js';
import { directoryActionHandler, type DirectoryDeps } from '../lib/action-support/directory-action.js';

export const inputSchema = z.strictObject({ accountId: AccountIdSchema });
export type RestoreUserInput = z.output<typeof inputSchema>;

const ACTION = 'restoreUser';

/**
 * Restores a suspended user, who regains the groups and roles kept while suspended. Already
 * active -> `already`. A removed user cannot be restored (only a new invite brings them back):
 * that is an `Atlassian.Conflict`, so a rehire flow invites instead.
 */
export async function restoreUser(input: RestoreUserInput, { directory }: DirectoryDeps): Promise<ActionResult> {
  const user = await requireUser(directory, input.accountId, ACTION);
  if (user.membershipStatus === 'active') {
    return actionResult(ACTION, input.accountId, 'already', 'The user was already active.');
  }
  if (user.membershipStatus === 'no_membership') {
    throw new AtlassianError(
      ErrorNames.Conflict,
      `The user ${input.accountId} was removed from the directory, and a removal cannot be undone by a restore. ` +
        'Invite the user again (inviteUser) to bring them back.',
      { operation: ACTION },
    );
  }
  return mutationResult(ACTION, input.accountId, await directory.restoreUser(input.accountId), {
    done: 'Restored: the user can log in again with the groups and roles kept while suspended.',
    already: 'The user was already active.',
  });
}

export const handler = directoryActionHandler(ACTION, inputSchema, restoreUser);
