import type { Route, SimRequest } from '../http/route.js';
import { decodeCursor } from '../http/pagination.js';
import { visibleOrgs, type OrgSummary } from '../model/orgs.js';
import type { SimulatorState } from '../model/simulator-state.js';
import { json } from './respond.js';

function orgView(org: OrgSummary, baseUrl: string) {
  const self = `${baseUrl}/v1/orgs/${org.id}`;
  return {
    id: org.id,
    type: 'orgs' as const,
    attributes: { name: org.name },
    relationships: {
      domains: { links: { related: `${self}/domains` } },
      users: { links: { related: `${self}/users` } },
    },
    links: { self },
  };
}

/** `GET /v1/orgs` (one page: an org API key sees its own org) and `GET /v1/orgs/{orgId}`. */
export const orgRoutes: Route<SimulatorState>[] = [
  {
    method: 'GET',
    pattern: '/v1/orgs',
    openApiPath: '/v1/orgs',
    handle(req: SimRequest, state) {
      // Still validate the cursor so a stale or foreign one is the documented 400 ADMIN-400-1.
      decodeCursor('orgs', req.query.get('cursor'));
      return json(200, { data: visibleOrgs(state).map((org) => orgView(org, req.baseUrl)), links: { self: `${req.baseUrl}/v1/orgs` } });
    },
  },
  {
    method: 'GET',
    pattern: '/v1/orgs/:orgId',
    openApiPath: '/v1/orgs/{orgId}',
    handle(req, state) {
      // The server already answered 404 ADMIN-404-2 for any other org id.
      const [org] = visibleOrgs(state);
      return json(200, { data: orgView(org, req.baseUrl) });
    },
  },
];
