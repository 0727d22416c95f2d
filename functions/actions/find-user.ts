import * as z from 'zod';
import type { DirectoryUser } from '../lib/atlassian/directory.js';
import { AccountIdSchema, EmailSchema } from '../lib/action-support/inputs.js';
import { directoryActionHandler, type DirectoryDeps } from '../lib/action-support/directory-action.js';

/** `{ accountId }` or `{ email }`: exactly one. */
export const inputSchema = z
  .strictObject({ accountId: AccountIdSchema.optional(), email: EmailSchema.optional() })
  .superRefine((value, ctx) => {
    if ((value.accountId === undefined) === (value.email === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['accountId'],
        message: 'pass exactly one of accountId or email to say which user to look up',
      });
    }
  });
export type FindUserInput = z.output<typeof inputSchema>;

/** Status, membership, management source, department, job title and platform roles, or not found. */
export type FindUserResult = { found: false } | { found: true; user: DirectoryUser };

/** Looks a user up by account id or email. A missing user is an answer (`found: false`), not an error. */
export async function findUser(input: FindUserInput, { directory }: DirectoryDeps): Promise<FindUserResult> {
  const user =
    input.accountId !== undefined
      ? await directory.findUserByAccountId(input.accountId)
      : await directory.findUserByEmail(input.email as string);
  return user ? { found: true, user } : { found: false };
}

export const handler = directoryActionHandler('findUser', inputSchema, findUser);
