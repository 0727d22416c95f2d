import * as z from 'zod';
import type { UserPage } from '../lib/atlassian/directory.js';
import { directoryActionHandler, type DirectoryDeps } from '../lib/action-support/directory-action.js';

export const inputSchema = z.strictObject({
  cursor: z.string().min(1, { message: 'cursor is empty: leave it out to start at the first page' }).max(4096).optional(),
  limit: z
    .int({ message: 'limit must be a whole number of users per page' })
    .min(1, { message: 'limit must be at least 1' })
    .max(100, { message: 'limit must be at most 100 (Atlassian caps a page at 100 users)' })
    .optional(),
});
export type ListUsersInput = z.output<typeof inputSchema>;

/** One page of directory users; pass `nextCursor` back as `cursor` for the next page. */
export async function listUsers(input: ListUsersInput, { directory }: DirectoryDeps): Promise<UserPage> {
  return directory.listUsers({ cursor: input.cursor, limit: input.limit });
}

export const handler = directoryActionHandler('listUsers', inputSchema, listUsers);
