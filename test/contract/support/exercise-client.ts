import { DEMO_GROUPS, demoIds, type RunningSimulator } from '../../../local/simulator/index.js';
import { createAdminApi } from '../../../functions/lib/atlassian/admin-api.js';
import { createDirectory } from '../../../functions/lib/atlassian/directory/create-directory.js';
import type { Directory } from '../../../functions/lib/atlassian/directory.js';
import { collect } from '../../../functions/lib/atlassian/pagination.js';

/**
 * Calls every typed method of the client once (plus pagination), so a test can look at every
 * request it sends. Failures are expected for some calls (e.g. endpoints a simulator lacks) and
 * are ignored: only the requests matter here.
 */
export async function exerciseEveryMethod(sim: RunningSimulator, fetch: typeof globalThis.fetch): Promise<void> {
  const ids = demoIds();
  const alan = ids.accountId('alan.turing@acme.example');
  const jira = ids.sites.jira.resourceId;
  const sales = ids.groupId(DEMO_GROUPS.sales);
  const dir = sim.directoryId;
  const common = { orgId: sim.orgId, baseUrl: sim.baseUrl, apiKey: async () => sim.apiKey, fetch, retry: { maxAttempts: 1 } };
  const api = createAdminApi(common);
  const attempt = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch {
      // Only the request matters.
    }
  };

  // v1 seed: orgs, domains, events, policies, workspaces
  await attempt(() => collect(api.v1.orgs.iterateOrgs()));
  await attempt(() => api.v1.orgs.getOrg());
  await attempt(() => collect(api.v1.orgs.iterateDomains()));
  await attempt(() => api.v1.orgs.getDomain('domain-1'));
  await attempt(() =>
    api.v1.events.listEvents({
      q: 'suspend', from: '2026-01-01T00:00:00Z', to: '2026-12-31T00:00:00Z', action: 'user_suspended_from_org',
      actor: ['a1'], ip: ['10.0.0.1'], product: ['jira'], location: '[{"city":"Austin","countryName":"United States"}]', limit: 10,
    }),
  );
  await attempt(() => api.v1.events.getEvent('event-1'));
  await attempt(() => api.v1.events.listEventActions());
  await attempt(() => collect(api.v1.policies.iteratePolicies({ type: 'ip-allowlist' })));
  await attempt(() => api.v1.policies.createPolicy({ data: { type: 'policy', attributes: { type: 'ip-allowlist', name: 'Office', status: 'enabled', rule: { in: ['10.0.0.0/8'] }, resources: [{ id: 'r1' }] } } }));
  await attempt(() => api.v1.policies.getPolicy('p1'));
  await attempt(() => api.v1.policies.updatePolicy('p1', { data: { id: 'p1', type: 'policy', attributes: { type: 'ip-allowlist', name: 'Office 2' } } }));
  await attempt(() => api.v1.policies.addPolicyResource('p1', { id: 'r2' }));
  await attempt(() => api.v1.policies.updatePolicyResource('p1', 'r2', { meta: { scheduledDate: '2026-09-01' } }));
  await attempt(() => api.v1.policies.deletePolicyResource('p1', 'r2'));
  await attempt(() => api.v1.policies.validatePolicy('p1'));
  await attempt(() => api.v1.policies.deletePolicy('p1'));
  await attempt(() => collect(api.v2.workspaces.iterateWorkspaces({ limit: 5 })));

  // v1 seed: users, groups, directory, roles, invite
  await attempt(() => collect(api.v1.users.iterateUsers()));
  await attempt(() => collect(api.v1.users.iterateSearchUsers({ limit: 5, expand: ['NAME', 'EMAIL'] })));
  await attempt(() => collect(api.v1.users.iterateSearchGroups({ limit: 5 })));
  await attempt(() => collect(api.v1.directory.iterateLastActiveDates(alan)));
  await attempt(() => api.v1.directory.suspendUser(alan));
  await attempt(() => api.v1.directory.restoreUser(alan));
  await attempt(async () => {
    const { groupId } = await api.v1.directory.createGroup('contract-v1');
    await attempt(() => api.v1.directory.addUserToGroup(groupId, alan));
    await attempt(() => api.v1.directory.removeUserFromGroup(groupId, alan));
    await attempt(() => api.v1.directory.deleteGroup(groupId, { forceIfNotEmpty: true }));
  });
  await attempt(() => api.v1.directory.assignGroupRoles(sales, { roleAssociations: [{ resource: jira, role: 'atlassian/user' }] }));
  await attempt(() => api.v1.directory.revokeGroupRoles(sales, { roleAssociations: [{ resource: jira, role: 'atlassian/user' }] }));
  await attempt(() => api.v1.userRoles.inviteUser({ email: 'contract.v1@acme.example', permissionRule: { resource: jira, role: 'atlassian/user' }, sendNotification: false }));
  await attempt(() => api.v1.userRoles.assignUserRole(alan, { role: 'atlassian/admin', resource: jira }));
  await attempt(() => api.v1.userRoles.revokeUserRole(alan, { role: 'atlassian/admin', resource: jira }));
  await attempt(() => api.v1.userRoles.assignOrgRole(alan, { role: 'atlassian/org-admin' }));
  await attempt(() => api.v1.userRoles.revokeOrgRole(alan, { role: 'atlassian/org-admin' }));
  await attempt(() => api.v1.directory.removeUser(ids.accountId('dennis.ritchie@acme.example')));

  // v2 directory API
  await attempt(() => collect(api.v2.directories.iterateDirectories({ limit: 5 })));
  await attempt(() => collect(api.v2.users.iterateSearchUsers(dir, { limit: 5, expand: ['platformRoles', 'groups'], membershipStatus: ['active'] })));
  await attempt(() => api.v2.users.searchUsers(dir, { emails: ['grace.hopper@acme.example'] }));
  await attempt(() => api.v2.users.getUser(dir, alan));
  await attempt(() => collect(api.v2.users.iterateUserRoleAssignments(dir, alan, { limit: 1 })));
  await attempt(() => api.v2.users.suspendUser(dir, alan));
  await attempt(() => api.v2.users.restoreUser(dir, alan));
  await attempt(() => collect(api.v2.groups.iterateSearchGroups(dir, { limit: 3, groupNames: [DEMO_GROUPS.sales], expand: ['counts.users'] })));
  await attempt(() => api.v2.groups.getGroup(dir, sales));
  await attempt(() => collect(api.v2.groups.iterateGroupRoleAssignments(dir, sales, { limit: 1 })));
  await attempt(async () => {
    const created = await api.v2.groups.createGroup(dir, 'contract-v2', 'Contract test');
    const id = created?.id ?? sales;
    await attempt(() => api.v2.groups.addUserToGroup(dir, id, alan));
    await attempt(() => api.v2.groups.removeUserFromGroup(dir, id, alan));
    await attempt(() => api.v2.groups.assignGroupRole(dir, id, { resourceId: jira, roleId: 'atlassian/user' }));
    await attempt(() => api.v2.groups.revokeGroupRole(dir, id, { resourceId: jira, roleId: 'atlassian/user' }));
    await attempt(() => api.v2.groups.deleteGroup(dir, id));
  });
  await attempt(() =>
    api.v2.invite.inviteUsers({
      emails: ['contract.v2@acme.example'], additionalGroups: [sales], permissionRules: [{ resource: jira, role: 'atlassian/user' }],
      sendNotification: true, notificationText: 'Welcome',
    }),
  );
  await attempt(() => api.v2.users.removeUser(dir, ids.accountId('frank.audit@acme.example')));

  // Both Directory implementations, every method
  for (const generation of ['v2', 'v1'] as const) {
    const directory = await createDirectory({ ...common, generation });
    await exerciseDirectory(directory, { alan, jira, sales, email: `contract.${generation}.dir@acme.example` }, attempt);
  }
}

