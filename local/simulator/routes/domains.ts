import type { Route } from '../http/route.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';
import { springForbidden } from '../http/wire-error.js';
import { domainsOf, type DomainStore, type SimDomain } from '../model/domains.js';
import type { SimulatorState } from '../model/simulator-state.js';
import { json } from './respond.js';

function domainView(domain: SimDomain, orgId: string, baseUrl: string) {
  return {
    id: domain.id,
    type: 'domains' as const,
    attributes: { name: domain.name, claim: { ...domain.claim } },
    links: { self: `${baseUrl}/v1/orgs/${orgId}/domains/${domain.id}` },
  };
}

/**
 * The domains backend answers with its Spring-style 403 both when the key lacks access and for
 * an org that is not the key's (its spec documents 403, and no 404 for another org). That is why
 * these patterns name the org segment `:domainOrgId`: the server's generic org check (404
 * ADMIN-404-2) keys on `:orgId` and leaves this one to the route.
 */
function allowed(state: SimulatorState, orgId: string, path: string): DomainStore {
  const store = domainsOf(state);
  if (store.accessDenied || orgId !== state.orgId) throw springForbidden(`/admin${path}`);
  return store;
}

/** Domains and their claim status; v1 pagination (`links.next` is a full URL with `cursor=`). */
export const domainRoutes: Route<SimulatorState>[] = [
  {
    method: 'GET',
    pattern: '/v1/orgs/:domainOrgId/domains',
    openApiPath: '/v1/orgs/{orgId}/domains',
    handle(req, state) {
      const store = allowed(state, req.params.domainOrgId, req.path);
      const start = decodeCursor('domains', req.query.get('cursor'));
      const all = store.list();
      const page = all.slice(start, start + store.pageSize);
      const next = start + page.length;
      const self = `${req.baseUrl}/v1/orgs/${state.orgId}/domains`;
      return json(200, {
        data: page.map((domain) => domainView(domain, state.orgId, req.baseUrl)),
        links: {
          self: start ? `${self}?cursor=${encodeURIComponent(req.query.get('cursor')!)}` : self,
          ...(next < all.length ? { next: `${self}?cursor=${encodeURIComponent(encodeCursor('domains', next))}` } : {}),
        },
      });
    },
  },
  {
    method: 'GET',
    pattern: '/v1/orgs/:domainOrgId/domains/:domainId',
    openApiPath: '/v1/orgs/{orgId}/domains/{domainId}',
    handle(req, state) {
      const domain = allowed(state, req.params.domainOrgId, req.path).get(req.params.domainId);
      return json(200, { data: domainView(domain, state.orgId, req.baseUrl) });
    },
  },
];
