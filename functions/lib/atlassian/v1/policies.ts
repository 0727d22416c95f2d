import type { z } from 'zod';
import type { AtlassianHttpClient } from '../http/http-client.js';
import { apiPath } from '../http/request-path.js';
import { cursorFromNextUrl, iterateItems } from '../pagination.js';
import { validateRequest } from '../request-validation.js';
import {
  PolicyCreateInputSchema,
  PolicyPageSchema,
  PolicySchema,
  PolicyUpdateInputSchema,
  ResourceInputSchema,
  ResourceUpdateInputSchema,
  type PolicyCreateInput,
  type PolicyModel,
  type PolicyUpdateInput,
  type ResourceInput,
  type ResourceUpdateInput,
} from '../schemas/v1-policies.js';

export type PolicyPage = z.infer<typeof PolicyPageSchema>;

/** v1 policies CRUD, policy resources and validation (seed: Policies). */
export class V1PoliciesApi {
  constructor(
    private readonly http: AtlassianHttpClient,
    private readonly orgId: string,
  ) {}

  private base(): string {
    return apiPath`/v1/orgs/${this.orgId}/policies`;
  }

  private one(policyId: string): string {
    return apiPath`/v1/orgs/${this.orgId}/policies/${policyId}`;
  }

  /** GET /v1/orgs/{orgId}/policies, optionally filtered by policy type; one page. */
  async listPolicies(options: { type?: string; cursor?: string } = {}): Promise<PolicyPage> {
    const query = { type: options.type, cursor: options.cursor };
    return (await this.http.request({ operation: 'v1.listPolicies', method: 'GET', path: this.base(), query, schema: PolicyPageSchema })).data;
  }

  /** Every policy, following `links.next` URLs. */
  iteratePolicies(options: { type?: string } = {}): AsyncGenerator<PolicyModel> {
    return iterateItems({
      operation: 'v1.listPolicies',
      fetchPage: (cursor) => this.listPolicies({ ...options, cursor }),
      items: (page) => page.data,
      nextCursor: (page) => cursorFromNextUrl('v1.listPolicies', page.links?.next),
    });
  }

  /** POST /v1/orgs/{orgId}/policies (202). Not retried after a 5xx: it could create a duplicate. */
  async createPolicy(input: PolicyCreateInput): Promise<PolicyModel> {
    const operation = 'v1.createPolicy';
    const body = validateRequest(operation, PolicyCreateInputSchema, input);
    return (await this.http.request({ operation, method: 'POST', path: this.base(), body, schema: PolicySchema })).data.data;
  }

  /** GET /v1/orgs/{orgId}/policies/{policyId}. */
  async getPolicy(policyId: string): Promise<PolicyModel> {
    return (await this.http.request({ operation: 'v1.getPolicy', method: 'GET', path: this.one(policyId), schema: PolicySchema })).data.data;
  }

  /** PUT /v1/orgs/{orgId}/policies/{policyId} (202). */
  async updatePolicy(policyId: string, input: PolicyUpdateInput): Promise<PolicyModel> {
    const operation = 'v1.updatePolicy';
    const body = validateRequest(operation, PolicyUpdateInputSchema, input);
    return (await this.http.request({ operation, method: 'PUT', path: this.one(policyId), body, schema: PolicySchema })).data.data;
  }

  /** DELETE /v1/orgs/{orgId}/policies/{policyId} (202, no body). */
  async deletePolicy(policyId: string): Promise<void> {
    await this.http.request({ operation: 'v1.deletePolicy', method: 'DELETE', path: this.one(policyId) });
  }

  /** POST /v1/orgs/{orgId}/policies/{policyId}/resources (202). */
  async addPolicyResource(policyId: string, input: ResourceInput): Promise<PolicyModel> {
    const operation = 'v1.addPolicyResource';
    const body = validateRequest(operation, ResourceInputSchema, input);
    const path = apiPath`/v1/orgs/${this.orgId}/policies/${policyId}/resources`;
    return (await this.http.request({ operation, method: 'POST', path, body, schema: PolicySchema })).data.data;
  }

  /** PUT /v1/orgs/{orgId}/policies/{policyId}/resources/{resourceId} (202). */
  async updatePolicyResource(policyId: string, resourceId: string, input: ResourceUpdateInput): Promise<PolicyModel> {
    const operation = 'v1.updatePolicyResource';
    const body = validateRequest(operation, ResourceUpdateInputSchema, input);
    const path = apiPath`/v1/orgs/${this.orgId}/policies/${policyId}/resources/${resourceId}`;
    return (await this.http.request({ operation, method: 'PUT', path, body, schema: PolicySchema })).data.data;
  }

  /** DELETE /v1/orgs/{orgId}/policies/{policyId}/resources/{resourceId} (204). */
  async deletePolicyResource(policyId: string, resourceId: string): Promise<void> {
    const path = apiPath`/v1/orgs/${this.orgId}/policies/${policyId}/resources/${resourceId}`;
    await this.http.request({ operation: 'v1.deletePolicyResource', method: 'DELETE', path });
  }

  /** GET /v1/orgs/{orgId}/policies/{policyId}/validate: 202 when the policy is valid, else a named error. */
  async validatePolicy(policyId: string): Promise<void> {
    const path = apiPath`/v1/orgs/${this.orgId}/policies/${policyId}/validate`;
    await this.http.request({ operation: 'v1.validatePolicy', method: 'GET', path });
  }
}
