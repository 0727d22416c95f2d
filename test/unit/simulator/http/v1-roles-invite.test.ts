import { describe, expect, it } from 'vitest';
import { DEMO_SITES } from '../../../../local/simulator/index.js';
import { codeOf, useTestSimulator } from './shared-simulator.js';

const { sim, accountOf } = useTestSimulator();

describe('POST /v1/orgs/{orgId}/users/invite', () => {
  it('invites (202 with the new account id) and grants the permission rule', async () => {
    // Act
    const invite = await sim().api('POST', `${sim().v1}/users/invite`, { email: 'nina.new@acme.example', permissionRule: { resource: DEMO_SITES.confluence.resourceId, role: 'atlassian/user' } });

    // Assess
    expect(invite.status).toBe(202);
    const nina = sim().state.findUserByEmail('nina.new@acme.example')!;
    expect(invite.body).toEqual([nina.accountId]);
    expect(sim().state.rolesOf('user', nina.accountId).get(DEMO_SITES.confluence.resourceId)?.has('atlassian/user')).toBe(true);
  });

  it('answers 409 for an existing member, 402 without a paid subscription, 409 over the license, 400 for a bad email', async () => {
    // Act
    const existing = await sim().api('POST', `${sim().v1}/users/invite`, { email: 'ada.lovelace@acme.example' });
    const badEmail = await sim().api('POST', `${sim().v1}/users/invite`, { email: 'nope' });
    sim().control.setBehaviour({ licenseLimit: sim().state.countActiveMembers() });
    const overLimit = await sim().api('POST', `${sim().v1}/users/invite`, { email: 'one.more@acme.example' });
    sim().control.setBehaviour({ paidSubscription: false });
    const unpaid = await sim().api('POST', `${sim().v1}/users/invite`, { email: 'one.more@acme.example' });

    // Assess
    expect([existing, badEmail, overLimit, unpaid].map((r) => [r.status, codeOf(r)])).toEqual([
      [409, 'ADMIN-UAM-409-2'], [400, 'ADMIN-UAM-400-1'], [409, 'ADMIN-UAM-409-3'], [402, 'ADMIN-UAM-402-1'],
    ]);
  });
});

describe('v1 user role endpoints', () => {
  it('assigns and revokes site roles and the org-admin role (204)', async () => {
    // Prepare
    const sam = accountOf('sam.seller@acme.example');

    // Act
    const assign = await sim().api('POST', `${sim().v1}/users/${sam}/roles/assign`, { role: 'atlassian/admin', resource: DEMO_SITES.jira.resourceId });
    const siteRole = sim().state.rolesOf('user', sam).get(DEMO_SITES.jira.resourceId)?.has('atlassian/admin');
    const revoke = await sim().api('POST', `${sim().v1}/users/${sam}/roles/revoke`, { role: 'atlassian/admin', resource: DEMO_SITES.jira.resourceId });
    const orgAdmin = await sim().api('POST', `${sim().v1}/users/${sam}/role-assignments/assign`, { role: 'atlassian/org-admin' });
    const platform = [...sim().state.getUser(sam)!.platformRoles];
    const orgAdminRevoke = await sim().api('POST', `${sim().v1}/users/${sam}/role-assignments/revoke`, { role: 'atlassian/org-admin' });

    // Assess
    expect([assign.status, siteRole, revoke.status, orgAdmin.status, platform, orgAdminRevoke.status]).toEqual([204, true, 204, 204, ['atlassian/org-admin'], 204]);
    expect(sim().state.getUser(sam)!.platformRoles.size).toBe(0);
  });

  it('answers 400 for a bad role, 404 for an unknown user or site, and 403/404 "contact support" when role APIs are off', async () => {
    // Prepare
    const sam = accountOf('sam.seller@acme.example');
    const body = { role: 'atlassian/user', resource: DEMO_SITES.jira.resourceId };

    // Act
    const badRole = await sim().api('POST', `${sim().v1}/users/${sam}/role-assignments/assign`, { role: 'atlassian/user' });
    const unknownUser = await sim().api('POST', `${sim().v1}/users/ghost/roles/assign`, body);
    const unknownSite = await sim().api('POST', `${sim().v1}/users/${sam}/roles/assign`, { role: 'atlassian/user', resource: 'ari:cloud:jira-software::site/x' });
    sim().control.setBehaviour({ roleApis: 'forbidden' });
    const forbidden = await sim().api('POST', `${sim().v1}/users/${sam}/roles/assign`, body);
    sim().control.setBehaviour({ roleApis: 'notFound' });
    const notFound = await sim().api('POST', `${sim().v1}/users/${sam}/roles/revoke`, body);

    // Assess
    expect([badRole, unknownUser, unknownSite, forbidden, notFound].map((r) => [r.status, codeOf(r)])).toEqual([
      [400, 'ADMIN-UAM-400-1'], [404, 'ADMIN-UAM-404-1'], [404, 'ADMIN-UAM-404-1'], [403, 'ADMIN-UAM-403-1'], [404, 'ADMIN-UAM-404-1'],
    ]);
    expect(forbidden.body.errors[0].detail).toMatch(/Contact Atlassian Support/);
  });
});
