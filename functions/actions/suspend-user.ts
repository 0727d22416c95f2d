import * as z from 'zod';
import { actionResult, type ActionResult } from '../lib/action-result.js';
import { AccountIdSchema } from '../lib/action-support/inputs.js';
import { requireUser } from '../lib/action-support/user-target.js';
import { mutationResult } from '../lib/action-support/mutation-result.js';
import { directoryActionHandler, type DirectoryDeps } from '../lib/action-support/directory-action.js';

export const inputSchema = z.strictObject({
  accountId: AccountIdSchema,
  /** The membership the workflow's latest lookup saw: trusted, so no read before the suspend. */
  membershipStatus: z.enum(['active', 'suspended', 'no_membership']).optional(),
});
export type SuspendUserInput = z.output<typeof inputSchema>;

const ACTION = 'suspendUser';

/**
 * Suspends the user's access to the directory; groups and roles are kept for a restore.
 * Already suspended or already removed -> `already`. Unknown user -> `Atlassian.NotFound`.
 */
export async function suspendUser(input: SuspendUserInput, { directory }: DirectoryDeps): Promise<ActionResult> {
  const user = input.membershipStatus ? { membershipStatus: input.membershipStatus } : await requireUser(directory, input.accountId, ACTION);
  if (user.membershipStatus === 'suspended') {
    return actionResult(ACTION, input.accountId, 'already', 'The user was already suspended.');
  }
  if (user.membershipStatus === 'no_membership') {
    return actionResult(ACTION, input.accountId, 'already', 'The user has no directory membership (already removed), so has no access to suspend.');
  }
  return mutationResult(ACTION, input.accountId, await directory.suspendUser(input.accountId), {
    done: 'Suspended: the user can no longer log in; groups and roles are kept for a restore.',
    already: 'The user was already suspended.',
  });
}

export const handler = directoryActionHandler(ACTION, inputSchema, suspendUser);
