import { describe, expect, it } from 'vitest';
import { DEMO_ORG_ADMIN_EMAIL, DEMO_SITES } from '../../../../local/simulator/index.js';
import { codeOf, useTestSimulator } from './shared-simulator.js';

const { sim, accountOf } = useTestSimulator();

describe('GET /v2/orgs/{orgId}/directories', () => {
  it('lists the one directory, also filtered by a member account id', async () => {
    // Act
    const all = await sim().api('GET', `/v2/orgs/${sim().orgId}/directories`);
    const byMember = await sim().api('GET', `/v2/orgs/${sim().orgId}/directories?accountId=${accountOf('ada.lovelace@acme.example')}`);
    const byStranger = await sim().api('GET', `/v2/orgs/${sim().orgId}/directories?accountId=ghost`);

    // Assess
    expect(all.body.data).toEqual([{ directoryId: sim().directoryId, name: expect.any(String), icon: expect.any(String) }]);
    expect(byMember.body.data).toHaveLength(1);
    expect(byStranger.body.data).toEqual([]);
  });
});

describe('v2 user reads', () => {
  it('searches in pages with a token cursor and finds people by exact email', async () => {
    // Prepare
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;

    // Act
    do {
      const page = await sim().api('POST', `${sim().v2}/users/search`, { limit: 7, cursor });
      expect(page.status).toBe(200);
      ids.push(...page.body.data.map((user: { accountId: string }) => user.accountId));
      cursor = page.body.links.next;
      pages++;
    } while (cursor);
    const byEmail = await sim().api('POST', `${sim().v2}/users/search`, { emails: [DEMO_ORG_ADMIN_EMAIL], expand: ['platformRoles', 'groups', 'productAccess'] });

    // Assess
    expect(pages).toBeGreaterThan(2);
    expect(new Set(ids).size).toBe(sim().state.users.size);
    expect(byEmail.body.data).toEqual([expect.objectContaining({
      email: DEMO_ORG_ADMIN_EMAIL, platformRoles: ['atlassian/org-admin'], membershipStatus: 'active', managementSource: 'invited',
      department: 'IT', jobTitle: 'IT Administrator', groups: expect.arrayContaining([expect.objectContaining({ name: 'org-admins' })]),
      productAccess: expect.arrayContaining([expect.objectContaining({ key: 'jira-software', id: DEMO_SITES.jira.id })]),
    })]);
  });

  it('pages the (deprecated) GET list with links.next tokens, sorted by nickname when asked', async () => {
    // Prepare
    const nicknames: string[] = [];
    let cursor: string | undefined;

    // Act
    do {
      const page = await sim().api('GET', `${sim().v2}/users?limit=6&sortBy=nick_name:desc${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      nicknames.push(...page.body.data.map((user: { nickname: string }) => user.nickname));
      cursor = page.body.links.next;
    } while (cursor);

    // Assess
    expect(nicknames).toHaveLength(sim().state.users.size);
    expect(nicknames).toEqual([...nicknames].sort((a, b) => b.localeCompare(a)));
  });

  it('filters by membership status, group and role; counts match; removed users only on request', async () => {
    // Prepare
    await sim().api('DELETE', `${sim().v2}/users/${accountOf('sven.deal@acme.example')}`);
    const engineering = sim().state.findGroupByName('engineering')!.id;

    // Act
    const suspended = await sim().api('GET', `${sim().v2}/users?membershipStatus=suspended`);
    const removed = await sim().api('POST', `${sim().v2}/users/search`, { membershipStatus: ['no_membership'] });
    const defaultList = await sim().api('POST', `${sim().v2}/users/search`, { limit: 100 });
    const inGroup = await sim().api('GET', `${sim().v2}/users?groupIds=${engineering}&limit=100`);
    const count = await sim().api('GET', `${sim().v2}/users/count?groupIds=${engineering}`);
    const admins = await sim().api('POST', `${sim().v2}/users/search`, { roleIds: ['atlassian/org-admin'] });
    const term = await sim().api('POST', `${sim().v2}/users/search`, { searchTerm: 'LOVELACE' });

    // Assess
    expect(suspended.body.data.map((u: { email: string }) => u.email).sort()).toEqual(['felix.budget@acme.example', 'ken.thompson@acme.example', 'sara.quota@acme.example']);
    expect(removed.body.data.map((u: { email: string }) => u.email)).toEqual(['sven.deal@acme.example']);
    expect(defaultList.body.data).toHaveLength(sim().state.users.size - 1);
    expect(count.body.count).toBe(inGroup.body.data.length);
    expect(count.body.count).toBe(sim().state.membersOf(engineering).size);
    expect(admins.body.data.map((u: { email: string }) => u.email)).toEqual([DEMO_ORG_ADMIN_EMAIL]);
    expect(term.body.data).toHaveLength(1);
  });

  it('rejects searchTerm with emails, bad limits, bad filters and bad cursors with 400', async () => {
    // Act
    const responses = await Promise.all([
      sim().api('POST', `${sim().v2}/users/search`, { searchTerm: 'a', emails: ['a@b.c'] }),
      sim().api('GET', `${sim().v2}/users?limit=101`),
      sim().api('GET', `${sim().v2}/users?membershipStatus=sleeping`),
      sim().api('GET', `${sim().v2}/users?cursor=xyz`),
      sim().api('POST', `${sim().v2}/users/search`, { limit: 'ten' }),
    ]);

    // Assess
    expect(responses.map((r) => [r.status, codeOf(r)])).toEqual([
      [400, 'ADMIN-400-24'], [400, 'ADMIN-400-24'], [400, 'ADMIN-400-24'], [400, 'ADMIN-400-1'], [400, 'ADMIN-400-24'],
    ]);
  });

  it('returns user details, stats and role assignments with how each role is held', async () => {
    // Prepare
    const grace = accountOf('grace.hopper@acme.example');

    // Act
    const details = await sim().api('GET', `${sim().v2}/users/${grace}`);
    const roles = await sim().api('GET', `${sim().v2}/users/${grace}/role-assignments`);
    const paged = await sim().api('GET', `${sim().v2}/users/${grace}/role-assignments?limit=1`);
    const stats = await sim().api('GET', `${sim().v2}/users/stats`);
    const unknown = await sim().api('GET', `${sim().v2}/users/ghost`);

    // Assess
    expect(details.body.data).toMatchObject({ accountId: grace, name: 'Grace Hopper', department: 'Engineering', platformRoles: [], membershipStatus: 'active' });
    const jira = roles.body.data.find((entry: { resourceId: string }) => entry.resourceId === DEMO_SITES.jira.resourceId);
    expect(jira.roleAssignments).toEqual(expect.arrayContaining([
      { role: 'atlassian/admin', roleAssignmentMethods: ['direct', 'group_direct'] },
      { role: 'atlassian/user', roleAssignmentMethods: ['group_direct'] },
    ]));
    expect([paged.body.data.length, typeof paged.body.links.next]).toEqual([1, 'string']);
    expect(stats.body.roles).toEqual([{ roleId: 'atlassian/org-admin', count: 1 }]);
    expect([unknown.status, codeOf(unknown)]).toEqual([404, 'ADMIN-404-8']);
  });
});

describe('v2 suspend / restore / remove', () => {
  it('answers 204, keeps groups over a suspension, and 404 once removed', async () => {
    // Prepare
    const sue = accountOf('sue.helpdesk@acme.example');
    const groups = sim().state.groupsOf(sue).size;

    // Act
    const suspend = await sim().api('POST', `${sim().v2}/users/${sue}/suspend`);
    const suspendAgain = await sim().api('POST', `${sim().v2}/users/${sue}/suspend`);
    const restore = await sim().api('POST', `${sim().v2}/users/${sue}/restore`);
    const remove = await sim().api('DELETE', `${sim().v2}/users/${sue}`);
    const removeAgain = await sim().api('DELETE', `${sim().v2}/users/${sue}`);
    const restoreRemoved = await sim().api('POST', `${sim().v2}/users/${sue}/restore`);
    const details = await sim().api('GET', `${sim().v2}/users/${sue}`);

    // Assess
    expect([suspend.status, suspendAgain.status, restore.status, remove.status]).toEqual([204, 204, 204, 204]);
    expect(groups).toBeGreaterThan(0);
    expect([removeAgain.status, codeOf(removeAgain), restoreRemoved.status]).toEqual([404, 'ADMIN-404-8', 404]);
    expect(details.body.data).toMatchObject({ membershipStatus: 'no_membership', status: 'for_deletion' });
  });

  it('answers 404 for another org or directory', async () => {
    // Act
    const otherDirectory = await sim().api('POST', `/v2/orgs/${sim().orgId}/directories/other/users/${accountOf('sue.helpdesk@acme.example')}/suspend`);
    const otherOrg = await sim().api('POST', `/v2/orgs/other/directories/${sim().directoryId}/users/search`, {});

    // Assess
    expect([otherDirectory.status, otherOrg.status, codeOf(otherOrg)]).toEqual([404, 404, 'ADMIN-404-2']);
  });
});
