import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SITES } from '../../../../local/simulator/index.js';
import { startTestSimulator, type TestSimulator } from '../sim-client.js';

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.control.reset());

const path = () => `/v2/orgs/${sim.orgId}/users/invite`;
const codeOf = (response: { body: any }) => response.body?.errors?.[0]?.code;

describe('POST /v2/orgs/{orgId}/users/invite', () => {
  it('invites with groups and roles (200), and is idempotent for existing members', async () => {
    // Prepare
    const engineering = sim.state.findGroupByName('engineering')!.id;

    // Act
    const invite = await sim.api('POST', path(), { emails: ['neo.hire@acme.example', 'ada.lovelace@acme.example'], additionalGroups: [engineering],
      permissionRules: [{ resource: DEMO_SITES.jira.resourceId, role: 'atlassian/user' }] });

    // Assess
    expect(invite.status).toBe(200);
    const neo = sim.state.findUserByEmail('neo.hire@acme.example')!;
    expect(invite.body.data).toEqual([
      { email: 'neo.hire@acme.example', id: neo.accountId, results: [{
        groupAssignmentResult: [{ group: engineering, status: 'INVITED', statusReason: null }],
        roleAssignmentResult: [{ resource: DEMO_SITES.jira.resourceId, role: 'atlassian/user', status: 'INVITED', statusReason: null }] }] },
      expect.objectContaining({ email: 'ada.lovelace@acme.example', id: sim.state.findUserByEmail('ada.lovelace@acme.example')!.accountId }),
    ]);
    expect(sim.state.isMember(engineering, neo.accountId)).toBe(true);
  });

  it('answers 206 when a group or role could not be applied', async () => {
    // Act
    const invite = await sim.api('POST', path(), { emails: ['partial@acme.example'], additionalGroups: [sim.state.findGroupByName('okta-all-staff')!.id] });

    // Assess
    expect(invite.status).toBe(206);
    expect(invite.body.data[0].results[0].groupAssignmentResult[0]).toMatchObject({ status: 'ERROR', statusReason: expect.stringMatching(/identity provider/) });
  });

  it('answers 400 for bad emails, 402 without a subscription, 409 over the license (206 when some got in)', async () => {
    // Act
    const bad = await sim.api('POST', path(), { emails: [] });
    sim.control.setBehaviour({ licenseLimit: sim.state.countActiveMembers() + 1 });
    const someIn = await sim.api('POST', path(), { emails: ['first@acme.example', 'second@acme.example'] });
    const noneIn = await sim.api('POST', path(), { emails: ['third@acme.example'] });
    sim.control.setBehaviour({ paidSubscription: false });
    const unpaid = await sim.api('POST', path(), { emails: ['fourth@acme.example'] });

    // Assess
    expect([bad.status, codeOf(bad)]).toEqual([400, 'ADMIN-UAM-400-1']);
    expect([someIn.status, someIn.body.data.map((entry: { id?: string }) => Boolean(entry.id))]).toEqual([206, [true, false]]);
    expect([noneIn.status, codeOf(noneIn)]).toEqual([409, 'ADMIN-UAM-409-3']);
    expect([unpaid.status, codeOf(unpaid)]).toEqual([402, 'ADMIN-UAM-402-1']);
  });
});
