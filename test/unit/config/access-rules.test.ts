import { describe, expect, it } from 'vitest';
import { parseJmlConfig } from '../../../functions/lib/config/load-jml-config.js';
import { desiredAccess, managedScope } from '../../../functions/lib/config/access-rules.js';
import { protectionOf, protectionOfAddress } from '../../../functions/lib/config/protection.js';

const config = parseJmlConfig({
  resources: { jira: 'ari:cloud:jira-software::site/j' },
  accessRules: [
    { id: 'everyone', grant: { groups: ['staff'] } },
    { id: 'eng', when: { department: 'Engineering' }, grant: { groups: ['engineering', 'jira-users'] } },
    { id: 'eng-leads', when: { department: 'engineering', jobTitle: ['Manager', 'Staff Engineer'] }, grant: { groups: ['leads'], roles: [{ resource: 'jira', role: 'atlassian/admin' }] } },
    { id: 'amsterdam', when: { location: 'Amsterdam' }, grant: { groups: ['nl-office', 'Staff'] } },
  ],
  protectedAccounts: [{ email: 'Break.Glass@Example.com', reason: 'break-glass' }, { accountId: 'acc-1', reason: 'service account' }],
});

describe('access rules', () => {
  it('matches exactly but case-insensitively, requires every condition, and merges duplicates', () => {
    // Act
    const lead = desiredAccess(config, { department: 'ENGINEERING', jobTitle: 'staff engineer', location: 'amsterdam' });
    const engineer = desiredAccess(config, { department: 'Engineering', jobTitle: 'Engineer' });
    const nobody = desiredAccess(config, {});

    // Assess
    expect(lead.matchedRules).toEqual(['everyone', 'eng', 'eng-leads', 'amsterdam']);
    expect(lead.groups).toEqual(['engineering', 'jira-users', 'leads', 'nl-office', 'staff']);
    expect(lead.roles).toEqual([{ resourceId: 'ari:cloud:jira-software::site/j', role: 'atlassian/admin' }]);
    expect(engineer.groups).toEqual(['engineering', 'jira-users', 'staff']);
    expect(nobody).toEqual({ groups: ['staff'], roles: [], matchedRules: ['everyone'] });
  });

  it('the managed scope is the union of everything any rule grants', () => {
    // Act
    const scope = managedScope(config);

    // Assess
    expect(scope.groups).toEqual(['engineering', 'jira-users', 'leads', 'nl-office', 'staff']);
    expect(scope.roles).toHaveLength(1);
  });
});

describe('protected accounts', () => {
  const user = (fields: Partial<{ accountId: string; email: string; platformRoles: string[] }>) => ({
    accountId: 'acc-9',
    email: 'jane@example.com',
    platformRoles: [],
    ...fields,
  });

  it('protects org admins, configured emails (any case) and configured account ids', () => {
    // Act
    const admin = protectionOf(config, user({ platformRoles: ['atlassian/org-admin'] }));
    const byEmail = protectionOf(config, user({ email: 'break.glass@example.com' }));
    const byId = protectionOf(config, user({ accountId: 'acc-1' }));
    const ordinary = protectionOf(config, user({ platformRoles: ['atlassian/site-admin'] }));

    // Assess
    expect(admin).toEqual({ protected: true, reason: expect.stringContaining('organization admin') });
    expect(byEmail).toEqual({ protected: true, reason: expect.stringContaining('break-glass') });
    expect(byId).toEqual({ protected: true, reason: expect.stringContaining('service account') });
    expect(ordinary).toEqual({ protected: false });
  });

  it('protects an email without an account only when the config lists it (a joiner must not invite it)', () => {
    // Act
    const listed = protectionOfAddress(config, 'BREAK.GLASS@example.com');
    const other = protectionOfAddress(config, 'new.hire@example.com');

    // Assess
    expect(listed).toEqual({ protected: true, reason: 'BREAK.GLASS@example.com is a protected account: break-glass (protectedAccounts in the JML config)' });
    expect(other).toEqual({ protected: false });
  });
});
