import * as z from 'zod';
import { actionResult, type ActionResult } from '../lib/action-result.js';
import { GroupRefFields, exactlyOneGroupRef } from '../lib/action-support/inputs.js';
import { describeGroupRef, findGroup } from '../lib/action-support/group-target.js';
import { unlessGroupRefused } from '../lib/action-support/group-refusal.js';
import { directoryActionHandler, type DirectoryDeps } from '../lib/action-support/directory-action.js';

export const inputSchema = z.strictObject(GroupRefFields).superRefine(exactlyOneGroupRef);
export type DeleteGroupInput = z.output<typeof inputSchema>;

const ACTION = 'deleteGroup';

/**
 * Deletes a group. Missing -> `already`. IdP-synced, or refused by Atlassian (ADMIN-403-5/6/7,
 * e.g. a default-access group) -> `skipped` with the reason.
 */
export async function deleteGroup(input: DeleteGroupInput, { directory }: DirectoryDeps): Promise<ActionResult> {
  const group = await findGroup(directory, input);
  if (!group) return actionResult(ACTION, describeGroupRef(input), 'already', `The ${describeGroupRef(input)} did not exist.`);
  if (group.synced) {
    return actionResult(ACTION, group.name, 'skipped', `The group "${group.name}" is synced from an identity provider; delete it there.`);
  }
  const attempt = await unlessGroupRefused(() => directory.deleteGroup(group.id));
  if ('refused' in attempt) return actionResult(ACTION, group.name, 'skipped', attempt.refused);
  const outcome = attempt.value;
  return actionResult(ACTION, group.name, outcome, outcome === 'done' ? `Group deleted (${group.id}).` : 'The group was already deleted.');
}

export const handler = directoryActionHandler(ACTION, inputSchema, deleteGroup);