async function exerciseDirectory(
  d: Directory,
  x: { alan: string; jira: string; sales: string; email: string },
  attempt: (run: () => Promise<unknown>) => Promise<void>,
): Promise<void> {
  const role = { resourceId: x.jira, role: 'atlassian/user' };
  await attempt(() => d.findUserByAccountId(x.alan));
  await attempt(() => d.findUserByEmail('grace.hopper@acme.example'));
  await attempt(() => d.listUsers({ limit: 3 }));
  await attempt(() => d.getUserGroups(x.alan));
  await attempt(() => d.getUserRoleAssignments(x.alan));
  await attempt(() => d.getLastActiveDates(x.alan));
  await attempt(() => d.getGroup(x.sales));
  await attempt(() => d.findGroupByName(DEMO_GROUPS.sales));
  await attempt(() => d.getGroupRoleAssignments(x.sales));
  await attempt(() => d.addToGroup(x.sales, x.alan));
  await attempt(() => d.removeFromGroup(x.sales, x.alan));
  await attempt(() => d.grantUserRole(x.alan, { resourceId: x.jira, role: 'atlassian/admin' }));
  await attempt(() => d.revokeUserRole(x.alan, { resourceId: x.jira, role: 'atlassian/admin' }));
  await attempt(() => d.assignGroupRole(x.sales, role));
  await attempt(() => d.revokeGroupRole(x.sales, role));
  await attempt(async () => {
    const group = await d.createGroup(`${x.email}-group`.replace(/[@.]/g, '-'), 'Contract');
    await d.deleteGroup(group.id);
  });
  await attempt(() => d.suspendUser(x.alan));
  await attempt(() => d.restoreUser(x.alan));
  await attempt(() => d.inviteUser({ email: x.email, groupIds: [x.sales], roles: [role, { resourceId: x.jira, role: 'atlassian/admin' }] }));
  await attempt(() => d.removeUser(x.alan));
}
