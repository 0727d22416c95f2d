import { z } from 'zod';
import type { Route, SimRequest, SimResponse } from '../http/route.js';
import { bareApplicationError } from '../http/wire-error.js';
import { policiesOf } from '../model/policies.js';
import type { SimulatorState } from '../model/simulator-state.js';
import type { SimSite } from '../model/types.js';
import { stableUuid } from '../model/ids.js';
import {
  decodeWorkspaceCursor, familyOf, featuresOf, searchWorkspaces, type WorkspaceQuery, type WorkspaceSearch,
} from '../model/workspaces.js';
import { json, withOverrides } from './respond.js';

const Query: z.ZodType<WorkspaceQuery> = z.lazy(() =>
  z.union([
    z.object({ and: z.array(Query) }).strict(),
    z.object({ nor: z.array(Query) }).strict(),
    z.object({ field: z.object({ name: z.string().optional(), values: z.array(z.string()).optional() }) }).strict(),
    z.object({ searchWorkspaces: z.string() }),
    z.object({ features: z.array(z.string()) }),
    z.object({ policies: z.array(z.string()) }),
  ]),
);

const SearchRequest = z.object({
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(1000).optional(),
  query: Query.nullish(),
  sort: z.array(z.object({ field: z.string(), order: z.enum(['asc', 'desc']).optional() })).nullish(),
});

function workspaceView(state: SimulatorState, site: SimSite, baseUrl: string) {
  const policies = policiesOf(state).policiesOn(site.id, site.resourceId);
  return {
    id: site.id,
    type: 'workspaces',
    attributes: {
      name: site.name,
      type: familyOf(site),
      typeKey: site.productKey,
      hostUrl: site.url,
      status: 'online',
      statusDetails: [],
      realm: 'us',
      regions: ['us-east-1'],
      labels: [],
      owner: state.orgId,
      sandbox: { type: 'NONE' },
    },
    links: { self: `${baseUrl}/v2/orgs/${state.orgId}/workspaces/${site.id}` },
    relationships: {
      entitlements: [{ id: stableUuid(site.id, 'entitlement'), type: 'entitlement', attributes: { key: site.productKey, plan: 'STANDARD' } }],
      policies: policies.map((policy) => ({ id: policy.id, type: 'policy', attributes: { fields: {} } })),
      features: featuresOf(site).map((feature) => ({ id: feature, type: 'feature', attributes: { fields: {} } })),
    },
  };
}

/**
 * `POST /v2/orgs/{orgId}/workspaces`: query, sort, limit; the next page is asked for with
 * `{ "cursor": <links.next> }` alone. Errors use the bare ApplicationError shape the spec documents.
 */
export const workspaceRoutes: Route<SimulatorState>[] = [
  {
    method: 'POST',
    pattern: '/v2/orgs/:orgId/workspaces',
    openApiPath: '/v2/orgs/{orgId}/workspaces',
    handle(req, state) {
      // The model's errors (bad cursor, unknown field) in the bare shape, not the `errors` array.
      return withOverrides('bareApplication', {}, () => answerSearch(req, state));
    },
  },
];

/** One search page, or the request's error (wire errors directly, model errors via the caller). */
function answerSearch(req: SimRequest, state: SimulatorState): SimResponse {
  const parsed = SearchRequest.safeParse(req.body ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
    throw bareApplicationError(400, 'ADMIN-400-4', 'Invalid request', `Fix the request body: ${problems}.`);
  }
  const { cursor, ...rest } = parsed.data;
  let search: WorkspaceSearch;
  let offset = 0;
  if (cursor) {
    if (Object.values(rest).some((value) => value !== undefined && value !== null)) {
      throw bareApplicationError(400, 'ADMIN-400-4', 'Invalid request', 'When a cursor is sent, send nothing else: the cursor already carries the query, sort and limit.');
    }
    ({ search, offset } = decodeWorkspaceCursor(cursor));
    // A hand-edited cursor must not reach the model: re-check what it carries.
    if (!SearchRequest.safeParse(search).success) {
      throw bareApplicationError(400, 'ADMIN-400-1', 'Invalid page cursor', 'The cursor is invalid. Send the search again without a cursor.');
    }
  } else {
    search = { query: rest.query ?? null, sort: rest.sort ?? null, limit: rest.limit ?? 20 };
  }
  const page = searchWorkspaces(state, search, offset);
  const self = `${req.baseUrl}/v2/orgs/${state.orgId}/workspaces`;
  return json(200, {
    data: page.sites.map((site) => workspaceView(state, site, req.baseUrl)),
    links: { self, ...(page.nextCursor ? { next: page.nextCursor } : {}) },
    meta: {
      pageSize: search.limit,
      startIndex: page.startIndex,
      endIndex: page.startIndex + Math.max(page.sites.length - 1, 0),
      total: page.total,
    },
  });
}
