import { describe, expect, it } from 'vitest';
import type { OrgInventory } from '../../../functions/lib/atlassian/directory/org-inventory.js';
import { checkConfigAgainstOrg, describeOrgProblem } from '../../../functions/lib/config/check-config-against-org.js';
import { parseJmlConfig } from '../../../functions/lib/config/load-jml-config.js';

const JIRA = 'ari:cloud:jira-software::site/jira-1';

/** An org with fixed groups, users and workspaces that records which lookups were asked. */
function fakeOrg(): OrgInventory & { asked: string[] } {
  const asked: string[] = [];
  const groups = ['Engineering', 'staff'];
  const users = [{ accountId: 'acc-1', email: 'admin@example.com' }];
  return {
    asked,
    findGroupsByName: async (names) => {
      asked.push(`groups ${names.join(',')}`);
      return groups.filter((g) => names.some((n) => n.toLowerCase() === g.toLowerCase())).map((name) => ({ id: name, name, synced: false }));
    },
    findUsersByEmail: async (emails) => {
      asked.push(`emails ${emails.join(',')}`);
      return users.filter((u) => emails.some((e) => e.toLowerCase() === u.email));
    },
    findUsersByAccountId: async (ids) => {
      asked.push(`accountIds ${ids.join(',')}`);
      return users.filter((u) => ids.includes(u.accountId));
    },
    listWorkspaces: async () => {
      asked.push('workspaces');
      return [{ id: 'jira-1', typeKey: 'jira-software', name: 'example-jira' }];
    },
  };
}

describe('checkConfigAgainstOrg', () => {
  it('reports each missing group, resource and protected account at its entry, asking once per kind', async () => {
    // Prepare
    const config = parseJmlConfig({
      resources: { jira: JIRA, wiki: 'ari:cloud:confluence::site/gone' },
      accessRules: [
        { id: 'base', grant: { groups: ['STAFF'] } },
        { id: 'eng', when: { department: 'Engineering' }, grant: { groups: ['engineering', 'enginering', 'staff'], roles: [{ resource: 'jira', role: 'atlassian/user' }] } },
        { id: 'raw', grant: { roles: [{ resource: 'ari:cloud:jira-software::site/nope', role: 'atlassian/user' }, { resource: JIRA, role: 'atlassian/admin' }] } },
      ],
      protectedAccounts: [
        { email: 'ADMIN@example.com', reason: 'admin' },
        { email: 'break.glass@example.com', reason: 'break-glass' },
        { accountId: 'acc-404', reason: 'service account' },
      ],
    });
    const org = fakeOrg();

    // Act
    const report = await checkConfigAgainstOrg(config, org);

    // Assess
    expect(report.problems.map(describeOrgProblem)).toEqual([
      'accessRules[1].grant.groups[1]: group "enginering" does not exist in the org; create it in admin.atlassian.com or correct the name',
      'resources.wiki: workspace "ari:cloud:confluence::site/gone" does not exist in the org (the org\'s workspaces: example-jira (jira-software, id jira-1))',
      'accessRules[2].grant.roles[0].resource: workspace "ari:cloud:jira-software::site/nope" does not exist in the org (the org\'s workspaces: example-jira (jira-software, id jira-1))',
      'protectedAccounts[1].email: no user "break.glass@example.com" in the org\'s directory; correct the address or remove the entry',
      'protectedAccounts[2].accountId: no user with account id "acc-404" in the org\'s directory; correct the id or remove the entry',
    ]);
    expect(report.checked).toEqual({ groups: 3, resources: 3, protectedAccounts: 3 }); // distinct values: JIRA counts once
    expect(org.asked).toEqual(['groups STAFF,engineering,enginering', 'workspaces', 'emails ADMIN@example.com,break.glass@example.com', 'accountIds acc-404']);
  });

  it('skips the workspaces lookup when no rule grants a role, and reports nothing for a config the org fits', async () => {
    // Prepare
    const config = parseJmlConfig({ accessRules: [{ id: 'base', grant: { groups: ['staff'] } }] });
    const org = fakeOrg();

    // Act
    const report = await checkConfigAgainstOrg(config, org);

    // Assess
    expect(report).toEqual({ problems: [], checked: { groups: 1, resources: 0, protectedAccounts: 0 } });
    expect(org.asked).not.toContain('workspaces');
  });

  it("checks the inactivity sweep's excluded groups in the same group lookup", async () => {
    // Prepare
    const config = parseJmlConfig({ accessRules: [{ id: 'base', grant: { groups: ['staff'] } }], inactivity: { exclude: { groups: ['staff', 'service-acounts'] } } });
    const org = fakeOrg();

    // Act
    const report = await checkConfigAgainstOrg(config, org);

    // Assess
    expect(report.problems.map(describeOrgProblem)).toEqual([
      'inactivity.exclude.groups[1]: group "service-acounts" does not exist in the org; create it in admin.atlassian.com or correct the name',
    ]);
    expect(org.asked.filter((call) => call.startsWith('groups'))).toEqual(['groups staff,service-acounts']);
  });
});
