import { stableUuid } from './ids.js';
import { ModelError } from './model-error.js';
import type { SimulatorState } from './simulator-state.js';

/**
 * Org policies (`/v1/orgs/{orgId}/policies`): state and rules. Changes are asynchronous in the real
 * API (202 Accepted): a resource added or updated is `applying` and becomes `applied` once
 * `APPLY_DELAY_MS` of simulated time has passed.
 */
export type PolicyType = 'ip-allowlist' | 'data-residency' | 'data-security';
export type PolicyStatus = 'enabled' | 'disabled';

export interface PolicyResourceInput {
  id: string;
  links?: { ticket?: string };
  meta?: Record<string, string>;
}

export interface PolicyResource extends PolicyResourceInput {
  /** When the last change to this resource was accepted (simulated epoch ms). */
  changedAt: number;
}

export interface SimPolicy {
  id: string;
  name?: string;
  type: PolicyType;
  status: PolicyStatus;
  rule?: { in: string[] };
  resources: PolicyResource[];
  createdAt: number;
}

export interface PolicyInput {
  name?: string;
  type: PolicyType;
  status?: PolicyStatus;
  rule?: { in: string[] };
  resources?: PolicyResourceInput[];
}

/** Simulated time an accepted policy change takes to apply. */
export const APPLY_DELAY_MS = 30_000;

const DATA_RESIDENCY_REALMS = new Set(['global', 'us', 'eu', 'de', 'au', 'ca', 'in', 'jp', 'kr', 'sg', 'uk', 'ch']);
const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\/(\d{1,2}))?$/;

/** The policies of one org, in creation order (the order pages follow). */
export class PolicyStore {
  private readonly policies = new Map<string, SimPolicy>();
  private readonly order: string[] = [];
  private created = 0;
  /** Server-chosen page size of `GET /policies` (the API takes no `limit`). */
  pageSize = 20;

  constructor(private readonly state: SimulatorState) {}

  /** Live policies in creation order, optionally of one type. */
  list(type?: string): SimPolicy[] {
    const all = this.order.map((id) => this.policies.get(id)).filter((policy): policy is SimPolicy => policy !== undefined);
    return type ? all.filter((policy) => policy.type === type) : all;
  }

  /** The policy, or a `policyNotFound` error. */
  get(policyId: string): SimPolicy {
    const policy = this.policies.get(policyId);
    if (!policy) throw new ModelError('policyNotFound', `No policy with id ${policyId}; list them with GET /v1/orgs/{orgId}/policies.`);
    return policy;
  }

  create(input: PolicyInput): SimPolicy {
    this.checkInput(input);
    const now = this.state.clock.nowMs();
    const policy: SimPolicy = {
      id: stableUuid(this.state.orgId, `policy:${this.created++}`),
      ...(input.name !== undefined ? { name: input.name } : {}),
      type: input.type,
      status: input.status ?? 'enabled',
      ...(input.rule ? { rule: { in: [...input.rule.in] } } : {}),
      resources: (input.resources ?? []).map((resource) => ({ ...resource, changedAt: now })),
      createdAt: now,
    };
    this.policies.set(policy.id, policy);
    this.order.push(policy.id);
    this.audit('policy_created', policy);
    return policy;
  }

  /** Replaces name, status, rule and (when given) resources. The type cannot change. */
  update(policyId: string, input: PolicyInput): SimPolicy {
    const policy = this.get(policyId);
    this.checkInput(input);
    if (input.type !== policy.type) {
      throw invalidResource(`A policy's type cannot change (it is ${policy.type}); create a new ${input.type} policy instead.`);
    }
    const now = this.state.clock.nowMs();
    if (input.name !== undefined) policy.name = input.name;
    if (input.status !== undefined) policy.status = input.status;
    if (input.rule !== undefined) policy.rule = { in: [...input.rule.in] };
    if (input.resources !== undefined) policy.resources = input.resources.map((resource) => ({ ...resource, changedAt: now }));
    this.audit('policy_updated', policy);
    return policy;
  }

  delete(policyId: string): void {
    const policy = this.get(policyId);
    this.policies.delete(policyId);
    this.order.splice(this.order.indexOf(policyId), 1);
    this.audit('policy_deleted', policy);
  }

  /** Adds (or re-applies) a resource; it is `applying` until the change has settled. */
  addResource(policyId: string, resource: PolicyResourceInput): SimPolicy {
    const policy = this.get(policyId);
    this.checkResources([resource]);
    const changed = { ...resource, changedAt: this.state.clock.nowMs() };
    const index = policy.resources.findIndex((existing) => existing.id === resource.id);
    if (index >= 0) policy.resources[index] = changed;
    else policy.resources.push(changed);
    this.audit('policy_resource_added', policy, resource.id);
    return policy;
  }

