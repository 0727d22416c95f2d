import * as z from 'zod';
import { actionResult, type ActionResult } from '../lib/action-result.js';
import { AccountIdSchema, GroupRefFields, exactlyOneGroupRef } from '../lib/action-support/inputs.js';
import { requireGroup } from '../lib/action-support/group-target.js';
import { groupMutationResult } from '../lib/action-support/group-refusal.js';
import { directoryActionHandler, type DirectoryDeps } from '../lib/action-support/directory-action.js';

export const inputSchema = z
  .strictObject({
    accountId: AccountIdSchema,
    ...GroupRefFields,
    /**
     * The workflow's snapshot showed the user outside this group: skip the membership read. A repeat
     * add still reports `already` (the API answers 409).
     */
    knownNotMember: z.boolean().optional(),
  })
  .superRefine(exactlyOneGroupRef);
export type AddToGroupInput = z.output<typeof inputSchema>;

const ACTION = 'addToGroup';

/**
 * Adds the user to a group named by id or name. IdP-synced group, or Atlassian refusing to let us
 * manage it (ADMIN-403-5, how v1 reveals a synced group) -> `skipped` with the reason. Already a member -> `already`. Missing group -> `Atlassian.NotFound`.
 */
export async function addToGroup(input: AddToGroupInput, { directory }: DirectoryDeps): Promise<ActionResult> {
  const group = await requireGroup(directory, input, ACTION);
  const target = `${input.accountId} -> ${group.name}`;
  if (group.synced) {
    return actionResult(ACTION, target, 'skipped', `The group "${group.name}" is synced from an identity provider; add the user there instead.`);
  }
  // The pre-check gives an exact `already` even where the API answers a repeat add with a silent 2xx.
  if (!input.knownNotMember) {
    const groups = await directory.getUserGroups(input.accountId);
    if (groups.some((g) => g.id === group.id)) {
      return actionResult(ACTION, target, 'already', `The user was already a member of "${group.name}".`);
    }
  }
  return groupMutationResult(ACTION, target, () => directory.addToGroup(group.id, input.accountId), {
    done: `Added to "${group.name}" (${group.id}).`,
    already: `The user was already a member of "${group.name}".`,
  });
}

export const handler = directoryActionHandler(ACTION, inputSchema, addToGroup);
