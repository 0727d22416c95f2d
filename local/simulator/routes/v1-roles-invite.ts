import { z } from 'zod';
import { SIMULATOR_EMAIL_PATTERN } from '../model/email-address.js';
import { inviteUser } from '../model/invite.js';
import { assignUserRole, revokeUserRole } from '../model/role-rules.js';
import type { SimulatorState } from '../model/simulator-state.js';
import { validateBody } from '../http/request-body.js';
import type { Route } from '../http/route.js';
import { uamError } from '../http/wire-error.js';
import { json, noContent } from './respond.js';

const InviteRequest = z.object({
  email: z.string().regex(SIMULATOR_EMAIL_PATTERN, { message: 'expected an email address' }),
  permissionRule: z.object({ resource: z.string().min(1), role: z.string().min(1) }).optional(),
  sendNotification: z.boolean().optional(),
  notificationText: z.string().optional(),
});

const USER_ROLE = z.enum(['atlassian/user', 'atlassian/user-access-admin', 'atlassian/admin', 'atlassian/guest', 'atlassian/contributor',
  'atlassian/customer', 'atlassian/basic', 'atlassian/stakeholder', 'atlassian/site-admin', 'atlassian/org-admin']);

/**
 * v1 invite and user role endpoints (UAM error shape). Invite of someone already in the directory
 * is 409 ADMIN-UAM-409-2 ("Resource Conflicts"); role assign/revoke are idempotent (204 even when
 * nothing changed); the org can switch the role endpoints off (403/404, "contact support").
 */
export const v1RoleInviteRoutes: Route<SimulatorState>[] = [
  {
    method: 'POST',
    pattern: '/v1/orgs/:orgId/users/invite',
    openApiPath: '/v1/orgs/{orgId}/users/invite',
    errorStyle: 'uam',
    handle(req, state) {
      const body = validateBody(InviteRequest, req.body, 'uam');
      const outcome = inviteUser(state, { email: body.email, roles: body.permissionRule ? [body.permissionRule] : [] });
      if (outcome.status === 'existing') {
        throw uamError(409, 'ADMIN-UAM-409-2', 'Resource Conflicts', `${body.email} is already a member of the organization (account ${outcome.user.accountId}).`);
      }
      const failed = outcome.roles.find((role) => !role.ok);
      if (failed) throw uamError(400, 'ADMIN-UAM-400-3', 'Invalid Role for Resource', `${failed.role} on ${failed.target}: ${failed.reason}.`);
      return json(202, [outcome.user.accountId]);
    },
  },
  ...(['assign', 'revoke'] as const).flatMap((change): Route<SimulatorState>[] => [
    {
      method: 'POST',
      pattern: `/v1/orgs/:orgId/users/:userId/roles/${change}`,
      openApiPath: `/v1/orgs/{orgId}/users/{userId}/roles/${change}`,
      errorStyle: 'uam',
      handle(req, state) {
        const body = validateBody(z.object({ role: USER_ROLE, resource: z.string().min(1).optional() }), req.body, 'uam');
        const request = { role: body.role, resourceId: body.resource };
        if (change === 'assign') assignUserRole(state, req.params.userId, request);
        else revokeUserRole(state, req.params.userId, request);
        return noContent();
      },
    },
    {
      method: 'POST',
      pattern: `/v1/orgs/:orgId/users/:userId/role-assignments/${change}`,
      openApiPath: `/v1/orgs/{orgId}/users/{userId}/role-assignments/${change}`,
      errorStyle: 'uam',
      handle(req, state) {
        const body = validateBody(z.object({ role: z.literal('atlassian/org-admin') }), req.body, 'uam');
        if (change === 'assign') assignUserRole(state, req.params.userId, { role: body.role });
        else revokeUserRole(state, req.params.userId, { role: body.role });
        return noContent();
      },
    },
  ]),
];
