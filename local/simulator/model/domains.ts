import { stableUuid } from './ids.js';
import { ModelError } from './model-error.js';
import type { SimulatorState } from './simulator-state.js';

/**
 * The org's domains (`/v1/orgs/{orgId}/domains`) with their claim (verification) status. Verified
 * domains come from the org (`state.claimedDomains`: users on them are managed accounts); the
 * store adds a pending claim so lists show more than one status.
 */
export type ClaimStatus = 'verified' | 'deleted' | 'unverified' | 'superseded' | 'missing_token';

export interface SimDomain {
  id: string;
  name: string;
  claim: { status: ClaimStatus; type: 'http' | 'dns' };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class DomainStore {
  private readonly domains: SimDomain[] = [];
  /** Server-chosen page size of `GET /domains`. */
  pageSize = 20;
  /**
   * Answer the domain endpoints with the Spring-style 403 (the API key lacks the domains scope),
   * as some real orgs do.
   */
  accessDenied = false;

  constructor(private readonly state: SimulatorState) {
    for (const name of state.claimedDomains) this.add(name, { status: 'verified', type: 'dns' });
    const [first] = state.claimedDomains;
    if (first) this.add(`labs.${first}`, { status: 'unverified', type: 'http' });
  }

  /** Adds a domain claim (idempotent by name) and returns it. */
  add(name: string, claim: SimDomain['claim']): SimDomain {
    const lower = name.toLowerCase();
    const existing = this.domains.find((domain) => domain.name === lower);
    if (existing) {
      existing.claim = { ...claim };
      return existing;
    }
    const domain = { id: stableUuid(this.state.orgId, `domain:${lower}`), name: lower, claim: { ...claim } };
    this.domains.push(domain);
    return domain;
  }

  list(): readonly SimDomain[] {
    return this.domains;
  }

  /** The domain; `invalidDomainId` for an id that cannot be one, `domainNotFound` for an unknown one. */
  get(domainId: string): SimDomain {
    if (!UUID.test(domainId)) {
      throw new ModelError('invalidDomainId', `"${domainId}" is not a domain id (a UUID); list them with GET /v1/orgs/{orgId}/domains.`);
    }
    const domain = this.domains.find((candidate) => candidate.id === domainId);
    if (!domain) throw new ModelError('domainNotFound', `No domain with id ${domainId} in this org.`);
    return domain;
  }
}

/** The org's domain store (created on first use, dropped on reset). */
export function domainsOf(state: SimulatorState): DomainStore {
  return state.extension('domains', (owner) => new DomainStore(owner));
}