  updateResource(policyId: string, resourceId: string, change: Omit<PolicyResourceInput, 'id'>): SimPolicy {
    const policy = this.get(policyId);
    const resource = this.findResource(policy, resourceId);
    if (change.links !== undefined) resource.links = change.links;
    if (change.meta !== undefined) resource.meta = change.meta;
    resource.changedAt = this.state.clock.nowMs();
    this.audit('policy_resource_updated', policy, resourceId);
    return policy;
  }

  removeResource(policyId: string, resourceId: string): SimPolicy {
    const policy = this.get(policyId);
    const resource = this.findResource(policy, resourceId);
    policy.resources.splice(policy.resources.indexOf(resource), 1);
    this.audit('policy_resource_removed', policy, resourceId);
    return policy;
  }

  /** `applying` until APPLY_DELAY_MS after the last change, then `applied`. */
  applicationStatus(resource: PolicyResource): 'applying' | 'applied' {
    return this.state.clock.nowMs() - resource.changedAt < APPLY_DELAY_MS ? 'applying' : 'applied';
  }

  /**
   * What `GET .../validate` checks before accepting the validation request: an enabled rule
   * that names something, valid CIDRs / realms, and at least one resource to apply to.
   * Returns the problems (empty = valid).
   */
  validate(policyId: string): string[] {
    const policy = this.policies.get(policyId);
    if (!policy) return [`No policy with id ${policyId}.`];
    const problems: string[] = [];
    if (policy.type !== 'data-security' && !policy.rule?.in.length) problems.push(`A ${policy.type} policy needs a rule with at least one value in "in".`);
    if (policy.resources.length === 0) problems.push('The policy applies to no resources; add one with POST .../resources.');
    return problems;
  }

  /** Policy ids that list `resourceId` (a workspace id or its resource ARI) as a resource. */
  policiesOn(...resourceIds: string[]): SimPolicy[] {
    return this.list().filter((policy) => policy.resources.some((resource) => resourceIds.includes(resource.id)));
  }

  private findResource(policy: SimPolicy, resourceId: string): PolicyResource {
    const resource = policy.resources.find((existing) => existing.id === resourceId);
    if (!resource) {
      throw new ModelError('policyResourceNotFound', `Policy ${policy.id} has no resource ${resourceId}.`);
    }
    return resource;
  }

  private checkInput(input: PolicyInput): void {
    if (input.rule) {
      for (const value of input.rule.in) {
        if (input.type === 'ip-allowlist' && !isCidr(value)) {
          throw invalidResource(`"${value}" is not an IPv4 address or CIDR block (e.g. 203.0.113.0/24).`);
        }
        if (input.type === 'data-residency' && !DATA_RESIDENCY_REALMS.has(value.toLowerCase())) {
          throw invalidResource(`"${value}" is not a data residency realm; use one of ${[...DATA_RESIDENCY_REALMS].join(', ')}.`);
        }
      }
    }
    this.checkResources(input.resources ?? []);
  }

  /** Resources are the org's workspaces: their id or resource ARI. */
  private checkResources(resources: PolicyResourceInput[]): void {
    for (const resource of resources) {
      if (!this.state.findSiteByResourceId(resource.id)) {
        throw invalidResource(`Resource ${resource.id} is not a workspace of this org; list them with POST /v2/orgs/{orgId}/workspaces.`);
      }
    }
  }

  private audit(action: string, policy: SimPolicy, resourceId?: string): void {
    this.state.record({
      action,
      objects: [{ type: 'policy', id: policy.id, ...(policy.name ? { name: policy.name } : {}) }],
      ...(resourceId ? { message: `resource ${resourceId}` } : {}),
    });
  }
}

function isCidr(value: string): boolean {
  const match = CIDR.exec(value);
  if (!match) return false;
  const octetsOk = match.slice(1, 5).every((octet) => Number(octet) <= 255);
  return octetsOk && (match[6] === undefined || Number(match[6]) <= 32);
}

function invalidResource(detail: string): ModelError {
  return new ModelError('invalidResource', detail);
}

/** The org's policy store (created on first use, dropped on reset). */
export function policiesOf(state: SimulatorState): PolicyStore {
  return state.extension('policies', (owner) => new PolicyStore(owner));
}
