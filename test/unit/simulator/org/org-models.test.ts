import { describe, expect, it } from 'vitest';
import { createSimulatorState } from '../../../../local/simulator/index.js';
import { ModelError, type ModelErrorKind } from '../../../../local/simulator/model/model-error.js';
import { auditLogOf } from '../../../../local/simulator/model/audit.js';
import { domainsOf } from '../../../../local/simulator/model/domains.js';
import { APPLY_DELAY_MS, policiesOf } from '../../../../local/simulator/model/policies.js';
import { decodeWorkspaceCursor, searchWorkspaces } from '../../../../local/simulator/model/workspaces.js';
import { stableUuid } from '../../../../local/simulator/model/ids.js';

/** A frozen-clock demo org (time moves only when a test says so). */
function frozenState() {
  return createSimulatorState({ now: '2026-03-01T09:00:00Z', timeScale: 0 });
}

/** The kind of the ModelError thrown by `act` (the model knows no HTTP; `http/model-errors.ts` renders it). */
function errorKindOf(act: () => unknown): ModelErrorKind {
  try {
    act();
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    return error.kind;
  }
  throw new Error('expected a ModelError');
}

describe('policies', () => {
  it('creates, updates and deletes a policy, recording each change in the audit log', () => {
    // Prepare
    const state = frozenState();
    const store = policiesOf(state);
    const [jira] = state.sites;
    // Act
    const created = store.create({ name: 'Office', type: 'ip-allowlist', rule: { in: ['203.0.113.0/24'] }, resources: [{ id: jira.resourceId }] });
    store.update(created.id, { type: 'ip-allowlist', name: 'Office + VPN', status: 'disabled' });
    store.delete(created.id);
    // Assess
    expect(store.list()).toEqual([]);
    expect(auditLogOf(state).query({ limit: 10 }).events.map((e) => e.action)).toEqual(['policy_deleted', 'policy_updated', 'policy_created']);
  });

  it('reports resources as applying until the change settles, then applied', () => {
    const state = frozenState();
    const store = policiesOf(state);
    const policy = store.create({ type: 'data-residency', rule: { in: ['eu'] }, resources: [{ id: state.sites[1].id }] });
    expect(store.applicationStatus(policy.resources[0])).toBe('applying');
    state.clock.advance(APPLY_DELAY_MS);
    expect(store.applicationStatus(policy.resources[0])).toBe('applied');
    store.updateResource(policy.id, state.sites[1].id, { links: { ticket: 'IT-1' } });
    expect(store.applicationStatus(store.get(policy.id).resources[0])).toBe('applying');
  });

  it('refuses invalid rules, unknown resources and type changes as invalidResource', () => {
    const state = frozenState();
    const store = policiesOf(state);
    const policy = store.create({ type: 'ip-allowlist' });
    expect(errorKindOf(() => store.create({ type: 'ip-allowlist', rule: { in: ['10.0.0.300'] } }))).toBe('invalidResource');
    expect(errorKindOf(() => store.create({ type: 'data-residency', rule: { in: ['mars'] } }))).toBe('invalidResource');
    expect(errorKindOf(() => store.addResource(policy.id, { id: 'ari:cloud:jira::site/nope' }))).toBe('invalidResource');
    expect(errorKindOf(() => store.update(policy.id, { type: 'data-residency' }))).toBe('invalidResource');
  });

  it('refuses unknown policies (policyNotFound) and unknown resources (policyResourceNotFound)', () => {
    const state = frozenState();
    const store = policiesOf(state);
    const policy = store.create({ type: 'ip-allowlist' });
    expect(errorKindOf(() => store.get('nope'))).toBe('policyNotFound');
    expect(errorKindOf(() => store.removeResource(policy.id, 'nope'))).toBe('policyResourceNotFound');
  });

  it('validates: needs a rule and a resource', () => {
    const state = frozenState();
    const store = policiesOf(state);
    const empty = store.create({ type: 'data-residency' });
    expect(store.validate(empty.id)).toHaveLength(2);
    store.update(empty.id, { type: 'data-residency', rule: { in: ['EU'] }, resources: [{ id: state.sites[0].resourceId }] });
    expect(store.validate(empty.id)).toEqual([]);
  });
});

describe('workspaces', () => {
  /** The demo org plus `extra` more Jira sites, so searches span several pages. */
  function orgWithSites(extra: number) {
    const state = frozenState();
    for (let i = 0; i < extra; i++) {
      const id = stableUuid('test', `site:${i}`);
      state.sites.push({ id, productKey: 'jira-software', productName: 'Jira', name: `team-${String(i).padStart(2, '0')}`, url: `https://team-${i}.atlassian.net`, resourceId: `ari:cloud:jira-software::site/${id}` });
    }
    return state;
  }

  it('pages through every workspace with the cursor, in the requested order', () => {
    // Prepare
    const state = orgWithSites(10);
    // Act
    const names: string[] = [];
    let page = searchWorkspaces(state, { limit: 5, sort: [{ field: 'attributes.name', order: 'desc' }] });
    names.push(...page.sites.map((site) => site.name));
    while (page.nextCursor) {
      const { search, offset } = decodeWorkspaceCursor(page.nextCursor);
      page = searchWorkspaces(state, search, offset);
      names.push(...page.sites.map((site) => site.name));
    }
    // Assess
    expect(names).toHaveLength(12);
    expect(names).toEqual([...names].sort().reverse());
    expect(page.total).toBe(12);
  });

  it('filters with field, searchWorkspaces, and, nor, features and policies', () => {
    const state = orgWithSites(3);
    const names = (query: Parameters<typeof searchWorkspaces>[1]['query']) => searchWorkspaces(state, { limit: 100, query }).sites.map((s) => s.name);
    expect(names({ field: { name: 'attributes.type', values: ['confluence'] } })).toEqual(['acme-confluence']);
    expect(names({ searchWorkspaces: 'TEAM-01' })).toEqual(['team-01']);
    expect(names({ and: [{ field: { name: 'attributes.typeKey', values: ['jira-software'] } }, { nor: [{ searchWorkspaces: 'team' }] }] })).toEqual(['acme-jira']);
    expect(names({ features: ['sandbox'] })).toHaveLength(4);
    const policy = policiesOf(state).create({ type: 'ip-allowlist', resources: [{ id: state.sites[1].resourceId }] });
    expect(names({ policies: [policy.id] })).toEqual(['acme-confluence']);
  });

  it('rejects unknown fields (invalidWorkspaceField) and foreign cursors (invalidCursor)', () => {
    const state = frozenState();
    expect(errorKindOf(() => searchWorkspaces(state, { limit: 5, sort: [{ field: 'colour' }] }))).toBe('invalidWorkspaceField');
    expect(errorKindOf(() => decodeWorkspaceCursor('garbage'))).toBe('invalidCursor');
  });
});

describe('domains', () => {
  it('lists the verified org domain and a pending claim; lookups say invalidDomainId or domainNotFound', () => {
    const state = frozenState();
    const store = domainsOf(state);
    expect(store.list().map((d) => [d.name, d.claim.status])).toEqual([['acme.example', 'verified'], ['labs.acme.example', 'unverified']]);
    expect(store.get(store.list()[0].id).name).toBe('acme.example');
    expect(errorKindOf(() => store.get('acme.example'))).toBe('invalidDomainId');
    expect(errorKindOf(() => store.get('00000000-0000-4000-8000-000000000000'))).toBe('domainNotFound');
  });
});
