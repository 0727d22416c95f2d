import * as z from 'zod';
import { actionResult, type ActionResult } from '../lib/action-result.js';
import { GroupNameSchema } from '../lib/action-support/inputs.js';
import { directoryActionHandler, type DirectoryDeps } from '../lib/action-support/directory-action.js';

export const inputSchema = z.strictObject({
  name: GroupNameSchema,
  description: z.string().trim().max(1000, { message: 'description is longer than 1000 characters' }).optional(),
});
export type CreateGroupInput = z.output<typeof inputSchema>;

export type CreateGroupResult = ActionResult & { groupId: string };

const ACTION = 'createGroup';

/** Creates a group. A group with that name already exists -> `already`, with its id. */
export async function createGroup(input: CreateGroupInput, { directory }: DirectoryDeps): Promise<CreateGroupResult> {
  const existing = await directory.findGroupByName(input.name);
  if (existing) {
    return { ...actionResult(ACTION, input.name, 'already', `The group already existed (${existing.id}).`), groupId: existing.id };
  }
  const created = await directory.createGroup(input.name, input.description);
  return { ...actionResult(ACTION, input.name, 'done', `Group created (${created.id}).`), groupId: created.id };
}

export const handler = directoryActionHandler(ACTION, inputSchema, createGroup);
