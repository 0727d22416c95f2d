import { z } from 'zod';
import type { SimulatorState } from '../model/simulator-state.js';
import { removeUser, restoreUser, suspendUser } from '../model/user-lifecycle.js';
import { decodeCursor, encodeCursor, pageOver, parseLimit } from '../http/pagination.js';
import { badRequest, validateBody } from '../http/request-body.js';
import type { Route } from '../http/route.js';
import { applicationError } from '../http/wire-error.js';
import { json, noContent } from './respond.js';
import { orderedUserIds, userCursorKind, userFilterFromQuery, UserFilterSchema, userPredicate, type UserFilter } from './v2-user-filter.js';
import { v2User, v2UserDetails } from './views.js';

const BASE = '/v2/orgs/:orgId/directories/:directoryId/users';
const SPEC = '/v2/orgs/{orgId}/directories/{directoryId}/users';

const SearchRequest = UserFilterSchema.extend({
  expand: z.array(z.enum(['platformRoles', 'counts.resources', 'productAccess', 'groups'])).optional(),
  limit: z.number().int().min(1).max(200).optional(),
  cursor: z.string().optional(),
});

function filterFromQuery(query: URLSearchParams): UserFilter {
  const parsed = UserFilterSchema.safeParse(userFilterFromQuery(query));
  if (!parsed.success) {
    throw badRequest('application', `Fix the query: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}.`);
  }
  return parsed.data;
}

/** A page of users: token cursor in `links.next`, as every v2 list does. */
function userPage(state: SimulatorState, filter: UserFilter, cursor: string | undefined | null, limit: number, expand: ReadonlySet<string> | 'all') {
  const kind = userCursorKind('v2-users', filter);
  const start = decodeCursor(kind, cursor);
  const matches = userPredicate(state, filter);
  const page = pageOver(orderedUserIds(state, filter), start, limit, (id) => {
    const user = state.getUser(id)!;
    return matches(user) ? v2User(state, user, expand) : undefined;
  });
  return { data: page.items, links: { ...(cursor ? { self: cursor } : {}), ...(page.next !== undefined ? { next: encodeCursor(kind, page.next) } : {}) } };
}

function requireUser(state: SimulatorState, accountId: string) {
  const user = state.getUser(accountId);
  if (!user) throw applicationError(404, 'ADMIN-404-8', 'User not found', `No user with account id ${accountId}.`);
  return user;
}

/** The user's roles per resource, with how each is held (direct, via a group, platform role). */
function roleAssignmentsOf(state: SimulatorState, accountId: string) {
  const user = requireUser(state, accountId);
  const byResource = new Map<string, Map<string, Set<'direct' | 'group_direct'>>>();
  const add = (resourceId: string, role: string, method: 'direct' | 'group_direct') => {
    let roles = byResource.get(resourceId);
    if (!roles) byResource.set(resourceId, (roles = new Map()));
    let methods = roles.get(role);
    if (!methods) roles.set(role, (methods = new Set()));
    methods.add(method);
  };
  for (const role of user.platformRoles) add(state.orgResourceId, role, 'direct');
  for (const [resourceId, roles] of state.rolesOf('user', accountId)) for (const role of roles) add(resourceId, role, 'direct');
  for (const groupId of state.groupsOf(accountId)) {
    for (const [resourceId, roles] of state.rolesOf('group', groupId)) for (const role of roles) add(resourceId, role, 'group_direct');
  }
  return [...byResource].map(([resourceId, roles]) => ({
    resourceId,
    resourceOwner: state.findSiteByResourceId(resourceId)?.productKey ?? 'platform',
    directoryId: state.directoryId,
    roleAssignments: [...roles].map(([role, methods]) => ({ role, roleAssignmentMethods: [...methods] })),
    roles: [...roles.keys()],
    userDirectoryStatus: user.membershipStatus,
  }));
}

/** v2 user endpoints. Suspend/restore are idempotent (204 when already so); removing a removed user is 404. */
export const v2UserRoutes: Route<SimulatorState>[] = [
  {
    method: 'GET', pattern: BASE, openApiPath: SPEC,
    handle: (req, state) => json(200, userPage(state, filterFromQuery(req.query), req.query.get('cursor'), parseLimit(req.query.get('limit'), 20, 100), 'all')),
  },
  {
    method: 'GET', pattern: `${BASE}/count`, openApiPath: `${SPEC}/count`,
    handle(req, state) {
      const matches = userPredicate(state, filterFromQuery(req.query));
      let count = 0;
      for (const user of state.users.values()) if (matches(user)) count++;
      return json(200, { count });
    },
  },
  {
    method: 'GET', pattern: `${BASE}/stats`, openApiPath: `${SPEC}/stats`,
    handle(_req, state) {
      const statuses = new Map<string, number>();
      const roles = new Map<string, number>();
      for (const user of state.users.values()) {
        if (user.membershipStatus === 'no_membership') continue;
        statuses.set(user.accountStatus, (statuses.get(user.accountStatus) ?? 0) + 1);
        for (const role of user.platformRoles) roles.set(role, (roles.get(role) ?? 0) + 1);
      }
      return json(200, {
        accountStatus: [...statuses].map(([status, count]) => ({ status, count })),
        roles: [...roles].map(([roleId, count]) => ({ roleId, count })),
      });
    },
  },
  {
    method: 'POST', pattern: `${BASE}/search`, openApiPath: `${SPEC}/search`,
    handle(req, state) {
      const body = validateBody(SearchRequest, req.body);
      if (body.searchTerm !== undefined && body.emails !== undefined) {
        throw badRequest('application', 'searchTerm and emails cannot be combined: use emails for exact matches or searchTerm for free text.');
      }
      return json(200, userPage(state, body, body.cursor, body.limit ?? 20, new Set(body.expand ?? [])));
    },
  },
  {
    method: 'GET', pattern: `${BASE}/:userId`, openApiPath: `${SPEC}/{userId}`,
    handle: (req, state) => json(200, { data: v2UserDetails(state, requireUser(state, req.params.userId)) }),
  },
  {
    method: 'GET', pattern: `${BASE}/:accountId/role-assignments`, openApiPath: `${SPEC}/{accountId}/role-assignments`,
    handle(req, state) {
      const all = roleAssignmentsOf(state, req.params.accountId);
      const kind = `v2-user-roles:${req.params.accountId}`;
      const start = decodeCursor(kind, req.query.get('cursor'));
      const limit = parseLimit(req.query.get('limit'), 20, 100);
      const next = start + limit < all.length ? encodeCursor(kind, start + limit) : undefined;
      return json(200, { data: all.slice(start, start + limit), links: next ? { next } : {} });
    },
  },
  {
    method: 'POST', pattern: `${BASE}/:accountId/suspend`, openApiPath: `${SPEC}/{accountId}/suspend`,
    handle(req, state) {
      suspendUser(state, req.params.accountId);
      return noContent();
    },
  },
  {
    method: 'POST', pattern: `${BASE}/:accountId/restore`, openApiPath: `${SPEC}/{accountId}/restore`,
    handle(req, state) {
      restoreUser(state, req.params.accountId);
      return noContent();
    },
  },
  {
    method: 'DELETE', pattern: `${BASE}/:accountId`, openApiPath: `${SPEC}/{accountId}`,
    handle(req, state) {
      removeUser(state, req.params.accountId);
      return noContent();
    },
  },
];
