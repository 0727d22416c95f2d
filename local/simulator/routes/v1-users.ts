import { z } from 'zod';
import type { SimulatorState } from '../model/simulator-state.js';
import type { SimUser } from '../model/types.js';
import { decodeCursor, encodeCursor, pageOver, parseLimit } from '../http/pagination.js';
import { validateBody } from '../http/request-body.js';
import type { Route } from '../http/route.js';
import { applicationError } from '../http/wire-error.js';
import { json } from './respond.js';
import { v1ManagedAccount, v1ProductLastActive, v1PublicUser } from './views.js';

const TextFilter = z.object({ eq: z.array(z.string().max(100)).max(100).optional(), contains: z.string().optional() });

const UsersSearchRequest = z.object({
  accountIds: z.array(z.string()).max(100).optional(),
  accountStatuses: z.array(z.enum(['ACTIVE', 'INACTIVE'])).optional(),
  accountTypes: z.array(z.enum(['atlassian', 'customer', 'app'])).optional(),
  emailDomains: TextFilter.optional(),
  emailUsernames: TextFilter.optional(),
  namesOrNicknames: TextFilter.optional(),
  isSuspended: z.boolean().optional(),
  expand: z.array(z.enum(['NAME', 'EMAIL', 'EMAIL_VERIFIED', 'PRODUCT_LAST_ACCESS', 'GROUPS'])).optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
  cursor: z.string().optional(),
});

function matchesText(filter: z.infer<typeof TextFilter> | undefined, ...values: string[]): boolean {
  if (!filter) return true;
  const lower = values.map((value) => value.toLowerCase());
  if (filter.eq && !filter.eq.some((wanted) => lower.includes(wanted.toLowerCase()))) return false;
  if (filter.contains && !lower.some((value) => value.includes(filter.contains!.toLowerCase()))) return false;
  return true;
}

function searchPredicate(filter: z.infer<typeof UsersSearchRequest>): (user: SimUser) => boolean {
  const ids = filter.accountIds ? new Set(filter.accountIds) : undefined;
  const statuses = filter.accountStatuses?.map((status) => status.toLowerCase());
  return (user) => {
    if (ids && !ids.has(user.accountId)) return false;
    if (statuses && !statuses.includes(user.accountStatus)) return false;
    if (filter.accountTypes && !filter.accountTypes.includes('atlassian')) return false;
    if (filter.isSuspended !== undefined && (user.membershipStatus === 'suspended') !== filter.isSuspended) return false;
    const [username, domain] = user.email.split('@');
    return matchesText(filter.emailDomains, domain) && matchesText(filter.emailUsernames, username)
      && matchesText(filter.namesOrNicknames, user.name, user.nickname);
  };
}

function countManaged(state: SimulatorState): number {
  let total = 0;
  for (const user of state.users.values()) if (user.claimStatus === 'managed') total++;
  return total;
}

/** v1 user endpoints: managed accounts list, users search, last-active dates. */
export const v1UserRoutes: Route<SimulatorState>[] = [
  {
    method: 'GET',
    pattern: '/v1/orgs/:orgId/users',
    openApiPath: '/v1/orgs/{orgId}/users',
    handle(req, state) {
      // v1 list of *managed accounts* (emails on the org's verified domains): `links.next` is a full
      // URL carrying `cursor=`; the page size is fixed by the server.
      const start = decodeCursor('v1-users', req.query.get('cursor'));
      const page = pageOver(state.userOrder, start, state.pageSizes.v1Users, (id) => {
        const user = state.getUser(id)!;
        return user.claimStatus === 'managed' ? user : undefined;
      });
      const self = `${req.baseUrl}/v1/orgs/${state.orgId}/users`;
      return json(200, {
        data: page.items.map((user) => v1ManagedAccount(state, user, req.baseUrl)),
        links: {
          self: start ? `${self}?cursor=${encodeURIComponent(req.query.get('cursor')!)}` : self,
          ...(page.next !== undefined ? { next: `${self}?cursor=${encodeURIComponent(encodeCursor('v1-users', page.next))}` } : {}),
        },
        meta: { total: countManaged(state) },
      });
    },
  },
  {
    method: 'POST',
    pattern: '/v1/orgs/:orgId/users/search',
    openApiPath: '/v1/orgs/{orgId}/users/search',
    handle(req, state) {
      const filter = validateBody(UsersSearchRequest, req.body);
      const start = decodeCursor('v1-users-search', filter.cursor);
      const expand = new Set<string>(filter.expand ?? []);
      const matches = searchPredicate(filter);
      const page = pageOver(state.userOrder, start, filter.limit ?? 100, (id) => {
        const user = state.getUser(id)!;
        return matches(user) ? v1PublicUser(state, user, expand) : undefined;
      });
      return json(200, {
        data: page.items,
        links: { ...(filter.cursor ? { self: filter.cursor } : {}), ...(page.next !== undefined ? { next: encodeCursor('v1-users-search', page.next) } : {}) },
      });
    },
  },
  {
    method: 'GET',
    pattern: '/v1/orgs/:orgId/directory/users/:accountId/last-active-dates',
    openApiPath: '/v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates',
    rateLimit: 'lastActiveDates',
    handle(req, state) {
      const user = state.getUser(req.params.accountId);
      if (!user) throw applicationError(404, 'ADMIN-404-8', 'User not found', `No user with account id ${req.params.accountId}.`);
      // `data` is an object here (not an array) and `links.next` is a bare cursor: both as documented.
      const start = decodeCursor(`lad:${user.accountId}`, req.query.get('cursor'));
      const size = state.pageSizes.lastActiveDates;
      const entries = user.activity.slice(start, start + size);
      const next = start + size < user.activity.length ? encodeCursor(`lad:${user.accountId}`, start + size) : undefined;
      return json(200, {
        data: {
          product_access: entries.map(v1ProductLastActive),
          added_to_org: user.addedToOrg.toISOString().slice(0, 10),
          added_to_org_timestamp: user.addedToOrg.toISOString(),
        },
        links: next ? { next } : {},
      });
    },
  },
];
