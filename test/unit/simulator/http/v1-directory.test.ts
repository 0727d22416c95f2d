import { describe, expect, it } from 'vitest';
import { DEMO_SITES } from '../../../../local/simulator/index.js';
import { codeOf, useTestSimulator } from './shared-simulator.js';

const { sim, accountOf, groupOf } = useTestSimulator();

describe('v1 suspend / restore / remove', () => {
  it('suspends and restores (200 with a message, also when already in that state)', async () => {
    // Prepare
    const alan = accountOf('alan.turing@acme.example');

    // Act
    const suspend = await sim().api('POST', `${sim().v1}/directory/users/${alan}/suspend-access`);
    const suspendAgain = await sim().api('POST', `${sim().v1}/directory/users/${alan}/suspend-access`);
    const status = sim().state.getUser(alan)!.membershipStatus;
    const restore = await sim().api('POST', `${sim().v1}/directory/users/${alan}/restore-access`);

    // Assess
    expect([suspend.status, suspendAgain.status, restore.status]).toEqual([200, 200, 200]);
    expect(suspend.body.message).toMatch(/suspended/);
    expect(status).toBe('suspended');
    expect(sim().state.getUser(alan)!.membershipStatus).toBe('active');
  });

  it('removes a user (204), then answers 404 ADMIN-404-8 for them', async () => {
    // Prepare
    const sven = accountOf('sven.deal@acme.example');

    // Act
    const remove = await sim().api('DELETE', `${sim().v1}/directory/users/${sven}`);
    const again = await sim().api('DELETE', `${sim().v1}/directory/users/${sven}`);
    const suspend = await sim().api('POST', `${sim().v1}/directory/users/${sven}/suspend-access`);

    // Assess
    expect([remove.status, remove.body]).toEqual([204, undefined]);
    expect([again.status, codeOf(again)]).toEqual([404, 'ADMIN-404-8']);
    expect([suspend.status, codeOf(suspend)]).toEqual([404, 'ADMIN-404-8']);
  });

  it('restoring beyond the license limit is 409 ADMIN-409-3', async () => {
    // Prepare
    sim().control.setBehaviour({ licenseLimit: sim().state.countActiveMembers() });

    // Act
    const restore = await sim().api('POST', `${sim().v1}/directory/users/${accountOf('ken.thompson@acme.example')}/restore-access`);

    // Assess
    expect([restore.status, codeOf(restore)]).toEqual([409, 'ADMIN-409-3']);
  });
});

