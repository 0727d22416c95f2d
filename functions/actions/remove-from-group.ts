import * as z from 'zod';
import { actionResult, type ActionResult } from '../lib/action-result.js';
import { AccountIdSchema, GroupRefFields, KnownGroupSchema, exactlyOneGroupRef } from '../lib/action-support/inputs.js';
import { describeGroupRef, findGroup } from '../lib/action-support/group-target.js';
import { groupMutationResult } from '../lib/action-support/group-refusal.js';
import { directoryActionHandler, type DirectoryDeps } from '../lib/action-support/directory-action.js';

export const inputSchema = z
  .strictObject({
    accountId: AccountIdSchema,
    ...GroupRefFields,
    /** From the workflow's snapshot: the user is a member of this group (by id), named and synced as given. */
    known: KnownGroupSchema.optional(),
  })
  .superRefine(exactlyOneGroupRef)
  .refine((value) => value.known === undefined || value.groupId !== undefined, {
    path: ['known'],
    message: 'known facts describe a group by id: pass groupId with known',
  });
export type RemoveFromGroupInput = z.output<typeof inputSchema>;

const ACTION = 'removeFromGroup';

/**
 * Removes the user from a group. Not a member, or the group does not exist -> `already`.
 * IdP-synced group (or Atlassian refusing with ADMIN-403-5) -> `skipped`: reported for the admin
 * to handle in the identity provider.
 */
export async function removeFromGroup(input: RemoveFromGroupInput, { directory }: DirectoryDeps): Promise<ActionResult> {
  if (input.known) return removeKnownMembership(input.accountId, input.groupId as string, input.known, directory);
  const group = await findGroup(directory, input);
  if (!group) {
    return actionResult(ACTION, `${input.accountId} -> ${describeGroupRef(input)}`, 'already', `The ${describeGroupRef(input)} does not exist, so the user is not a member.`);
  }
  const target = `${input.accountId} -> ${group.name}`;
  const groups = await directory.getUserGroups(input.accountId);
  if (!groups.some((g) => g.id === group.id)) {
    return actionResult(ACTION, target, 'already', `The user was not a member of "${group.name}".`);
  }
  if (group.synced) {
    return actionResult(ACTION, target, 'skipped', `The group "${group.name}" is synced from an identity provider; remove the user there.`);
  }
  return groupMutationResult(ACTION, target, () => directory.removeFromGroup(group.id, input.accountId), {
    done: `Removed from "${group.name}" (${group.id}).`,
    already: `The user was not a member of "${group.name}".`,
  });
}

/**
 * The snapshot said the user is a member: one DELETE, no reads. A 404 (not a member any more, or
 * the group is gone) is still an exact `already`; a synced group is `skipped` without a call.
 */
async function removeKnownMembership(
  accountId: string,
  groupId: string,
  known: { name: string; synced: boolean },
  directory: DirectoryDeps['directory'],
): Promise<ActionResult> {
  const target = `${accountId} -> ${known.name}`;
  if (known.synced) {
    return actionResult(ACTION, target, 'skipped', `The group "${known.name}" is synced from an identity provider; remove the user there.`);
  }
  return groupMutationResult(ACTION, target, () => directory.removeFromGroup(groupId, accountId), {
    done: `Removed from "${known.name}" (${groupId}).`,
    already: `The user was not a member of "${known.name}".`,
  });
}

export const handler = directoryActionHandler(ACTION, inputSchema, removeFromGroup);
