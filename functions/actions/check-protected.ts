import * as z from 'zod';
import { emailAddressSchema } from '../lib/email-address.js';
import { protectionOf, protectionOfAddress, type ProtectionVerdict } from '../lib/config/protection.js';
import { DirectoryUserShape, LookupShape } from '../lib/workflow-logic/directory-shapes.js';
import { logicActionHandler, type LogicDeps } from '../lib/workflow-logic/logic-action.js';

/**
 * `{ user }` (a DirectoryUser) or `{ lookup, email? }` (findUser's output, which may be "not
 * found", and the email the request names: the joiner passes it so an invite of a listed address
 * is refused too).
 */
export const inputSchema = z.union(
  [
    z.strictObject({ user: DirectoryUserShape }),
    z.strictObject({ lookup: LookupShape, email: emailAddressSchema({ invalid: 'expected the requested email address', field: 'email' }).optional() }),
  ],
  { message: 'pass { user: <DirectoryUser> } or { lookup: <findUser output>, email?: <requested email> }' },
);
export type CheckProtectedInput = z.output<typeof inputSchema>;

/**
 * Whether the workflows must leave this account alone: org admins and the config's
 * `protectedAccounts`. A user that was not found is protected only when the requested email is
 * listed (otherwise the workflow reports "not found", or the joiner invites).
 */
export async function checkProtected(input: CheckProtectedInput, { config }: LogicDeps): Promise<ProtectionVerdict> {
  if ('user' in input) return protectionOf(config, input.user);
  if (input.lookup.found) return protectionOf(config, input.lookup.user);
  return input.email ? protectionOfAddress(config, input.email) : { protected: false };
}

export const handler = logicActionHandler('checkProtected', inputSchema, checkProtected);
