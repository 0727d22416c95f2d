import { z } from 'zod';
import { SIMULATOR_EMAIL_PATTERN } from '../model/email-address.js';
import { inviteUser, type InviteOutcome } from '../model/invite.js';
import { ModelError } from '../model/model-error.js';
import type { SimulatorState } from '../model/simulator-state.js';
import { decodeCursor, parseLimit } from '../http/pagination.js';
import { validateBody } from '../http/request-body.js';
import type { Route } from '../http/route.js';
import { json, queryList } from './respond.js';

const InviteRequest = z.object({
  emails: z.array(z.string().regex(SIMULATOR_EMAIL_PATTERN, { message: 'expected an email address' })).min(1).max(25),
  permissionRules: z.array(z.object({ resource: z.string().min(1), role: z.string().min(1) })).optional(),
  additionalGroups: z.array(z.string().min(1)).optional(),
  sendNotification: z.boolean().optional(),
  notificationText: z.string().optional(),
});

function inviteResult(email: string, outcome: InviteOutcome | undefined, failure: string | undefined, request: z.infer<typeof InviteRequest>) {
  const status = (ok: boolean) => (ok ? 'INVITED' : 'ERROR');
  return {
    email,
    ...(outcome ? { id: outcome.user.accountId } : {}),
    results: [{
      groupAssignmentResult: outcome
        ? outcome.groups.map((group) => ({ group: group.target, status: status(group.ok), statusReason: group.reason ?? null }))
        : (request.additionalGroups ?? []).map((group) => ({ group, status: 'ERROR', statusReason: failure ?? null })),
      roleAssignmentResult: outcome
        ? outcome.roles.map((role) => ({ resource: role.target, role: role.role!, status: status(role.ok), statusReason: role.reason ?? null }))
        : (request.permissionRules ?? []).map((rule) => ({ ...rule, status: 'ERROR', statusReason: failure ?? null })),
    }],
  };
}

/** `GET /v2/orgs/{orgId}/directories` and `POST /v2/orgs/{orgId}/users/invite`. */
export const v2DirectoryInviteRoutes: Route<SimulatorState>[] = [
  {
    method: 'GET', pattern: '/v2/orgs/:orgId/directories', openApiPath: '/v2/orgs/{orgId}/directories',
    handle(req, state) {
      decodeCursor('v2-directories', req.query.get('cursor'));
      parseLimit(req.query.get('limit'), 20, 100);
      const accountId = req.query.get('accountId');
      const term = req.query.get('searchTerm')?.toLowerCase();
      const ids = queryList(req.query, 'directoryIds');
      const inDirectory = (id: string) => { const status = state.getUser(id)?.membershipStatus; return status !== undefined && status !== 'no_membership'; };
      const visible = (!accountId || inDirectory(accountId))
        && (!term || state.directoryName.toLowerCase().includes(term)) && (!ids || ids.includes(state.directoryId));
      const data = visible ? [{ directoryId: state.directoryId, name: state.directoryName, icon: 'https://admin.atlassian.com/directory-icon.png' }] : [];
      return json(200, { data, links: {} });
    },
  },
  {
    method: 'POST', pattern: '/v2/orgs/:orgId/users/invite', openApiPath: '/v2/orgs/{orgId}/users/invite',
    errorStyle: 'uam',
    handle(req, state) {
      const body = validateBody(InviteRequest, req.body, 'uam');
      const data: ReturnType<typeof inviteResult>[] = [];
      let partial = false;
      for (const email of body.emails) {
        try {
          // Inviting someone already in the directory is a success (their groups/roles are still applied).
          const outcome = inviteUser(state, { email, groupIds: body.additionalGroups, roles: body.permissionRules });
          partial ||= outcome.groups.some((group) => !group.ok) || outcome.roles.some((role) => !role.ok);
          data.push(inviteResult(email, outcome, undefined, body));
        } catch (error) {
          // A whole-request failure (no subscription, or the first invite over the license) is an error status;
          // a later invite over the license makes the answer partial (206).
          if (!(error instanceof ModelError) || data.length === 0) throw error;
          partial = true;
          data.push(inviteResult(email, undefined, error.message, body));
        }
      }
      return json(partial ? 206 : 200, { data });
    },
  },
];
