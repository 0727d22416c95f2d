import { z } from 'zod';
import { addMember, createGroup, deleteGroup, removeMember, requireGroup } from '../model/group-rules.js';
import { assignGroupRole, revokeGroupRole } from '../model/role-rules.js';
import type { SimulatorState } from '../model/simulator-state.js';
import type { SimGroup } from '../model/types.js';
import { decodeCursor, encodeCursor, pageOver, parseLimit } from '../http/pagination.js';
import { validateBody } from '../http/request-body.js';
import type { Route } from '../http/route.js';
import { json, noContent, queryList } from './respond.js';
import { v2Group } from './views.js';

const BASE = '/v2/orgs/:orgId/directories/:directoryId/groups';
const SPEC = '/v2/orgs/{orgId}/directories/{directoryId}/groups';

interface GroupFilter {
  accountIds?: string[];
  groupIds?: string[];
  groupNames?: string[];
  searchTerm?: string;
  roleIds?: string[];
  resourceIds?: string[];
  directoryIds?: string[];
  sortBy?: Array<{ field: 'name'; direction: 'asc' | 'desc' }>;
}

const SearchRequest = z.object({
  accountIds: z.array(z.string()).min(1).max(10).optional(),
  directoryIds: z.array(z.string()).min(1).max(10).optional(),
  groupIds: z.array(z.string()).min(1).max(10).optional(),
  groupNames: z.array(z.string()).min(1).max(100).optional(),
  resourceIds: z.array(z.string()).min(1).max(20).optional(),
  resourceOwners: z.array(z.string()).min(1).max(10).optional(),
  roleIds: z.array(z.string()).min(1).max(10).optional(),
  searchTerm: z.string().optional(),
  expand: z.array(z.enum(['counts.resources', 'counts.users'])).min(1).max(2).optional(),
  sortBy: z.array(z.object({ field: z.literal('name'), direction: z.enum(['asc', 'desc']) })).min(1).max(1).optional(),
  limit: z.number().int().min(1).max(100).optional(),
  cursor: z.string().optional(),
});

const RoleRequest = z.object({ resourceId: z.string().min(1), roleId: z.string().min(1) });

function filterFromQuery(query: URLSearchParams): GroupFilter {
  const sort = query.get('sortBy')?.split(/[:,]/);
  return {
    accountIds: queryList(query, 'accountIds'),
    groupIds: queryList(query, 'groupIds'),
    searchTerm: query.get('searchTerm') ?? undefined,
    roleIds: queryList(query, 'roleIds'),
    resourceIds: queryList(query, 'resourceIds'),
    directoryIds: queryList(query, 'directoryIds'),
    sortBy: sort ? [{ field: 'name', direction: sort[1] === 'desc' ? 'desc' : 'asc' }] : undefined,
  };
}

function groupPredicate(state: SimulatorState, filter: GroupFilter): (group: SimGroup) => boolean {
  const names = filter.groupNames?.map((name) => name.toLowerCase());
  const term = filter.searchTerm?.toLowerCase();
  const outside = filter.directoryIds !== undefined && !filter.directoryIds.includes(state.directoryId);
  return (group) => {
    if (outside) return false;
    if (filter.groupIds && !filter.groupIds.includes(group.id)) return false;
    if (names && !names.includes(group.name.toLowerCase())) return false;
    if (term && !group.name.toLowerCase().includes(term)) return false;
    if (filter.accountIds && !filter.accountIds.some((accountId) => state.isMember(group.id, accountId))) return false;
    if (filter.roleIds || filter.resourceIds) {
      return [...state.rolesOf('group', group.id)].some(([resourceId, roles]) =>
        (!filter.resourceIds || filter.resourceIds.includes(resourceId)) && (!filter.roleIds || filter.roleIds.some((role) => roles.has(role))));
    }
    return true;
  };
}

function groupPage(state: SimulatorState, filter: GroupFilter, cursor: string | undefined | null, limit: number, counts: { users: boolean; resources: boolean }) {
  const sort = filter.sortBy?.[0];
  const kind = sort ? `v2-groups:name:${sort.direction}` : 'v2-groups';
  const order = sort
    ? [...state.groups.values()].sort((a, b) => (sort.direction === 'desc' ? -1 : 1) * a.name.localeCompare(b.name)).map((group) => group.id)
    : state.groupOrder;
  const start = decodeCursor(kind, cursor);
  const matches = groupPredicate(state, filter);
  const page = pageOver(order, start, limit, (id) => {
    const group = state.getGroup(id);
    return group && matches(group) ? v2Group(state, group, counts) : undefined;
  });
  return { data: page.items, links: { ...(cursor ? { self: cursor } : {}), ...(page.next !== undefined ? { next: encodeCursor(kind, page.next) } : {}) } };
}

