import { describe, expect, it } from 'vitest';
import { DEMO_GROUPS, demoIds, type RunningSimulator } from '../../../local/simulator/index.js';
import type { AtlassianAdminApi } from '../../../functions/lib/atlassian/admin-api.js';
import { collect } from '../../../functions/lib/atlassian/pagination.js';
import { adminApiFor, useDemoOrgSimulator } from './support/sim-client.js';

const ids = demoIds();
const alan = ids.accountId('alan.turing@acme.example');
const jira = ids.sites.jira.resourceId;
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('typed Admin API: users, groups and directory operations', () => {
  let sim: RunningSimulator;
  let api: AtlassianAdminApi;
  let dir: string;

  useDemoOrgSimulator((started) => {
    sim = started;
    api = adminApiFor(sim);
    dir = sim.directoryId;
  });

  describe('v1 (seed)', () => {
    it('lists managed accounts over several pages following links.next URLs (snake_case)', async () => {
      // Prepare: what one big page holds
      sim.state.pageSizes.v1Users = 1000;
      const everyone = (await api.v1.users.listUsers()).data.map((u) => u.account_id);
      sim.state.pageSizes.v1Users = 4;
      // Act
      const first = await api.v1.users.listUsers();
      const all = await collect(api.v1.users.iterateUsers());
      // Assess
      expect(first.links?.next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/admin\/v1\/orgs\/.+cursor=/);
      expect(first.data[0]).toHaveProperty('account_id');
      expect(everyone.length).toBeGreaterThan(8);
      expect(all.map((u) => u.account_id)).toEqual(everyone);
    });

    it('rejects an invalid cursor with BadRequest ADMIN-400-1', async () => {
      await expect(api.v1.users.listUsers('not-a-cursor')).rejects.toMatchObject({ name: 'Atlassian.BadRequest', code: 'ADMIN-400-1' });
    });

    it('searches users (camelCase, body cursor) over several pages', async () => {
      const page = await api.v1.users.searchUsers({ limit: 5 });
      expect(page.data[0]).toHaveProperty('accountId');
      const all = await collect(api.v1.users.iterateSearchUsers({ limit: 5 }));
      expect(new Set(all.map((u) => u.accountId)).size).toBe(all.length);
      expect(all.length).toBeGreaterThan(5);
    });

    it('searches groups over several pages', async () => {
      const all = await collect(api.v1.users.iterateSearchGroups({ limit: 3 }));
      expect(all.map((g) => g.name)).toContain(DEMO_GROUPS.engineering);
    });

    it('reads last-active dates page by page', async () => {
      sim.state.pageSizes.lastActiveDates = 1;
      const pages = await collect(api.v1.directory.iterateLastActiveDates(ids.accountId('ada.lovelace@acme.example')));
      expect(pages.length).toBeGreaterThan(1);
      expect(pages[0].data.product_access).toHaveLength(1);
    });

    it('suspends, restores and removes a user; unknown users are NotFound', async () => {
      await api.v1.directory.suspendUser(alan);
      expect(sim.state.users.get(alan)?.membershipStatus).toBe('suspended');
      await api.v1.directory.restoreUser(alan);
      expect(sim.state.users.get(alan)?.membershipStatus).toBe('active');
      await api.v1.directory.removeUser(alan);
      await expect(api.v1.directory.suspendUser(MISSING)).rejects.toMatchObject({ name: 'Atlassian.NotFound', operation: 'v1.suspendUser' });
    });

    it('creates and deletes groups, honouring forceIfNotEmpty', async () => {
      const { groupId } = await api.v1.directory.createGroup('v1-typed');
      await api.v1.directory.addUserToGroup(groupId, alan);
      await expect(api.v1.directory.addUserToGroup(groupId, alan)).rejects.toMatchObject({ name: 'Atlassian.Conflict', status: 409 });
      await expect(api.v1.directory.deleteGroup(groupId)).rejects.toMatchObject({ name: 'Atlassian.Conflict', code: 'ADMIN-409-5' });
      await api.v1.directory.removeUserFromGroup(groupId, alan);
      await expect(api.v1.directory.removeUserFromGroup(groupId, alan)).rejects.toMatchObject({ name: 'Atlassian.NotFound' });
      await api.v1.directory.deleteGroup(groupId, { forceIfNotEmpty: true });
      await expect(api.v1.directory.deleteGroup(groupId)).rejects.toMatchObject({ name: 'Atlassian.NotFound' });
    });

    it('assigns and revokes group roles (202 with a message)', async () => {
      const sales = ids.groupId(DEMO_GROUPS.sales);
      const input = { roleAssociations: [{ resource: jira, role: 'atlassian/user' as const }] };
      await expect(api.v1.directory.assignGroupRoles(sales, input)).resolves.toEqual(expect.any(String));
      await expect(api.v1.directory.revokeGroupRoles(sales, input)).resolves.toEqual(expect.any(String));
    });

    it('invites a user and grants / revokes user and org-level roles', async () => {
      const [accountId] = await api.v1.userRoles.inviteUser({ email: 'typed.v1@acme.example', permissionRule: { resource: jira, role: 'atlassian/user' } });
      expect(accountId).toBeTruthy();
      await api.v1.userRoles.assignUserRole(accountId, { role: 'atlassian/admin', resource: jira });
      await api.v1.userRoles.revokeUserRole(accountId, { role: 'atlassian/admin', resource: jira });
      await api.v1.userRoles.assignOrgRole(accountId, { role: 'atlassian/org-admin' });
      await api.v1.userRoles.revokeOrgRole(accountId, { role: 'atlassian/org-admin' });
    });

    it('names 402 on invite without a paid subscription LicenseLimit', async () => {
      sim.control.setBehaviour({ paidSubscription: false });
      await expect(api.v1.userRoles.inviteUser({ email: 'x.y@acme.example' })).rejects.toMatchObject({ name: 'Atlassian.LicenseLimit', status: 402 });
    });

    it('names 404 on role endpoints that Support has not enabled NotFound', async () => {
      sim.control.setBehaviour({ roleApis: 'notFound' });
      await expect(api.v1.userRoles.assignUserRole(alan, { role: 'atlassian/admin', resource: jira })).rejects.toMatchObject({
        name: 'Atlassian.NotFound',
        status: 404,
      });
    });
  });

  describe('v2 directory API', () => {
    it('lists directories', async () => {
      await expect(collect(api.v2.directories.iterateDirectories())).resolves.toEqual([expect.objectContaining({ directoryId: dir })]);
    });

    it('searches users over several pages and by email; gets details', async () => {
      const all = await collect(api.v2.users.iterateSearchUsers(dir, { limit: 4 }));
      const onePage = await api.v2.users.searchUsers(dir, { limit: 100 });
      expect(all.length).toBeGreaterThan(8);
      expect(all.map((u) => u.accountId)).toEqual(onePage.data.map((u) => u.accountId));
      const byEmail = await api.v2.users.searchUsers(dir, { emails: ['grace.hopper@acme.example'] });
      expect(byEmail.data.map((u) => u.email)).toEqual(['grace.hopper@acme.example']);
      const details = await api.v2.users.getUser(dir, byEmail.data[0].accountId);
      expect(details).toMatchObject({ jobTitle: 'Staff Engineer', department: 'Engineering', managementSource: 'invited' });
      await expect(api.v2.users.getUser(dir, MISSING)).rejects.toMatchObject({ name: 'Atlassian.NotFound', code: 'ADMIN-404-8' });
    });

    it('refuses searchTerm together with emails before sending', async () => {
      await expect(api.v2.users.searchUsers(dir, { emails: ['a@b.c'], searchTerm: 'a' })).rejects.toMatchObject({ name: 'Jml.InvalidInput' });
    });

    it('suspends, restores and removes a user', async () => {
      await api.v2.users.suspendUser(dir, alan);
      await api.v2.users.restoreUser(dir, alan);
      await api.v2.users.removeUser(dir, alan);
      await expect(api.v2.users.removeUser(dir, alan)).rejects.toMatchObject({ name: 'Atlassian.NotFound' });
    });

    it('pages user role assignments', async () => {
      const grace = ids.accountId('grace.hopper@acme.example');
      const all = await collect(api.v2.users.iterateUserRoleAssignments(dir, grace, { limit: 1 }));
      expect(all.length).toBeGreaterThan(1);
    });

    it('searches, gets, creates, fills and deletes groups; pages group role assignments', async () => {
      const groups = await collect(api.v2.groups.iterateSearchGroups(dir, { limit: 3 }));
      const onePage = await api.v2.groups.searchGroups(dir, { limit: 100 });
      expect(groups.length).toBeGreaterThan(3);
      expect(groups.map((g) => g.id)).toEqual(onePage.data.map((g) => g.id));
      const created = await api.v2.groups.createGroup(dir, 'typed-v2', 'A test group');
      const id = created?.id ?? (await api.v2.groups.searchGroups(dir, { groupNames: ['typed-v2'] })).data[0].id;
      await expect(api.v2.groups.getGroup(dir, id)).resolves.toMatchObject({ name: 'typed-v2' });
      await api.v2.groups.addUserToGroup(dir, id, alan);
      await api.v2.groups.removeUserFromGroup(dir, id, alan);
      await api.v2.groups.assignGroupRole(dir, id, { resourceId: jira, roleId: 'atlassian/user' });
      await api.v2.groups.assignGroupRole(dir, id, { resourceId: ids.sites.confluence.resourceId, roleId: 'atlassian/user' });
      const roles = await collect(api.v2.groups.iterateGroupRoleAssignments(dir, id, { limit: 1 }));
      expect(roles).toHaveLength(2);
      await api.v2.groups.revokeGroupRole(dir, id, { resourceId: jira, roleId: 'atlassian/user' });
      await api.v2.groups.deleteGroup(dir, id);
      await expect(api.v2.groups.getGroup(dir, id)).rejects.toMatchObject({ name: 'Atlassian.NotFound' });
    });

    it('invites people with groups and roles', async () => {
      const outcome = await api.v2.invite.inviteUsers({
        emails: ['typed.v2@acme.example'],
        additionalGroups: [ids.groupId(DEMO_GROUPS.support)],
        permissionRules: [{ resource: jira, role: 'atlassian/user' }],
      });
      expect(outcome.partial).toBe(false);
      expect(outcome.response.data[0]).toMatchObject({ email: 'typed.v2@acme.example', id: expect.any(String) });
    });
  });
});
