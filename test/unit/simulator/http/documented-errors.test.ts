import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SITES } from '../../../../local/simulator/index.js';
import { startTestSimulator, type TestSimulator } from '../sim-client.js';

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.control.reset());

const GHOST = '00000000-0000-4000-8000-000000000000';

/** One request per documented error status not covered by the endpoint-family tests. */
const cases: Array<{ name: string; method: string; path: () => string; body?: unknown; setup?: () => void; status: number; code: string }> = [
  { name: 'v1 restore-access of a removed user', method: 'POST', status: 404, code: 'ADMIN-404-8',
    setup: () => { sim.state.findUserByEmail('frank.audit@acme.example')!.membershipStatus = 'no_membership'; },
    path: () => `${sim.v1}/directory/users/${sim.state.findUserByEmail('frank.audit@acme.example')!.accountId}/restore-access` },
  { name: 'v1 remove membership of an IdP-synced group', method: 'DELETE', status: 403, code: 'ADMIN-403-5',
    path: () => `${sim.v1}/directory/groups/${sim.state.findGroupByName('okta-all-staff')!.id}/memberships/${sim.state.findUserByEmail('linus.torvalds@acme.example')!.accountId}` },
  { name: 'v1 remove membership of an unknown group', method: 'DELETE', status: 404, code: 'ADMIN-404-10',
    path: () => `${sim.v1}/directory/groups/${GHOST}/memberships/${sim.state.findUserByEmail('linus.torvalds@acme.example')!.accountId}` },
  { name: 'v1 group role assign with role APIs off', method: 'POST', status: 403, code: 'ADMIN-UAM-403-1',
    setup: () => sim.control.setBehaviour({ roleApis: 'forbidden' }),
    path: () => `${sim.v1}/directory/groups/${sim.state.findGroupByName('sales')!.id}/roles/revoke`,
    body: { roleAssociations: [{ resource: DEMO_SITES.jira.resourceId, role: 'atlassian/user' }] } },
  { name: 'v2 directories with a bad limit', method: 'GET', status: 400, code: 'ADMIN-400-24', path: () => `/v2/orgs/${sim.orgId}/directories?limit=0` },
  { name: 'v2 directories of another org', method: 'GET', status: 404, code: 'ADMIN-404-2', path: () => `/v2/orgs/${GHOST}/directories` },
  { name: 'v2 users/count with a bad filter', method: 'GET', status: 400, code: 'ADMIN-400-24', path: () => `${sim.v2}/users/count?accountStatus=asleep` },
  { name: 'v2 users/stats of another directory', method: 'GET', status: 404, code: 'ADMIN-404-1', path: () => `/v2/orgs/${sim.orgId}/directories/${GHOST}/users/stats` },
  { name: 'v2 role assignments of an unknown user', method: 'GET', status: 404, code: 'ADMIN-404-8', path: () => `${sim.v2}/users/${GHOST}/role-assignments` },
  { name: 'v2 role assignments with a bad cursor', method: 'GET', status: 400, code: 'ADMIN-400-1',
    path: () => `${sim.v2}/users/${sim.state.findUserByEmail('ada.lovelace@acme.example')!.accountId}/role-assignments?cursor=nope` },
  { name: 'v2 suspend of an unknown user', method: 'POST', status: 404, code: 'ADMIN-404-8', path: () => `${sim.v2}/users/${GHOST}/suspend` },
  { name: 'v2 create group without a name', method: 'POST', status: 400, code: 'ADMIN-400-24', path: () => `${sim.v2}/groups`, body: { description: 'x' } },
  { name: 'v2 groups/count of another org', method: 'GET', status: 404, code: 'ADMIN-404-2', path: () => `/v2/orgs/${GHOST}/directories/${sim.directoryId}/groups/count` },
  { name: 'v2 groups/search with a bad body', method: 'POST', status: 400, code: 'ADMIN-400-24', path: () => `${sim.v2}/groups/search`, body: { limit: 1000 } },
  { name: 'v2 delete an unknown group', method: 'DELETE', status: 404, code: 'ADMIN-404-10', path: () => `${sim.v2}/groups/${GHOST}` },
  { name: 'v2 add a member to an unknown group', method: 'POST', status: 404, code: 'ADMIN-404-10', path: () => `${sim.v2}/groups/${GHOST}/memberships`,
    body: { accountId: GHOST } },
  { name: 'v2 add an unknown user to a group', method: 'POST', status: 404, code: 'ADMIN-404-8',
    path: () => `${sim.v2}/groups/${sim.state.findGroupByName('sales')!.id}/memberships`, body: { accountId: GHOST } },
  { name: 'v2 add a member to an admin group', method: 'POST', status: 403, code: 'ADMIN-403-7',
    path: () => `${sim.v2}/groups/${sim.state.findGroupByName('org-admins')!.id}/memberships`,
    body: () => ({ accountId: sim.state.findUserByEmail('ada.lovelace@acme.example')!.accountId }) },
  { name: 'v2 group role assignments of an unknown group', method: 'GET', status: 404, code: 'ADMIN-404-10', path: () => `${sim.v2}/groups/${GHOST}/role-assignments` },
  { name: 'v2 group role assign with a bad body', method: 'POST', status: 400, code: 'ADMIN-400-24',
    path: () => `${sim.v2}/groups/${sim.state.findGroupByName('sales')!.id}/role-assignments/assign`, body: { resource: 'x', role: 'y' } },
  { name: 'v2 group role revoke on an unknown group', method: 'POST', status: 404, code: 'ADMIN-404-10',
    path: () => `${sim.v2}/groups/${GHOST}/role-assignments/revoke`, body: { resourceId: DEMO_SITES.jira.resourceId, roleId: 'atlassian/user' } },
  { name: 'v2 invite to another org', method: 'POST', status: 404, code: 'ADMIN-UAM-404-2', path: () => `/v2/orgs/${GHOST}/users/invite`, body: { emails: ['a@acme.example'] } },
];

describe('documented error statuses', () => {
  it.each(cases)('$name -> $status $code', async ({ method, path, body, setup, status, code }) => {
    // Prepare
    setup?.();

    // Act
    const response = await sim.api(method, path(), typeof body === 'function' ? body() : body);

    // Assess
    expect([response.status, response.body?.errors?.[0]?.code]).toEqual([status, code]);
    expect(response.body.errors[0].detail ?? response.body.errors[0].title).toEqual(expect.any(String));
  });
});