/**
 * v2 group endpoints. Adding an existing member is 409; removing a non-member is 404; synced
 * groups' memberships and admin/default-access groups are 403. v2 delete has no "not empty" guard.
 */
export const v2GroupRoutes: Route<SimulatorState>[] = [
  {
    method: 'GET', pattern: BASE, openApiPath: SPEC,
    handle: (req, state) => json(200, groupPage(state, filterFromQuery(req.query), req.query.get('cursor'),
      parseLimit(req.query.get('limit'), 20, 100), { users: true, resources: true })),
  },
  {
    method: 'GET', pattern: `${BASE}/count`, openApiPath: `${SPEC}/count`,
    handle(req, state) {
      const matches = groupPredicate(state, filterFromQuery(req.query));
      let count = 0;
      for (const group of state.groups.values()) if (matches(group)) count++;
      return json(200, { count });
    },
  },
  {
    method: 'GET', pattern: `${BASE}/stats`, openApiPath: `${SPEC}/stats`,
    handle(_req, state) {
      const all = state.groups.size;
      const synced = [...state.groups.values()].filter((group) => group.synced).length;
      return json(200, { totals: { all, managed: all - synced, synced }, types: [{ type: 'GROUP', count: all }] });
    },
  },
  {
    method: 'POST', pattern: `${BASE}/search`, openApiPath: `${SPEC}/search`,
    handle(req, state) {
      const body = validateBody(SearchRequest, req.body);
      const expand = new Set(body.expand ?? []);
      return json(200, groupPage(state, body, body.cursor, body.limit ?? 20, { users: expand.has('counts.users'), resources: expand.has('counts.resources') }));
    },
  },
  {
    method: 'POST', pattern: BASE, openApiPath: SPEC,
    handle(req, state) {
      const body = validateBody(z.object({ name: z.string().min(1), description: z.string().optional() }), req.body);
      const group = createGroup(state, body.name, body.description);
      // The spec documents no 201 body; the new group is returned so callers learn its id.
      return json(201, v2Group(state, group, { users: false, resources: false }));
    },
  },
  {
    method: 'GET', pattern: `${BASE}/:groupId`, openApiPath: `${SPEC}/{groupId}`,
    handle: (req, state) => json(200, { data: v2Group(state, requireGroup(state, req.params.groupId), { users: true, resources: true }) }),
  },
  {
    method: 'DELETE', pattern: `${BASE}/:groupId`, openApiPath: `${SPEC}/{groupId}`,
    handle(req, state) {
      deleteGroup(state, req.params.groupId, { requireEmpty: false });
      return noContent();
    },
  },
  {
    method: 'POST', pattern: `${BASE}/:groupId/memberships`, openApiPath: `${SPEC}/{groupId}/memberships`,
    handle(req, state) {
      const { accountId } = validateBody(z.object({ accountId: z.string().min(1) }), req.body);
      addMember(state, req.params.groupId, accountId);
      return noContent();
    },
  },
  {
    method: 'DELETE', pattern: `${BASE}/:groupId/memberships/:accountId`, openApiPath: `${SPEC}/{groupId}/memberships/{accountId}`,
    handle(req, state) {
      removeMember(state, req.params.groupId, req.params.accountId);
      return noContent();
    },
  },
  {
    method: 'GET', pattern: `${BASE}/:groupId/role-assignments`, openApiPath: `${SPEC}/{groupId}/role-assignments`,
    handle(req, state) {
      requireGroup(state, req.params.groupId);
      const all = [...state.rolesOf('group', req.params.groupId)].map(([resourceId, roles]) => ({
        resourceId, resourceOwner: state.findSiteByResourceId(resourceId)?.productKey ?? 'platform', roles: [...roles], defaultRole: null,
      }));
      const kind = `v2-group-roles:${req.params.groupId}`;
      const start = decodeCursor(kind, req.query.get('cursor'));
      const limit = parseLimit(req.query.get('limit'), 20, 100);
      const next = start + limit < all.length ? encodeCursor(kind, start + limit) : undefined;
      return json(200, { data: all.slice(start, start + limit), links: next ? { next } : {} });
    },
  },
  {
    method: 'POST', pattern: `${BASE}/:groupId/role-assignments/assign`, openApiPath: `${SPEC}/{groupId}/role-assignments/assign`,
    handle(req, state) {
      const body = validateBody(RoleRequest, req.body);
      assignGroupRole(state, req.params.groupId, { resourceId: body.resourceId, role: body.roleId });
      // Documented as 200 with no body.
      return noContent(200);
    },
  },
  {
    method: 'POST', pattern: `${BASE}/:groupId/role-assignments/revoke`, openApiPath: `${SPEC}/{groupId}/role-assignments/revoke`,
    handle(req, state) {
      const body = validateBody(RoleRequest, req.body);
      revokeGroupRole(state, req.params.groupId, { resourceId: body.resourceId, role: body.roleId });
      return noContent();
    },
  },
];
