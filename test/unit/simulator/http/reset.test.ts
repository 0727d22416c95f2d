import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITES } from '../../../../local/simulator/index.js';
import { startTestSimulator, type TestSimulator } from '../sim-client.js';

// Started with non-default behaviour, so "as started" and "the defaults" differ.
const STARTED_WITH = { roleApis: 'enabled', paidSubscription: true, licenseLimit: 500 } as const;

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator({ behaviour: { licenseLimit: STARTED_WITH.licenseLimit } });
});
afterAll(() => sim.close());

describe('POST /__control/reset restores the org behaviour it was started with', () => {
  it('undoes PUT /behaviour: role APIs, paid subscription and license limit work as at start again', async () => {
    // Prepare
    const sales = sim.state.findGroupByName('sales')!.id;
    const roleBody = { resourceId: DEMO_SITES.jira.resourceId, roleId: 'atlassian/user' };
    const changed = await sim.controlApi('PUT', '/behaviour', { roleApis: 'forbidden', paidSubscription: false, licenseLimit: 0 });
    const roleWhileOff = await sim.api('POST', `${sim.v2}/groups/${sales}/role-assignments/assign`, roleBody);
    const inviteWhileUnpaid = await sim.api('POST', `/v2/orgs/${sim.orgId}/users/invite`, { emails: ['while.unpaid@acme.example'] });

    // Act
    const reset = await sim.controlApi('POST', '/reset');
    const role = await sim.api('POST', `${sim.v2}/groups/${sim.state.findGroupByName('sales')!.id}/role-assignments/assign`, roleBody);
    const invite = await sim.api('POST', `/v2/orgs/${sim.orgId}/users/invite`, { emails: ['after.reset@acme.example'] });

    // Assess
    expect(changed.body).toEqual({ roleApis: 'forbidden', paidSubscription: false, licenseLimit: 0 });
    expect([roleWhileOff.status, inviteWhileUnpaid.status]).toEqual([403, 402]);
    expect(reset.status).toBe(200);
    expect(reset.body.behaviour).toEqual(STARTED_WITH);
    expect(sim.control.summary().behaviour).toEqual(STARTED_WITH);
    expect(role.status).toBe(200);
    expect(invite.status).toBe(200);
  });

  it('keeps the clock running (documented): reset does not move simulated time back', async () => {
    // Prepare
    await sim.controlApi('PUT', '/clock', { now: '2030-01-01T00:00:00Z', timeScale: 0 });

    // Act
    sim.control.reset();

    // Assess
    expect(sim.control.summary().clock).toEqual({ now: '2030-01-01T00:00:00.000Z', timeScale: 0 });
  });

  it('says in the endpoint list what reset restores', async () => {
    // Act
    const help = await sim.controlApi('GET', '');

    // Assess
    expect(help.body['POST /__control/reset']).toMatch(/behaviour/);
    expect(help.body['POST /__control/reset']).toMatch(/clock keeps running/);
  });
});
