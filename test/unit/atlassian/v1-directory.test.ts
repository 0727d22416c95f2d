import { describe, expect, it } from 'vitest';
import { DEMO_GROUPS, demoIds, type RunningSimulator } from '../../../local/simulator/index.js';
import type { Directory } from '../../../functions/lib/atlassian/directory.js';
import { directoryFor, useDemoOrgDirectory } from './support/sim-client.js';

const ids = demoIds();
const email = (local: string) => `${local}@acme.example`;
const jira = ids.sites.jira.resourceId;

describe('V1Directory (seed endpoints) against the simulator', () => {
  let sim: RunningSimulator;
  let directory: Directory;

  useDemoOrgDirectory({ generation: 'v1' }, (connected) => ({ sim, directory } = connected));

  it('finds users by account id and email, with membership status from an isSuspended search', async () => {
    expect(directory.generation).toBe('v1');
    const ken = await directory.findUserByAccountId(ids.accountId(email('ken.thompson')));
    expect(ken).toMatchObject({ email: email('ken.thompson'), name: 'Ken Thompson', membershipStatus: 'suspended', accountStatus: 'active' });
    const ada = await directory.findUserByEmail(email('ada.lovelace'));
    expect(ada).toMatchObject({ accountId: ids.accountId(email('ada.lovelace')), membershipStatus: 'active' });
    await expect(directory.findUserByEmail('nobody@acme.example')).resolves.toBeNull();
    await expect(directory.findUserByAccountId('00000000-0000-4000-8000-000000000000')).resolves.toBeNull();
  });

  it('lists every user over several pages of v1 users/search', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await directory.listUsers({ cursor, limit: 4 });
      seen.push(...page.users.map((u) => u.accountId));
      cursor = page.nextCursor;
    } while (cursor);
    const onePage = (await directory.listUsers({ limit: 100 })).users.map((u) => u.accountId);
    expect(onePage.length).toBeGreaterThan(8);
    expect(seen).toEqual(onePage);
  });

  it('creates, finds, fills, empties and deletes a group through the v1 endpoints', async () => {
    const alan = ids.accountId(email('alan.turing'));
    const group = await directory.createGroup('v1-project');
    await expect(directory.findGroupByName('v1-project')).resolves.toMatchObject({ id: group.id });
    await expect(directory.getGroup(group.id)).resolves.toMatchObject({ name: 'v1-project' });
    await expect(directory.addToGroup(group.id, alan)).resolves.toBe('done');
    await expect(directory.addToGroup(group.id, alan)).resolves.toBe('already');
    await expect(directory.removeFromGroup(group.id, alan)).resolves.toBe('done');
    await expect(directory.removeFromGroup(group.id, alan)).resolves.toBe('already');
    await expect(directory.addToGroup(group.id, alan)).resolves.toBe('done');
    // v1 delete is forced, like v2: a group with members goes too.
    await expect(directory.deleteGroup(group.id)).resolves.toBe('done');
    await expect(directory.deleteGroup(group.id)).resolves.toBe('already');
  });

  it('assigns and revokes group roles and user roles', async () => {
    const sales = ids.groupId(DEMO_GROUPS.sales);
    const alan = ids.accountId(email('alan.turing'));
    await expect(directory.assignGroupRole(sales, { resourceId: jira, role: 'atlassian/user' })).resolves.toBe('done');
    await expect(directory.getGroupRoleAssignments(sales)).resolves.toContainEqual({ resourceId: jira, role: 'atlassian/user' });
    await expect(directory.revokeGroupRole(sales, { resourceId: jira, role: 'atlassian/user' })).resolves.toBe('done');
    await expect(directory.grantUserRole(alan, { resourceId: jira, role: 'atlassian/admin' })).resolves.toBe('done');
    await expect(directory.getUserRoleAssignments(alan)).resolves.toContainEqual({ resourceId: jira, role: 'atlassian/admin' });
    await expect(directory.revokeUserRole(alan, { resourceId: jira, role: 'atlassian/admin' })).resolves.toBe('done');
  });

  it('suspends, restores and removes a user', async () => {
    const alan = ids.accountId(email('alan.turing'));
    await expect(directory.suspendUser(alan)).resolves.toBe('done');
    await expect(directory.findUserByAccountId(alan)).resolves.toMatchObject({ membershipStatus: 'suspended' });
    await expect(directory.restoreUser(alan)).resolves.toBe('done');
    await expect(directory.removeUser(alan)).resolves.toBe('done');
    await expect(directory.suspendUser('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ name: 'Atlassian.NotFound' });
  });

  it('invites with the first role on the invite, then adds groups and other roles', async () => {
    const result = await directory.inviteUser({
      email: 'v1.hire@acme.example',
      roles: [{ resourceId: jira, role: 'atlassian/user' }],
      groupIds: [ids.groupId(DEMO_GROUPS.support)],
    });
    expect(result).toMatchObject({ outcome: 'done', accountId: expect.any(String) });
    await expect(directory.getUserGroups(result.accountId!)).resolves.toContainEqual(expect.objectContaining({ name: DEMO_GROUPS.support }));
  });

  it('never reads "organization not found" as "already removed"', async () => {
    const wrongOrg = await directoryFor(sim, { generation: 'v1', orgId: '00000000-0000-4000-8000-000000000000' });
    await expect(wrongOrg.removeUser(ids.accountId(email('alan.turing')))).rejects.toMatchObject({ name: 'Atlassian.NotFound', code: 'ADMIN-404-2' });
  });

  it('reads last-active dates', async () => {
    const activity = await directory.getLastActiveDates(ids.accountId(email('ada.lovelace')));
    expect(activity.products.length).toBeGreaterThan(0);
    expect(activity.lastActive).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
