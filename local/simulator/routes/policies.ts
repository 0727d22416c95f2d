import { z } from 'zod';
import type { Route } from '../http/route.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';
import { applicationError } from '../http/wire-error.js';
import { policiesOf, type PolicyInput, type PolicyStore, type SimPolicy } from '../model/policies.js';
import type { SimulatorState } from '../model/simulator-state.js';
import { json, noContent } from './respond.js';

const BASE = '/v1/orgs/:orgId/policies';
const SPEC = '/v1/orgs/{orgId}/policies';

const Links = z.object({ ticket: z.string().optional() });
const Meta = z.record(z.string(), z.string());
const ResourceInput = z.object({ id: z.string().min(1), links: Links.optional(), meta: Meta.optional() });
const ResourceUpdateInput = z.object({ links: Links.optional(), meta: Meta.optional() });
const PolicyAttributes = z.object({
  name: z.string().optional(),
  type: z.enum(['ip-allowlist', 'data-residency']),
  status: z.enum(['enabled', 'disabled']).optional(),
  rule: z.object({ in: z.array(z.string()) }).optional(),
  resources: z.array(ResourceInput).optional(),
});
const PolicyBody = z.object({ data: z.object({ type: z.literal('policy'), id: z.string().optional(), attributes: PolicyAttributes }) });

function policyView(store: PolicyStore, policy: SimPolicy) {
  return {
    id: policy.id,
    type: 'policy' as const,
    attributes: {
      ...(policy.name !== undefined ? { name: policy.name } : {}),
      type: policy.type,
      status: policy.status,
      ...(policy.rule ? { rule: { in: [...policy.rule.in] } } : {}),
      resources: policy.resources.map((resource) => ({
        id: resource.id,
        applicationStatus: store.applicationStatus(resource),
        ...(resource.links ? { links: resource.links } : {}),
        ...(resource.meta ? { meta: resource.meta } : {}),
      })),
    },
  };
}

/** Body validation in the policies family's 400 shape (ADMIN-400-4, the only 400 its spec documents). */
function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`);
  throw applicationError(400, 'ADMIN-400-4', 'Invalid resource', `Fix the request body: ${problems.join('; ')}.`);
}

function policyInput(body: unknown): PolicyInput {
  return parseBody(PolicyBody, body).data.attributes;
}

/**
 * Policies: CRUD, resources, validate. Changes answer 202 Accepted with the policy (its resources
 * `applying` until the change settles); removing a resource is synchronous (204); delete is 202
 * without a body; validate is 202 when the policy can be applied, else 400 ADMIN-500-2 as documented.
 */
export const policyRoutes: Route<SimulatorState>[] = [
  {
    method: 'GET',
    pattern: BASE,
    openApiPath: SPEC,
    handle(req, state) {
      const store = policiesOf(state);
      const type = req.query.get('type') ?? undefined;
      const start = decodeCursor(`policies:${type ?? ''}`, req.query.get('cursor'));
      const all = store.list(type);
      const page = all.slice(start, start + store.pageSize);
      const nextPosition = start + page.length;
      const next = nextPosition < all.length ? encodeCursor(`policies:${type ?? ''}`, nextPosition) : null;
      const self = `${req.baseUrl}/v1/orgs/${state.orgId}/policies`;
      const nextQuery = new URLSearchParams(req.query);
      if (next) nextQuery.set('cursor', next);
      return json(200, {
        data: page.map((policy) => policyView(store, policy)),
        links: {
          self: req.query.size ? `${self}?${req.query.toString()}` : self,
          ...(next ? { next: `${self}?${nextQuery.toString()}` } : {}),
        },
        meta: { next, page_size: page.length },
      });
    },
  },
  {
    method: 'POST',
    pattern: BASE,
    openApiPath: SPEC,
    handle(req, state) {
      const store = policiesOf(state);
      return json(202, { data: policyView(store, store.create(policyInput(req.body))) });
    },
  },
  {
    method: 'GET',
    pattern: `${BASE}/:policyId`,
    openApiPath: `${SPEC}/{policyId}`,
    handle(req, state) {
      const store = policiesOf(state);
      return json(200, { data: policyView(store, store.get(req.params.policyId)) });
    },
  },
  {
    method: 'PUT',
    pattern: `${BASE}/:policyId`,
    openApiPath: `${SPEC}/{policyId}`,
    handle(req, state) {
      const store = policiesOf(state);
      store.get(req.params.policyId); // 404 before complaining about the body
      return json(202, { data: policyView(store, store.update(req.params.policyId, policyInput(req.body))) });
    },
  },
  {
    method: 'DELETE',
    pattern: `${BASE}/:policyId`,
    openApiPath: `${SPEC}/{policyId}`,
    handle(req, state) {
      policiesOf(state).delete(req.params.policyId);
      return noContent(202);
    },
  },
  {
    method: 'POST',
    pattern: `${BASE}/:policyId/resources`,
    openApiPath: `${SPEC}/{policyId}/resources`,
    handle(req, state) {
      const store = policiesOf(state);
      store.get(req.params.policyId);
      const policy = store.addResource(req.params.policyId, parseBody(ResourceInput, req.body));
      return json(202, { data: policyView(store, policy) });
    },
  },
  {
    method: 'PUT',
    pattern: `${BASE}/:policyId/resources/:resourceId`,
    openApiPath: `${SPEC}/{policyId}/resources/{resourceId}`,
    handle(req, state) {
      const store = policiesOf(state);
      const change = parseBody(ResourceUpdateInput, req.body);
      return json(202, { data: policyView(store, store.updateResource(req.params.policyId, req.params.resourceId, change)) });
    },
  },
  {
    method: 'DELETE',
    pattern: `${BASE}/:policyId/resources/:resourceId`,
    openApiPath: `${SPEC}/{policyId}/resources/{resourceId}`,
    handle(req, state) {
      policiesOf(state).removeResource(req.params.policyId, req.params.resourceId);
      return noContent(204);
    },
  },
  {
    method: 'GET',
    pattern: `${BASE}/:policyId/validate`,
    openApiPath: `${SPEC}/{policyId}/validate`,
    handle(req, state) {
      const problems = policiesOf(state).validate(req.params.policyId);
      if (problems.length) {
        throw applicationError(400, 'ADMIN-500-2', 'Policy validation failed', `Fix the policy, then validate again: ${problems.join(' ')}`);
      }
      return noContent(202);
    },
  },
];
