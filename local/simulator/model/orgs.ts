import { domainsOf } from './domains.js';
import type { SimulatorState } from './simulator-state.js';

/** What `GET /v1/orgs` and `GET /v1/orgs/{orgId}` say about the org the API key belongs to. */
export interface OrgSummary {
  id: string;
  name: string;
  domainCount: number;
}

/** The orgs this API key can see: an org API key belongs to exactly one org. */
export function visibleOrgs(state: SimulatorState): OrgSummary[] {
  return [{ id: state.orgId, name: state.orgName, domainCount: domainsOf(state).list().length }];
}
