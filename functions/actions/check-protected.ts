import * as z from 'zod';
import { protectionOf, type ProtectionVerdict } from '../lib/config/protection.js';
import { DirectoryUserShape, LookupShape } from '../lib/workflow-logic/directory-shapes.js';
import { logicActionHandler, type LogicDeps } from '../lib/workflow-logic/logic-action.js';

/** `{ user }` (a DirectoryUser) or `{ lookup }` (findUser's output, which may be "not found"). */
export const inputSchema = z.union(
  [z.strictObject({ user: DirectoryUserShape }), z.strictObject({ lookup: LookupShape })],
  { message: 'pass { user: <DirectoryUser> } or { lookup: <findUser output> }' },
);
export type CheckProtectedInput = z.output<typeof inputSchema>;

/**
 * Whether the workflows must leave this account alone: org admins and the config's
 * `protectedAccounts`. A user that was not found is not protected (the workflow reports
 * "not found" instead).
 */
export async function checkProtected(input: CheckProtectedInput, { config }: LogicDeps): Promise<ProtectionVerdict> {
  const user = 'user' in input ? input.user : input.lookup.found ? input.lookup.user : undefined;
  return user ? protectionOf(config, user) : { protected: false };
}

export const handler = logicActionHandler('checkProtected', inputSchema, checkProtected);
