import * as z from 'zod';
import { actionResult, type ActionResult } from '../lib/action-result.js';
import { AccountIdSchema } from '../lib/action-support/inputs.js';
import { mutationResult } from '../lib/action-support/mutation-result.js';
import { directoryActionHandler, type DirectoryDeps } from '../lib/action-support/directory-action.js';

export const inputSchema = z.strictObject({
  accountId: AccountIdSchema,
  /**
   * The leaver sets this after its grace period: a user who is active again (restored, rehired,
   * termination withdrawn) is not removed. Removal is permanent, so a stale request must not win.
   */
  onlyIfSuspended: z.boolean().optional(),
});
export type RemoveUserInput = z.output<typeof inputSchema>;

const ACTION = 'removeUser';

/** Why a leaver's removal did not happen; the run's summary repeats it. */
export const RESTORED_DURING_GRACE =
  'Restored during the grace period: removal cancelled. The account is active again (restored, rehired or the ' +
  'termination withdrawn); run a new leaver if the person is leaving after all.';

/**
 * Removes the user from the directory (permanent; only a new invite brings them back). A user
 * who does not exist or has no membership is already in the desired state -> `already`.
 */
export async function removeUser(input: RemoveUserInput, { directory }: DirectoryDeps): Promise<ActionResult> {
  const user = await directory.findUserByAccountId(input.accountId);
  if (!user) {
    return actionResult(ACTION, input.accountId, 'already', 'No such user in the directory: nothing to remove.');
  }
  if (user.membershipStatus === 'no_membership') {
    return actionResult(ACTION, input.accountId, 'already', 'The user was already removed from the directory.');
  }
  if (input.onlyIfSuspended && user.membershipStatus === 'active') {
    return actionResult(ACTION, input.accountId, 'skipped', RESTORED_DURING_GRACE);
  }
  return mutationResult(ACTION, input.accountId, await directory.removeUser(input.accountId), {
    done: 'Removed from the directory (Atlassian queues the removal; only a new invite brings the user back).',
    already: 'The user was already removed from the directory.',
  });
}

export const handler = directoryActionHandler(ACTION, inputSchema, removeUser);
