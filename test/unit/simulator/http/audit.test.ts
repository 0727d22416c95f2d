import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLogOf } from '../../../../local/simulator/model/audit.js';
import { DEMO_ORG_ADMIN_ACCOUNT_ID, DEMO_SITES } from '../../../../local/simulator/index.js';
import { startTestSimulator, type TestSimulator } from '../sim-client.js';

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.control.reset());

describe('audit trail of directory changes', () => {
  it('records one event per change made through v1 and v2, as the API key owner, and nothing for reads or no-ops', async () => {
    // Prepare
    const ada = sim.state.findUserByEmail('ada.lovelace@acme.example')!.accountId;
    const ken = sim.state.findUserByEmail('ken.thompson@acme.example')!.accountId;
    const sales = sim.state.findGroupByName('sales')!.id;
    const startedAt = Math.floor(sim.state.clock.nowMs());

    // Act
    await sim.api('POST', `${sim.v2}/users/${ada}/suspend`);
    await sim.api('POST', `${sim.v2}/users/${ken}/suspend`); // already suspended: no event
    await sim.api('POST', `${sim.v1}/directory/users/${ada}/restore-access`);
    await sim.api('POST', `${sim.v2}/groups/${sales}/memberships`, { accountId: ada });
    await sim.api('POST', `${sim.v1}/users/${ada}/roles/assign`, { role: 'atlassian/admin', resource: DEMO_SITES.jira.resourceId });
    const created = await sim.api('POST', `${sim.v2}/groups`, { name: 'audited' });
    await sim.api('DELETE', `${sim.v2}/groups/${created.body.id}`);
    await sim.api('POST', `/v2/orgs/${sim.orgId}/users/invite`, { emails: ['audit.me@acme.example'] });
    await sim.api('DELETE', `${sim.v2}/users/${ken}`);
    await sim.api('POST', `${sim.v2}/users/search`, {});
    const log = auditLogOf(sim.state);

    // Assess
    const events = log.query({ limit: 100 }).events.reverse();
    expect(events.map((event) => event.action)).toEqual([
      'user_suspended_from_org', 'user_restored_to_org', 'user_added_to_group', 'user_role_assigned',
      'group_created', 'group_deleted', 'user_invited', 'user_removed_from_directory',
    ]);
    expect(events[0]).toMatchObject({ actor: { id: DEMO_ORG_ADMIN_ACCOUNT_ID, name: 'Olivia Admin' }, objects: [{ type: 'user', id: ada }] });
    // Stamped with the simulated clock (which started on 2026-11-01), not the wall clock.
    expect(events[0].time).toBeGreaterThanOrEqual(startedAt);
    expect(events.at(-1)!.time).toBeLessThanOrEqual(sim.state.clock.nowMs());
  });

  it('starts empty again after a reset', async () => {
    // Prepare
    await sim.api('POST', `${sim.v2}/groups`, { name: 'temporary' });

    // Act
    sim.control.reset();

    // Assess
    expect(auditLogOf(sim.state).size).toBe(0);
  });
});
