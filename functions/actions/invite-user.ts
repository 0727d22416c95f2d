import * as z from 'zod';
import { actionResult, type ActionResult } from '../lib/action-result.js';
import { EmailSchema, GroupIdSchema, RoleAssignmentSchema } from '../lib/action-support/inputs.js';
import { directoryActionHandler, type DirectoryDeps } from '../lib/action-support/directory-action.js';

export const inputSchema = z.strictObject({
  email: EmailSchema,
  name: z.string().trim().min(1, { message: 'name is empty: pass the display name or leave it out' }).max(255).optional(),
  groupIds: z.array(GroupIdSchema).max(100, { message: 'at most 100 groupIds per invite' }).optional(),
  roles: z.array(RoleAssignmentSchema).max(100, { message: 'at most 100 roles per invite' }).optional(),
  sendNotification: z.boolean().optional(),
});
export type InviteUserInput = z.output<typeof inputSchema>;

export type InviteUserResult = ActionResult & { accountId?: string };

const ACTION = 'inviteUser';

/**
 * Invites a user by email. An account that already has a directory membership (active or
 * suspended) is `already` and is NOT re-invited: a suspended rehire needs `restoreUser`, and its
 * groups and roles are granted by their own actions. A removed account is invited again.
 */
export async function inviteUser(input: InviteUserInput, { directory }: DirectoryDeps): Promise<InviteUserResult> {
  const existing = await directory.findUserByEmail(input.email);
  if (existing && existing.membershipStatus !== 'no_membership') {
    const state = existing.membershipStatus === 'suspended' ? 'suspended (restore it instead of inviting)' : 'active';
    return {
      ...actionResult(ACTION, input.email, 'already', `The user already has a directory account, ${state}; no invite sent.`),
      accountId: existing.accountId,
    };
  }
  const result = await directory.inviteUser({
    email: input.email,
    name: input.name,
    groupIds: input.groupIds,
    roles: input.roles,
    sendNotification: input.sendNotification,
  });
  const accountId = result.accountId ?? existing?.accountId;
  const detail =
    result.outcome === 'done'
      ? `Invited${existing ? ' again (the account had been removed)' : ''}; the user joins the directory on accepting.`
      : 'Atlassian reports the user was already invited or a member; no new invite sent.';
  return { ...actionResult(ACTION, input.email, result.outcome, detail), ...(accountId ? { accountId } : {}) };
}

export const handler = directoryActionHandler(ACTION, inputSchema, inviteUser);