describe('v1 groups and memberships', () => {
  it('creates a group (200 groupId), refuses a taken name with 400 and a missing name with 400', async () => {
    // Act
    const created = await sim().api('POST', `${sim().v1}/directory/groups`, { name: 'platform-team' });
    const taken = await sim().api('POST', `${sim().v1}/directory/groups`, { name: 'platform-team' });
    const missing = await sim().api('POST', `${sim().v1}/directory/groups`, {});

    // Assess
    expect(created.status).toBe(200);
    expect(sim().state.getGroup(created.body.groupId)?.name).toBe('platform-team');
    expect([taken.status, codeOf(taken)]).toEqual([400, 'ADMIN-400-24']);
    expect([missing.status, codeOf(missing)]).toEqual([400, 'ADMIN-400-24']);
    expect(missing.body.errors[0].detail).toMatch(/name/);
  });

  it('deletes groups: 409 when not empty unless forced, 403 for protected groups, 404 when unknown', async () => {
    // Act
    const notEmpty = await sim().api('DELETE', `${sim().v1}/directory/groups/${groupOf('finance')}`);
    const forced = await sim().api('DELETE', `${sim().v1}/directory/groups/${groupOf('finance')}?forceIfNotEmpty=true`);
    const synced = await sim().api('DELETE', `${sim().v1}/directory/groups/${groupOf('okta-all-staff')}?forceIfNotEmpty=true`);
    const admin = await sim().api('DELETE', `${sim().v1}/directory/groups/${groupOf('site-admins')}?forceIfNotEmpty=true`);
    const defaultAccess = await sim().api('DELETE', `${sim().v1}/directory/groups/${groupOf('confluence-users')}?forceIfNotEmpty=true`);
    const unknown = await sim().api('DELETE', `${sim().v1}/directory/groups/00000000-0000-4000-8000-000000000000`);

    // Assess
    expect([notEmpty.status, codeOf(notEmpty)]).toEqual([409, 'ADMIN-409-5']);
    expect(forced.status).toBe(200);
    expect([synced, admin, defaultAccess].map((r) => [r.status, codeOf(r)])).toEqual([[403, 'ADMIN-403-5'], [403, 'ADMIN-403-7'], [403, 'ADMIN-403-6']]);
    expect([unknown.status, codeOf(unknown)]).toEqual([404, 'ADMIN-404-10']);
  });

  it('adds and removes members with the documented conflicts', async () => {
    // Prepare
    const sales = groupOf('sales');
    const ada = accountOf('ada.lovelace@acme.example');

    // Act
    const add = await sim().api('POST', `${sim().v1}/directory/groups/${sales}/memberships`, { account_id: ada });
    const addAgain = await sim().api('POST', `${sim().v1}/directory/groups/${sales}/memberships`, { account_id: ada });
    const remove = await sim().api('DELETE', `${sim().v1}/directory/groups/${sales}/memberships/${ada}`);
    const removeAgain = await sim().api('DELETE', `${sim().v1}/directory/groups/${sales}/memberships/${ada}`);
    const synced = await sim().api('POST', `${sim().v1}/directory/groups/${groupOf('okta-all-staff')}/memberships`, { account_id: ada });
    const badBody = await sim().api('POST', `${sim().v1}/directory/groups/${sales}/memberships`, { accountId: ada });
    const unknownUser = await sim().api('POST', `${sim().v1}/directory/groups/${sales}/memberships`, { account_id: 'ghost' });

    // Assess
    expect([add.status, remove.status]).toEqual([200, 200]);
    expect([addAgain, removeAgain, synced, badBody, unknownUser].map((r) => [r.status, codeOf(r)])).toEqual([
      [409, 'ADMIN-409-28'], [404, 'ADMIN-404-8'], [403, 'ADMIN-403-5'], [400, 'ADMIN-400-24'], [404, 'ADMIN-404-8'],
    ]);
  });

  it('assigns and revokes group roles (202) and reports bad input in the UAM shape', async () => {
    // Prepare
    const sales = groupOf('sales');
    const body = { roleAssociations: [{ resource: DEMO_SITES.jira.resourceId, role: 'atlassian/user' }] };

    // Act
    const assign = await sim().api('POST', `${sim().v1}/directory/groups/${sales}/roles/assign`, body);
    const held = sim().state.rolesOf('group', sales).get(DEMO_SITES.jira.resourceId)?.has('atlassian/user');
    const revoke = await sim().api('POST', `${sim().v1}/directory/groups/${sales}/roles/revoke`, body);
    const badRole = await sim().api('POST', `${sim().v1}/directory/groups/${sales}/roles/assign`, { roleAssociations: [{ resource: 'x', role: 'atlassian/god' }] });
    const unknownGroup = await sim().api('POST', `${sim().v1}/directory/groups/00000000-0000-4000-8000-000000000000/roles/assign`, body);

    // Assess
    expect([assign.status, assign.body.message, held, revoke.status]).toEqual([202, expect.any(String), true, 202]);
    expect(sim().state.rolesOf('group', sales).get(DEMO_SITES.jira.resourceId)).toBeUndefined();
    expect([badRole.status, codeOf(badRole), badRole.body.errors[0].id]).toEqual([400, 'ADMIN-UAM-400-1', undefined]);
    expect([unknownGroup.status, codeOf(unknownGroup)]).toEqual([404, 'ADMIN-UAM-404-3']);
  });
});

describe('POST /v1/orgs/{orgId}/groups/search', () => {
  it('pages groups with a token cursor and filters by name', async () => {
    // Prepare
    const names: string[] = [];
    let cursor: string | undefined;

    // Act
    do {
      const page = await sim().api('POST', `${sim().v1}/groups/search`, { limit: 3, cursor, expand: ['MANAGEMENT_ACCESS'] });
      names.push(...page.body.data.map((group: { name: string }) => group.name));
      cursor = page.body.links.next;
    } while (cursor);
    const byName = await sim().api('POST', `${sim().v1}/groups/search`, { groupNames: { eq: ['okta-all-staff'] }, expand: ['MANAGEMENT_ACCESS', 'ROLE_ASSIGNMENTS'] });

    // Assess
    expect(names).toHaveLength(sim().state.groups.size);
    expect(byName.body.data).toEqual([expect.objectContaining({ name: 'okta-all-staff', externalSynced: true,
      managementAccess: { readable: true, modifiable: false, deletable: false }, roleAssignments: [expect.objectContaining({ roleId: 'atlassian/user' })] })]);
  });
});
