import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, type RunningSimulator } from '../../../local/simulator/index.js';
import type { AtlassianAdminApi } from '../../../functions/lib/atlassian/admin-api.js';
import { collect } from '../../../functions/lib/atlassian/pagination.js';
import { adminApiFor, startTestSimulator } from './support/sim-client.js';

const ids = demoIds();
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('typed Admin API: orgs, domains, events, policies, workspaces (seed)', () => {
  let sim: RunningSimulator;
  let api: AtlassianAdminApi;

  beforeAll(async () => {
    sim = await startTestSimulator();
    api = adminApiFor(sim);
  });
  afterAll(() => sim.close());

  it('lists orgs and gets the org; an unknown org is NotFound', async () => {
    const orgs = await collect(api.v1.orgs.iterateOrgs());
    expect(orgs.map((o) => o.id)).toContain(sim.orgId);
    await expect(api.v1.orgs.getOrg()).resolves.toMatchObject({ id: sim.orgId, type: 'orgs', attributes: { name: 'Acme Corporation' } });
    await expect(api.v1.orgs.getOrg(MISSING)).rejects.toMatchObject({ name: 'Atlassian.NotFound', operation: 'v1.getOrg' });
  });

  it('lists domains with their claim status and gets one by id', async () => {
    const domains = await collect(api.v1.orgs.iterateDomains());
    const acme = domains.find((d) => d.attributes.name === 'acme.example');
    expect(acme?.attributes.claim?.status).toBeTruthy();
    await expect(api.v1.orgs.getDomain(acme!.id)).resolves.toMatchObject({ id: acme!.id });
    await expect(api.v1.orgs.getDomain('no-such-domain')).rejects.toHaveProperty('name', expect.stringMatching(/Atlassian\.(NotFound|BadRequest)/));
  });

  it('finds the event a change produced, gets it by id, and pages through events', async () => {
    // Prepare: a change that the audit log must record
    const alan = ids.accountId('alan.turing@acme.example');
    await api.v2.users.suspendUser(sim.directoryId, alan);
    await api.v2.users.restoreUser(sim.directoryId, alan);
    // Act
    const page = await api.v1.events.listEvents({ action: 'user_suspended_from_org', limit: 5 });
    // Assess
    const event = page.data.find((e) => e.attributes.context.some((c) => c.id === alan));
    expect(event).toBeDefined();
    await expect(api.v1.events.getEvent(event!.id)).resolves.toMatchObject({ id: event!.id, attributes: { action: 'user_suspended_from_org' } });
    const all = await collect(api.v1.events.iterateEvents({ limit: 1 }));
    expect(all.length).toBeGreaterThan(1);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    await expect(api.v1.events.getEvent('no-such-event')).rejects.toMatchObject({ name: 'Atlassian.NotFound' });
    await expect(api.v1.events.listEvents({}, 'bad-cursor')).rejects.toMatchObject({ name: 'Atlassian.BadRequest', code: 'ADMIN-400-1' });
  });

  it('lists event actions', async () => {
    const actions = await api.v1.events.listEventActions();
    expect(actions.length).toBeGreaterThan(0);
    expect(actions[0].attributes.displayName).toBeTruthy();
  });

  it('runs the policy lifecycle: create, get, update, resources, validate, list, delete', async () => {
    const created = await api.v1.policies.createPolicy({
      data: { type: 'policy', attributes: { type: 'ip-allowlist', name: 'Office network', status: 'enabled', rule: { in: ['10.0.0.0/8'] } } },
    });
    expect(created).toMatchObject({ type: 'policy', attributes: { type: 'ip-allowlist' } });
    await expect(api.v1.policies.getPolicy(created.id)).resolves.toMatchObject({ id: created.id });
    await api.v1.policies.updatePolicy(created.id, {
      data: { id: created.id, type: 'policy', attributes: { type: 'ip-allowlist', name: 'Office network v2' } },
    });
    await expect(api.v1.policies.getPolicy(created.id)).resolves.toMatchObject({ attributes: { name: 'Office network v2' } });
    const resourceId = ids.sites.jira.resourceId;
    await api.v1.policies.addPolicyResource(created.id, { id: resourceId });
    await api.v1.policies.updatePolicyResource(created.id, resourceId, { meta: { scheduledDate: '2026-12-01' } });
    await api.v1.policies.validatePolicy(created.id);
    await api.v1.policies.deletePolicyResource(created.id, resourceId);
    // Without resources the policy no longer validates: a named error, not a crash.
    await expect(api.v1.policies.validatePolicy(created.id)).rejects.toMatchObject({ name: 'Atlassian.BadRequest', status: 400 });
    const listed = await collect(api.v1.policies.iteratePolicies());
    expect(listed.map((p) => p.id)).toContain(created.id);
    await api.v1.policies.deletePolicy(created.id);
    await expect(api.v1.policies.getPolicy(created.id)).rejects.toMatchObject({ name: 'Atlassian.NotFound' });
  });

  it('pages through workspaces with the body cursor', async () => {
    const workspaces = await collect(api.v2.workspaces.iterateWorkspaces({ limit: 1 }));
    expect(workspaces.length).toBeGreaterThanOrEqual(2);
    expect(new Set(workspaces.map((w) => w.id)).size).toBe(workspaces.length);
  });
});
