import type { AtlassianHttpClient } from '../http/http-client.js';
import { apiPath } from '../http/request-path.js';
import { cursorFromNextUrl, iterateItems } from '../pagination.js';
import { DomainPageSchema, DomainSchema, OrgPageSchema, OrgSchema, type DomainModel, type OrgModel } from '../schemas/v1-orgs.js';

type OrgPage = import('zod').infer<typeof OrgPageSchema>;
type DomainPage = import('zod').infer<typeof DomainPageSchema>;

/** v1 orgs and domains (seed: Orgs, Domains). */
export class V1OrgsApi {
  constructor(
    private readonly http: AtlassianHttpClient,
    private readonly orgId: string,
  ) {}

  /** GET /v1/orgs: one page of the orgs the API key can manage. */
  async listOrgs(cursor?: string): Promise<OrgPage> {
    const operation = 'v1.listOrgs';
    return (await this.http.request({ operation, method: 'GET', path: '/v1/orgs', query: { cursor }, schema: OrgPageSchema })).data;
  }

  /** Every org, following `links.next` URLs. */
  iterateOrgs(): AsyncGenerator<OrgModel> {
    return iterateItems({
      operation: 'v1.listOrgs',
      fetchPage: (cursor) => this.listOrgs(cursor),
      items: (page) => page.data,
      nextCursor: (page) => cursorFromNextUrl('v1.listOrgs', page.links?.next),
    });
  }

  /** GET /v1/orgs/{orgId}. */
  async getOrg(orgId: string = this.orgId): Promise<OrgModel> {
    const result = await this.http.request({ operation: 'v1.getOrg', method: 'GET', path: apiPath`/v1/orgs/${orgId}`, schema: OrgSchema });
    return result.data.data;
  }

  /** GET /v1/orgs/{orgId}/domains: one page. */
  async listDomains(cursor?: string): Promise<DomainPage> {
    const path = apiPath`/v1/orgs/${this.orgId}/domains`;
    return (await this.http.request({ operation: 'v1.listDomains', method: 'GET', path, query: { cursor }, schema: DomainPageSchema })).data;
  }

  /** Every domain of the org. */
  iterateDomains(): AsyncGenerator<DomainModel> {
    return iterateItems({
      operation: 'v1.listDomains',
      fetchPage: (cursor) => this.listDomains(cursor),
      items: (page) => page.data,
      nextCursor: (page) => cursorFromNextUrl('v1.listDomains', page.links?.next),
    });
  }

  /** GET /v1/orgs/{orgId}/domains/{domainId}. */
  async getDomain(domainId: string): Promise<DomainModel> {
    const path = apiPath`/v1/orgs/${this.orgId}/domains/${domainId}`;
    return (await this.http.request({ operation: 'v1.getDomain', method: 'GET', path, schema: DomainSchema })).data.data;
  }
}
