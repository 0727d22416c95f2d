import { z } from 'zod';
import { addMember, createGroup, deleteGroup, removeMember } from '../model/group-rules.js';
import { assignGroupRole, revokeGroupRole } from '../model/role-rules.js';
import type { SimulatorState } from '../model/simulator-state.js';
import { removeUser, restoreUser, suspendUser } from '../model/user-lifecycle.js';
import { decodeCursor, encodeCursor, pageOver } from '../http/pagination.js';
import { validateBody } from '../http/request-body.js';
import type { Route } from '../http/route.js';
import { json, noContent, withOverrides } from './respond.js';
import { v1PublicGroup } from './views.js';

const SITE_ROLE = z.enum(['atlassian/user', 'atlassian/admin', 'atlassian/guest', 'atlassian/customer', 'atlassian/contributor', 'atlassian/basic', 'atlassian/stakeholder']);
const GroupRoleInput = z.object({ roleAssociations: z.array(z.object({ resource: z.string().min(1), role: SITE_ROLE })).min(1) });

const GroupsSearchRequest = z.object({
  groupIds: z.array(z.string()).max(100).optional(),
  groupNames: z.object({ eq: z.array(z.string().max(100)).max(100).optional(), contains: z.string().optional() }).optional(),
  expand: z.array(z.enum(['USERS', 'META', 'ROLE_ASSIGNMENTS', 'MANAGEMENT_ACCESS'])).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
  cursor: z.string().optional(),
});

/**
 * v1 directory endpoints (deprecated by Atlassian, still what the seed collection calls).
 * Idempotency, as the spec implies: suspend/restore of a user already in that state is 200; adding
 * an existing member is 409 ADMIN-409-28; removing a non-member or an unknown/removed user is 404.
 */
export const v1DirectoryRoutes: Route<SimulatorState>[] = [
  accessRoute('suspend-access', suspendUser, 'was suspended', 'is already suspended'),
  accessRoute('restore-access', restoreUser, 'was restored', 'already has access'),
  {
    method: 'DELETE',
    pattern: '/v1/orgs/:orgId/directory/users/:accountId',
    openApiPath: '/v1/orgs/{orgId}/directory/users/{accountId}',
    handle(req, state) {
      removeUser(state, req.params.accountId);
      return noContent();
    },
  },
  {
    method: 'POST',
    pattern: '/v1/orgs/:orgId/directory/groups',
    openApiPath: '/v1/orgs/{orgId}/directory/groups',
    handle(req, state) {
      const { name } = validateBody(z.object({ name: z.string().min(1) }), req.body);
      // v1 lists no 409: a taken name is a 400 ("existing group names are not permitted").
      const group = withOverrides('application', { groupNameTaken: { status: 400, code: 'ADMIN-400-24', title: 'Invalid request body' } },
        () => createGroup(state, name));
      return json(200, { groupId: group.id, message: `Group ${group.name} was created` });
    },
  },
  {
    method: 'DELETE',
    pattern: '/v1/orgs/:orgId/directory/groups/:groupId',
    openApiPath: '/v1/orgs/{orgId}/directory/groups/{groupId}',
    handle(req, state) {
      const force = req.query.get('forceIfNotEmpty') === 'true';
      const name = state.getGroup(req.params.groupId)?.name;
      deleteGroup(state, req.params.groupId, { requireEmpty: !force });
      return json(200, { message: `Group ${name} was deleted` });
    },
  },
  {
    method: 'POST',
    pattern: '/v1/orgs/:orgId/directory/groups/:groupId/memberships',
    openApiPath: '/v1/orgs/{orgId}/directory/groups/{groupId}/memberships',
    handle(req, state) {
      const { account_id: accountId } = validateBody(z.object({ account_id: z.string().min(1) }), req.body);
      addMember(state, req.params.groupId, accountId);
      return json(200, { message: `User ${accountId} was added to group ${req.params.groupId}` });
    },
  },
  {
    method: 'DELETE',
    pattern: '/v1/orgs/:orgId/directory/groups/:groupId/memberships/:accountId',
    openApiPath: '/v1/orgs/{orgId}/directory/groups/{groupId}/memberships/{accountId}',
    handle(req, state) {
      removeMember(state, req.params.groupId, req.params.accountId);
      return json(200, { message: `User ${req.params.accountId} was removed from group ${req.params.groupId}` });
    },
  },
  ...(['assign', 'revoke'] as const).map((change): Route<SimulatorState> => ({
    method: 'POST',
    pattern: `/v1/orgs/:orgId/directory/groups/:groupId/roles/${change}`,
    openApiPath: `/v1/orgs/{orgId}/directory/groups/{groupId}/roles/${change}`,
    errorStyle: 'uam',
    handle(req, state) {
      const { roleAssociations } = validateBody(GroupRoleInput, req.body, 'uam');
      for (const association of roleAssociations) {
        const request = { resourceId: association.resource, role: association.role };
        if (change === 'assign') assignGroupRole(state, req.params.groupId, request);
        else revokeGroupRole(state, req.params.groupId, request);
      }
      return json(202, { message: `Roles were ${change === 'assign' ? 'added to' : 'removed from'} the group` });
    },
  })),
  {
    method: 'POST',
    pattern: '/v1/orgs/:orgId/groups/search',
    openApiPath: '/v1/orgs/{orgId}/groups/search',
    handle(req, state) {
      const filter = validateBody(GroupsSearchRequest, req.body);
      const start = decodeCursor('v1-groups-search', filter.cursor);
      const ids = filter.groupIds ? new Set(filter.groupIds) : undefined;
      const names = filter.groupNames?.eq?.map((name) => name.toLowerCase());
      const contains = filter.groupNames?.contains?.toLowerCase();
      const expand = new Set<string>(filter.expand ?? []);
      const page = pageOver(state.groupOrder, start, filter.limit ?? 100, (id) => {
        const group = state.getGroup(id);
        if (!group || (ids && !ids.has(id))) return undefined;
        const lower = group.name.toLowerCase();
        if ((names && !names.includes(lower)) || (contains && !lower.includes(contains))) return undefined;
        return v1PublicGroup(state, group, expand);
      });
      return json(200, {
        data: page.items,
        links: { ...(filter.cursor ? { self: filter.cursor } : {}), ...(page.next !== undefined ? { next: encodeCursor('v1-groups-search', page.next) } : {}) },
      });
    },
  },
];

/** `POST .../users/:accountId/<verb>`: suspend or restore; 200 either way, the message says which. */
function accessRoute(
  verb: 'suspend-access' | 'restore-access',
  change: (state: SimulatorState, accountId: string) => 'done' | 'already',
  done: string,
  already: string,
): Route<SimulatorState> {
  return {
    method: 'POST',
    pattern: `/v1/orgs/:orgId/directory/users/:accountId/${verb}`,
    openApiPath: `/v1/orgs/{orgId}/directory/users/{accountId}/${verb}`,
    handle(req, state) {
      const outcome = change(state, req.params.accountId);
      return json(200, { message: `User ${req.params.accountId} ${outcome === 'done' ? done : already}` });
    },
  };
}
