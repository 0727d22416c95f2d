import { describe, expect, it } from 'vitest';
import { DEMO_SITES } from '../../../../local/simulator/index.js';
import { codeOf, useTestSimulator } from './shared-simulator.js';

const { sim, accountOf, groupOf } = useTestSimulator();

describe('v2 group reads', () => {
  it('lists groups over several pages (GET) and searches them (POST) with token cursors', async () => {
    // Prepare
    const listed: string[] = [];
    let cursor: string | undefined;

    // Act
    do {
      const page = await sim().api('GET', `${sim().v2}/groups?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      listed.push(...page.body.data.map((group: { name: string }) => group.name));
      cursor = page.body.links.next;
    } while (cursor);
    const search = await sim().api('POST', `${sim().v2}/groups/search`, { searchTerm: 'engineering', expand: ['counts.users'], sortBy: [{ field: 'name', direction: 'desc' }] });
    const byMember = await sim().api('POST', `${sim().v2}/groups/search`, { accountIds: [accountOf('linus.torvalds@acme.example')], limit: 100 });

    // Assess
    expect(listed).toHaveLength(sim().state.groups.size);
    expect(search.body.data.map((group: { name: string }) => group.name)).toEqual(['engineering-leads', 'engineering']);
    expect(search.body.data[1].counts).toEqual({ users: sim().state.membersOf(groupOf('engineering')).size });
    expect(byMember.body.data.map((group: { name: string }) => group.name)).toContain('okta-all-staff');
  });

  it('pages group searches with a token cursor and rejects foreign cursors with ADMIN-400-1', async () => {
    // Prepare
    const names: string[] = [];
    let cursor: string | undefined;

    // Act
    do {
      const page = await sim().api('POST', `${sim().v2}/groups/search`, { limit: 3, cursor });
      names.push(...page.body.data.map((group: { name: string }) => group.name));
      cursor = page.body.links.next;
    } while (cursor);
    const userCursor = (await sim().api('POST', `${sim().v2}/users/search`, { limit: 1 })).body.links.next;
    const foreign = await sim().api('POST', `${sim().v2}/groups/search`, { cursor: userCursor });
    const v1Foreign = await sim().api('POST', `${sim().v1}/groups/search`, { cursor: userCursor });

    // Assess
    expect(names).toEqual([...sim().state.groups.values()].map((group) => group.name));
    expect([foreign.status, codeOf(foreign), v1Foreign.status, codeOf(v1Foreign)]).toEqual([400, 'ADMIN-400-1', 400, 'ADMIN-400-1']);
  });

  it('returns details with managementAccess, counts, stats, and 404 for an unknown group', async () => {
    // Act
    const okta = await sim().api('GET', `${sim().v2}/groups/${groupOf('okta-all-staff')}`);
    const count = await sim().api('GET', `${sim().v2}/groups/count?searchTerm=users`);
    const stats = await sim().api('GET', `${sim().v2}/groups/stats`);
    const unknown = await sim().api('GET', `${sim().v2}/groups/ghost`);

    // Assess
    expect(okta.body.data).toMatchObject({ name: 'okta-all-staff', externalSynced: true, managedBy: 'external',
      managementAccess: { readable: true, modifiable: false, deletable: false }, directoryId: sim().directoryId });
    expect(count.body.count).toBe(2);
    expect(stats.body.totals).toEqual({ all: sim().state.groups.size, managed: sim().state.groups.size - 1, synced: 1 });
    expect([unknown.status, codeOf(unknown)]).toEqual([404, 'ADMIN-404-10']);
  });

  it('lists a group\'s role assignments', async () => {
    // Act
    const roles = await sim().api('GET', `${sim().v2}/groups/${groupOf('engineering')}/role-assignments`);

    // Assess
    expect(roles.body.data).toEqual(expect.arrayContaining([
      { resourceId: DEMO_SITES.jira.resourceId, resourceOwner: 'jira-software', roles: ['atlassian/user'], defaultRole: null },
      { resourceId: DEMO_SITES.confluence.resourceId, resourceOwner: 'confluence', roles: ['atlassian/user'], defaultRole: null },
    ]));
  });
});

describe('v2 group writes', () => {
  it('creates (201 with the group) and refuses a taken name with 409', async () => {
    // Act
    const created = await sim().api('POST', `${sim().v2}/groups`, { name: 'design' });
    const taken = await sim().api('POST', `${sim().v2}/groups`, { name: 'Design' });

    // Assess
    expect([created.status, created.body.name, sim().state.getGroup(created.body.id)?.name]).toEqual([201, 'design', 'design']);
    expect([taken.status, codeOf(taken)]).toEqual([409, 'ADMIN-409-28']);
  });

  it('deletes non-empty regular groups (204) but not protected ones (403)', async () => {
    // Act
    const finance = await sim().api('DELETE', `${sim().v2}/groups/${groupOf('finance')}`);
    const protectedGroups = await Promise.all(['okta-all-staff', 'org-admins', 'jira-software-users'].map((name) => sim().api('DELETE', `${sim().v2}/groups/${groupOf(name)}`)));

    // Assess
    expect(finance.status).toBe(204);
    expect(protectedGroups.map((r) => [r.status, codeOf(r)])).toEqual([[403, 'ADMIN-403-5'], [403, 'ADMIN-403-7'], [403, 'ADMIN-403-6']]);
  });

  it('adds and removes members: 204, then 409 for a member, 404 for a non-member, 403 for IdP-synced groups', async () => {
    // Prepare
    const support = groupOf('support');
    const ada = accountOf('ada.lovelace@acme.example');

    // Act
    const add = await sim().api('POST', `${sim().v2}/groups/${support}/memberships`, { accountId: ada });
    const addAgain = await sim().api('POST', `${sim().v2}/groups/${support}/memberships`, { accountId: ada });
    const remove = await sim().api('DELETE', `${sim().v2}/groups/${support}/memberships/${ada}`);
    const removeAgain = await sim().api('DELETE', `${sim().v2}/groups/${support}/memberships/${ada}`);
    const synced = await sim().api('DELETE', `${sim().v2}/groups/${groupOf('okta-all-staff')}/memberships/${accountOf('linus.torvalds@acme.example')}`);
    const badBody = await sim().api('POST', `${sim().v2}/groups/${support}/memberships`, { account_id: ada });

    // Assess
    expect([add.status, remove.status]).toEqual([204, 204]);
    expect([addAgain, removeAgain, synced, badBody].map((r) => [r.status, codeOf(r)])).toEqual([
      [409, 'ADMIN-409-28'], [404, 'ADMIN-404-8'], [403, 'ADMIN-403-5'], [400, 'ADMIN-400-24'],
    ]);
  });

  it('assigns (200) and revokes (204) group roles; unknown resources are 404; role APIs can be switched off', async () => {
    // Prepare
    const sales = groupOf('sales');
    const body = { resourceId: DEMO_SITES.jira.resourceId, roleId: 'atlassian/user' };

    // Act
    const assign = await sim().api('POST', `${sim().v2}/groups/${sales}/role-assignments/assign`, body);
    const revoke = await sim().api('POST', `${sim().v2}/groups/${sales}/role-assignments/revoke`, body);
    const unknownSite = await sim().api('POST', `${sim().v2}/groups/${sales}/role-assignments/assign`, { ...body, resourceId: 'ari:x' });
    sim().control.setBehaviour({ roleApis: 'forbidden' });
    const off = await sim().api('POST', `${sim().v2}/groups/${sales}/role-assignments/assign`, body);

    // Assess
    expect([assign.status, revoke.status]).toEqual([200, 204]);
    expect([unknownSite.status, codeOf(unknownSite)]).toEqual([404, 'ADMIN-404-1']);
    expect(off.status).toBe(403);
  });
});
