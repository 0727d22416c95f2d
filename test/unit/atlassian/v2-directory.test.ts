import { describe, expect, it } from 'vitest';
import { DEMO_GROUPS, demoIds, type RunningSimulator } from '../../../local/simulator/index.js';
import type { Directory } from '../../../functions/lib/atlassian/directory.js';
import { directoryFor, useDemoOrgDirectory } from './support/sim-client.js';

const ids = demoIds();
const email = (local: string) => `${local}@acme.example`;
const jira = ids.sites.jira.resourceId;
const confluence = ids.sites.confluence.resourceId;

describe('V2Directory against the simulator', () => {
  let sim: RunningSimulator;
  let directory: Directory;

  useDemoOrgDirectory({}, (connected) => ({ sim, directory } = connected));

  describe('users', () => {
    it('finds a user by account id with v2 details (department, job title, management source, roles)', async () => {
      // Act
      const user = await directory.findUserByAccountId(ids.accountId(email('olivia.admin')));
      // Assess
      expect(directory.generation).toBe('v2');
      expect(user).toMatchObject({
        email: email('olivia.admin'),
        name: 'Olivia Admin',
        accountStatus: 'active',
        membershipStatus: 'active',
        managementSource: 'invited',
        department: 'IT',
        jobTitle: 'IT Administrator',
        platformRoles: ['atlassian/org-admin'],
      });
    });

    it('returns null for an unknown account id', async () => {
      await expect(directory.findUserByAccountId('00000000-0000-4000-8000-000000000000')).resolves.toBeNull();
    });

    it('finds a user by email, whatever the case, and tells suspended and synced users apart', async () => {
      const ken = await directory.findUserByEmail('Ken.Thompson@ACME.example');
      const linus = await directory.findUserByEmail(email('linus.torvalds'));
      expect(ken).toMatchObject({ accountId: ids.accountId(email('ken.thompson')), membershipStatus: 'suspended' });
      expect(linus?.managementSource).toBe('synced');
      await expect(directory.findUserByEmail('nobody@acme.example')).resolves.toBeNull();
    });

    it('lists every user over several pages', async () => {
      // Act
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await directory.listUsers({ cursor, limit: 5 });
        seen.push(...page.users.map((u) => u.accountId));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      // Assess
      const onePage = (await directory.listUsers({ limit: 100 })).users.map((u) => u.accountId);
      expect(pages).toBeGreaterThan(2);
      expect(seen).toEqual(onePage);
    });
  });

  describe('access snapshot', () => {
    it("returns a user's groups (synced flag included) and direct role assignments", async () => {
      const grace = ids.accountId(email('grace.hopper'));
      const groups = await directory.getUserGroups(grace);
      expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining([DEMO_GROUPS.engineering, DEMO_GROUPS.engineeringLeads]));
      const roles = await directory.getUserRoleAssignments(grace);
      expect(roles).toContainEqual({ resourceId: jira, role: 'atlassian/admin' });

      const linusGroups = await directory.getUserGroups(ids.accountId(email('linus.torvalds')));
      expect(linusGroups.find((g) => g.name === DEMO_GROUPS.oktaAllStaff)?.synced).toBe(true);
    });

    it('merges every page of last-active dates into products and the latest date', async () => {
      // Prepare: one product per page
      sim.state.pageSizes.lastActiveDates = 1;
      // Act
      const activity = await directory.getLastActiveDates(ids.accountId(email('ada.lovelace')));
      // Assess
      expect(activity.products.length).toBeGreaterThan(1);
      expect(activity.lastActive).toBe(activity.products.map((p) => p.lastActive!).sort().at(-1));
    });

    it('reports no last-active date for a user who never used a product', async () => {
      const activity = await directory.getLastActiveDates(ids.accountId(email('steve.queue')));
      expect(activity.lastActive).toBeUndefined();
    });
  });

  describe('groups', () => {
    it('gets a group by id or name, and returns null for unknown ones', async () => {
      const engineering = await directory.findGroupByName('ENGINEERING');
      expect(engineering).toMatchObject({ id: ids.groupId(DEMO_GROUPS.engineering), name: DEMO_GROUPS.engineering, synced: false });
      await expect(directory.getGroup(ids.groupId(DEMO_GROUPS.engineering))).resolves.toMatchObject({ name: DEMO_GROUPS.engineering });
      await expect(directory.getGroup('00000000-0000-4000-8000-000000000000')).resolves.toBeNull();
      await expect(directory.findGroupByName('no-such-group')).resolves.toBeNull();
    });

    it('creates a group, refuses a duplicate name with Conflict, and deletes it idempotently', async () => {
      const created = await directory.createGroup('contractors', 'External contractors');
      expect(created).toMatchObject({ name: 'contractors', synced: false });
      await expect(directory.createGroup('contractors')).rejects.toMatchObject({ name: 'Atlassian.Conflict', status: 409 });
      await expect(directory.deleteGroup(created.id)).resolves.toBe('done');
      await expect(directory.deleteGroup(created.id)).resolves.toBe('already');
    });

    it('refuses to delete an admin group with Forbidden', async () => {
      await expect(directory.deleteGroup(ids.groupId(DEMO_GROUPS.orgAdmins))).rejects.toMatchObject({
        name: 'Atlassian.Forbidden',
        code: 'ADMIN-403-7',
      });
    });

    it('reads, assigns and revokes group roles', async () => {
      const sales = ids.groupId(DEMO_GROUPS.sales);
      await expect(directory.getGroupRoleAssignments(sales)).resolves.toEqual([{ resourceId: confluence, role: 'atlassian/user' }]);
      await expect(directory.assignGroupRole(sales, { resourceId: jira, role: 'atlassian/user' })).resolves.toBe('done');
      await expect(directory.getGroupRoleAssignments(sales)).resolves.toContainEqual({ resourceId: jira, role: 'atlassian/user' });
      await expect(directory.revokeGroupRole(sales, { resourceId: jira, role: 'atlassian/user' })).resolves.toBe('done');
      await expect(directory.getGroupRoleAssignments(sales)).resolves.not.toContainEqual({ resourceId: jira, role: 'atlassian/user' });
    });
  });

  describe('memberships', () => {
    it('adds and removes a member, reporting already on repeats', async () => {
      const sales = ids.groupId(DEMO_GROUPS.sales);
      const alan = ids.accountId(email('alan.turing'));
      await expect(directory.addToGroup(sales, alan)).resolves.toBe('done');
      await expect(directory.addToGroup(sales, alan)).resolves.toBe('already');
      await expect(directory.removeFromGroup(sales, alan)).resolves.toBe('done');
      await expect(directory.removeFromGroup(sales, alan)).resolves.toBe('already');
    });

    it('refuses to change an IdP-synced group with Forbidden', async () => {
      const okta = ids.groupId(DEMO_GROUPS.oktaAllStaff);
      await expect(directory.addToGroup(okta, ids.accountId(email('alan.turing')))).rejects.toMatchObject({ name: 'Atlassian.Forbidden', status: 403 });
    });

    it('reports an unknown group as NotFound, not as "already"', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      await expect(directory.removeFromGroup(missing, ids.accountId(email('alan.turing')))).rejects.toMatchObject({ name: 'Atlassian.NotFound' });
    });
  });

  describe('user roles', () => {
    it('grants and revokes a user role on a site', async () => {
      const alan = ids.accountId(email('alan.turing'));
      await expect(directory.grantUserRole(alan, { resourceId: jira, role: 'atlassian/admin' })).resolves.toBe('done');
      await expect(directory.getUserRoleAssignments(alan)).resolves.toContainEqual({ resourceId: jira, role: 'atlassian/admin' });
      await expect(directory.revokeUserRole(alan, { resourceId: jira, role: 'atlassian/admin' })).resolves.toBe('done');
    });

    it('says Forbidden when Atlassian Support has not enabled the role APIs', async () => {
      sim.control.setBehaviour({ roleApis: 'forbidden' });
      const failure = directory.grantUserRole(ids.accountId(email('alan.turing')), { resourceId: jira, role: 'atlassian/admin' });
      await expect(failure).rejects.toMatchObject({ name: 'Atlassian.Forbidden', code: 'ADMIN-UAM-403-1' });
    });

    it('rejects a role the API does not know before sending, with Jml.InvalidInput', async () => {
      await expect(directory.grantUserRole('x', { resourceId: jira, role: 'atlassian/owner' })).rejects.toMatchObject({ name: 'Jml.InvalidInput' });
    });
  });

  describe('lifecycle', () => {
    it('suspends and restores a user', async () => {
      const alan = ids.accountId(email('alan.turing'));
      await expect(directory.suspendUser(alan)).resolves.toBe('done');
      await expect(directory.findUserByAccountId(alan)).resolves.toMatchObject({ membershipStatus: 'suspended' });
      await expect(directory.restoreUser(alan)).resolves.toBe('done');
      await expect(directory.findUserByAccountId(alan)).resolves.toMatchObject({ membershipStatus: 'active' });
    });

    it('reports suspending an unknown user as NotFound', async () => {
      await expect(directory.suspendUser('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
        name: 'Atlassian.NotFound',
        code: 'ADMIN-404-8',
        operation: 'v2.suspendUser',
      });
    });

    it('reports a restore beyond the license limit as LicenseLimit', async () => {
      sim.control.setBehaviour({ licenseLimit: 1 });
      await expect(directory.restoreUser(ids.accountId(email('ken.thompson')))).rejects.toMatchObject({ name: 'Atlassian.LicenseLimit' });
    });

    it('removes a user, then reports already', async () => {
      const dennis = ids.accountId(email('dennis.ritchie'));
      await expect(directory.removeUser(dennis)).resolves.toBe('done');
      await expect(directory.removeUser(dennis)).resolves.toBe('already');
    });

    it('invites a user with groups and roles and returns the new account id', async () => {
      const result = await directory.inviteUser({
        email: 'new.hire@acme.example',
        groupIds: [ids.groupId(DEMO_GROUPS.engineering)],
        roles: [{ resourceId: jira, role: 'atlassian/user' }],
      });
      expect(result.outcome).toBe('done');
      expect(result.accountId).toBeTruthy();
      await expect(directory.findUserByEmail('new.hire@acme.example')).resolves.toMatchObject({ accountId: result.accountId });
      await expect(directory.getUserGroups(result.accountId!)).resolves.toContainEqual(expect.objectContaining({ name: DEMO_GROUPS.engineering }));
    });

    it('reports the parts of a partial invite (206) as warnings', async () => {
      const result = await directory.inviteUser({ email: 'partial.hire@acme.example', groupIds: [ids.groupId(DEMO_GROUPS.oktaAllStaff)] });
      expect(result).toMatchObject({ outcome: 'done', accountId: expect.any(String) });
      expect(result.warnings).toEqual([expect.stringMatching(/not added to group .*synced from an identity provider/)]);
    });

    it('reports an invite without a paid subscription as LicenseLimit (402)', async () => {
      sim.control.setBehaviour({ paidSubscription: false });
      await expect(directory.inviteUser({ email: 'x@acme.example' })).rejects.toMatchObject({ name: 'Atlassian.LicenseLimit', status: 402 });
    });
  });

  it('reports a wrong API key as Unauthorized without retrying', async () => {
    const wrong = await directoryFor(sim, { apiKey: async () => 'wrong-key', directoryId: sim.directoryId });
    await expect(wrong.findUserByAccountId('x')).rejects.toMatchObject({ name: 'Atlassian.Unauthorized', status: 401 });
  });
});
