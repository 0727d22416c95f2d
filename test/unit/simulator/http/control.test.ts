import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITES } from '../../../../local/simulator/index.js';
import { startTestSimulator, type TestSimulator } from '../sim-client.js';

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

describe('control endpoint /__control', () => {
  it('lists its endpoints and summarises the state', async () => {
    // Act
    const help = await sim.controlApi('GET', '');
    const state = await sim.controlApi('GET', '/state');

    // Assess
    expect(Object.keys(help.body)).toContain('POST /__control/reset');
    expect(state.body).toMatchObject({ orgId: sim.orgId, directoryId: sim.directoryId, users: { total: sim.state.users.size, suspended: 3 },
      sites: [expect.objectContaining({ resourceId: DEMO_SITES.jira.resourceId }), expect.objectContaining({ productKey: 'confluence' })] });
  });

  it('seeds users and groups, then resets back to the generated org', async () => {
    // Act
    const groups = await sim.controlApi('POST', '/groups', [{ name: 'qa', roles: [{ site: DEMO_SITES.jira.id, role: 'atlassian/user' }] }]);
    const users = await sim.controlApi('POST', '/users', { users: [{ email: 'tess.tester@acme.example', groups: ['qa'], department: 'Engineering' }] });
    const found = await sim.api('POST', `${sim.v2}/users/search`, { emails: ['tess.tester@acme.example'], expand: ['groups'] });
    const reset = await sim.controlApi('POST', '/reset');
    const gone = await sim.api('POST', `${sim.v2}/users/search`, { emails: ['tess.tester@acme.example'] });

    // Assess
    expect(groups.body.groupIds).toHaveLength(1);
    expect(users.body.accountIds).toHaveLength(1);
    expect(found.body.data[0]).toMatchObject({ department: 'Engineering', groups: [{ id: groups.body.groupIds[0], name: 'qa' }] });
    expect(reset.status).toBe(200);
    expect(gone.body.data).toEqual([]);
    expect(sim.state.findGroupByName('qa')).toBeUndefined();
  });

  it('reset also restores behaviour, rate limits and start-up faults', async () => {
    // Prepare
    sim.control.setBehaviour({ roleApis: 'forbidden', paidSubscription: false });
    sim.control.setRateLimits({ default: 1 });
    sim.control.setFaults([{ rate5xx: 1 }]);

    // Act
    sim.control.reset();
    const summary = sim.control.summary();

    // Assess
    expect(summary.behaviour).toEqual({ roleApis: 'enabled', paidSubscription: true, licenseLimit: null });
    expect(summary.rateLimits).toEqual({ default: 1000, lastActiveDates: 200, events: 10 });
    expect(summary.faults).toEqual({ rules: [], scripted: [] });
  });

  it('changes the clock and org behaviour', async () => {
    // Act
    const clock = await sim.controlApi('PUT', '/clock', { now: '2027-01-01T00:00:00Z', timeScale: 0 });
    const behaviour = await sim.controlApi('PUT', '/behaviour', { roleApis: 'notFound', licenseLimit: 50 });
    const restored = await sim.controlApi('PUT', '/behaviour', { roleApis: 'enabled', licenseLimit: null });

    // Assess
    expect(clock.body).toEqual({ now: '2027-01-01T00:00:00.000Z', timeScale: 0 });
    expect(behaviour.body).toMatchObject({ roleApis: 'notFound', licenseLimit: 50 });
    expect(restored.body).toMatchObject({ roleApis: 'enabled', licenseLimit: null });
  });

  it('says what is wrong with bad control input, and 404s unknown control paths', async () => {
    // Act
    const badUser = await sim.controlApi('POST', '/users', [{ email: 'x@acme.example', groups: ['nope'] }]);
    const badClock = await sim.controlApi('PUT', '/clock', { timeScale: -1 });
    const notList = await sim.controlApi('POST', '/groups', { name: 'x' });
    const unknown = await sim.controlApi('GET', '/nothing');

    // Assess
    expect([badUser.status, badUser.body.error]).toEqual([400, expect.stringMatching(/Unknown group "nope"/)]);
    expect(badClock.status).toBe(400);
    expect([notList.status, notList.body.error]).toEqual([400, expect.stringMatching(/"groups" array/)]);
    expect(unknown.status).toBe(404);
  });
});
