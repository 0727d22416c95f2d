import { describe, expect, it } from 'vitest';
import { JmlConfigSchema } from '../../../functions/lib/config/jml-config-schema.js';
import { decideAccount, type DecisionContext } from '../../../functions/lib/sweep/decide-account.js';
import { RecentAccess } from '../../../functions/lib/sweep/recent-access.js';
import type { AccessMap, ScannedAccount } from '../../../functions/lib/sweep/sweep-types.js';

const NOW = new Date('2026-09-01T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

/** Two products on one site each; a default group per product, a department group granting Confluence, a synced group. */
const ACCESS: AccessMap = {
  sites: [{ siteId: 'jira-1', productKey: 'jira-software' }, { siteId: 'conf-1', productKey: 'confluence' }],
  groups: [
    { id: 'g-jira', name: 'jira-software-users', synced: false, modifiable: true, siteIds: ['jira-1'] },
    { id: 'g-conf', name: 'confluence-users', synced: false, modifiable: true, siteIds: ['conf-1'] },
    { id: 'g-eng', name: 'engineering', synced: false, modifiable: true, siteIds: ['jira-1', 'conf-1'] },
    { id: 'g-okta', name: 'okta-all-staff', synced: true, modifiable: false, siteIds: ['conf-1'] },
  ],
};

function config(inactivity: object = {}, protectedAccounts: object[] = []) {
  return JmlConfigSchema.parse({
    accessRules: [],
    protectedAccounts,
    inactivity: {
      rules: [
        { id: 'suspend-dormant', product: 'all', inactiveDays: 180, action: 'suspend' },
        { id: 'reclaim-jira', product: 'jira', inactiveDays: 90, action: 'reclaim' },
        { id: 'reclaim-confluence', product: 'confluence', inactiveDays: 90, action: 'reclaim' },
      ],
      ...inactivity,
    },
  });
}

function account(overrides: Partial<ScannedAccount> = {}): ScannedAccount {
  return {
    accountId: 'acc-1', email: 'pat@example.com', name: 'Pat', accountType: 'atlassian', accountStatus: 'active',
    membershipStatus: 'active', managementSource: 'invited', addedToOrg: daysAgo(1000), platformRoles: [],
    groups: [{ id: 'g-jira', name: 'jira-software-users' }, { id: 'g-conf', name: 'confluence-users' }],
    activity: [{ siteId: 'jira-1', productKey: 'jira-software', lastActive: daysAgo(3) }, { siteId: 'conf-1', productKey: 'confluence', lastActive: daysAgo(5) }],
    ...overrides,
  };
}

/** The audit log read, no grant in the grace: the decisions as before the new-access grace. */
const NO_RECENT_GRANTS = new RecentAccess({ status: 'read', graceDays: 30, since: daysAgo(31), events: 0, grants: [] }, ACCESS, NOW);
const decide = (a: ScannedAccount, c = config(), recentAccess = NO_RECENT_GRANTS) => decideAccount(a, { config: c, access: ACCESS, recentAccess, now: NOW } satisfies DecisionContext);

describe('decideAccount (pure)', () => {
  it('keeps an account active in its products', () => {
    // Act
    const decision = decide(account());

    // Assess
    expect(decision).toMatchObject({ decision: 'keep', daysInactive: 3 });
    expect(decision.reason).toBe('last active 3 day(s) ago: no rule matches');
  });

  it('suspends an account inactive in every product past the all-products threshold', () => {
    // Act
    const decision = decide(account({ activity: [{ siteId: 'jira-1', productKey: 'jira-software', lastActive: daysAgo(200) }] }));

    // Assess
    expect(decision).toMatchObject({ decision: 'suspend', rule: 'suspend-dormant', daysInactive: 200 });
    expect(decision.reason).toMatch(/^no activity in any product for 200 days \(last active \d{4}-\d{2}-\d{2}; rule suspend-dormant: 180 days\): suspend the account$/);
  });

  it('reclaims only the unused product: the groups granting just that product go, the account stays', () => {
    // Act
    const decision = decide(account({ activity: [{ siteId: 'jira-1', productKey: 'jira-software', lastActive: daysAgo(2) }, { siteId: 'conf-1', productKey: 'confluence', lastActive: daysAgo(120) }] }));

    // Assess
    expect(decision).toMatchObject({ decision: 'reclaim', rule: 'reclaim-confluence', reclaim: { groups: [{ id: 'g-conf', name: 'confluence-users' }], productKeys: ['confluence'] } });
  });

  it('keeps a group that also grants a product still in use, and says the licence stays through it', () => {
    // Prepare
    const engineer = account({
      groups: [{ id: 'g-eng', name: 'engineering' }, { id: 'g-conf', name: 'confluence-users' }],
      activity: [{ siteId: 'jira-1', productKey: 'jira-software', lastActive: daysAgo(1) }, { siteId: 'conf-1', productKey: 'confluence', lastActive: daysAgo(100) }],
    });

    // Act
    const decision = decide(engineer);

    // Assess
    expect(decision.decision).toBe('reclaim');
    expect(decision.reclaim).toEqual({ groups: [{ id: 'g-conf', name: 'confluence-users' }], productKeys: [] });
    expect(decision.reason).toContain('kept "engineering" (also grants a product still in use)');
  });

  it('counts a product never used from the day the account was added', () => {
    // Act
    const neverUsed = decide(account({ activity: [{ siteId: 'jira-1', productKey: 'jira-software', lastActive: daysAgo(1) }], addedToOrg: daysAgo(95) }));
    const recentlyAdded = decide(account({ activity: [{ siteId: 'jira-1', productKey: 'jira-software', lastActive: daysAgo(1) }], addedToOrg: daysAgo(60) }));

    // Assess
    expect(neverUsed).toMatchObject({ decision: 'reclaim', reclaim: { productKeys: ['confluence'] } });
    expect(neverUsed.products.find((p) => p.productKey === 'confluence')).toEqual({ siteId: 'conf-1', productKey: 'confluence', daysInactive: 95 });
    expect(recentlyAdded.decision).toBe('keep');
  });

  it('leaves a product held only through an IdP-synced group: nothing to remove, say where to act', () => {
    // Act
    const decision = decide(account({ groups: [{ id: 'g-jira', name: 'jira-software-users' }, { id: 'g-okta', name: 'okta-all-staff' }], activity: [{ siteId: 'jira-1', productKey: 'jira-software', lastActive: daysAgo(1) }, { siteId: 'conf-1', productKey: 'confluence', lastActive: daysAgo(150) }] }));

    // Assess
    expect(decision).toMatchObject({ decision: 'keep', rule: 'reclaim-confluence' });
    expect(decision.reason).toContain('kept "okta-all-staff" (synced from the identity provider: remove the account there)');
  });

  it.each([
    ['an app account', account({ accountType: 'app' }), 'account-type', /app account/],
    ['an org admin', account({ platformRoles: ['atlassian/org-admin'] }), 'org-admin', /organization admin/],
    ['a protected account', account({ email: 'break.glass@example.com' }), 'protected', /Break-glass/],
    ['a suspended account', account({ membershipStatus: 'suspended' }), 'not-active', /already suspended/],
    ['a deactivated account', account({ accountStatus: 'inactive' }), 'not-active', /account inactive/],
    ['a member of an excluded group', account({ groups: [{ id: 'svc', name: 'Service-Accounts' }] }), 'group', /service-accounts|Service-Accounts/],
    ['a recent joiner', account({ addedToOrg: daysAgo(10), activity: [] }), 'new', /within 30 days/],
  ])('excludes %s whatever its activity', (_what, subject, exclusion, reason) => {
    // Prepare
    const dormant = { ...subject, activity: [] as ScannedAccount['activity'] };
    const c = config({ exclude: { groups: ['service-accounts'] } }, [{ email: 'break.glass@example.com', reason: 'Break-glass admin' }]);

    // Act
    const decision = decide(dormant, c);

    // Assess
    expect(decision).toMatchObject({ decision: 'excluded', exclusion });
    expect(decision.reason).toMatch(reason);
  });

  it('reports an IdP-synced account a rule matches for action at the identity provider', () => {
    // Act
    const decision = decide(account({ managementSource: 'synced', activity: [{ siteId: 'jira-1', productKey: 'jira-software', lastActive: daysAgo(400) }] }));

    // Assess
    expect(decision).toMatchObject({ decision: 'excluded', exclusion: 'idp-synced', rule: 'suspend-dormant' });
    expect(decision.reason).toBe(`synced from the identity provider: no activity in any product for 400 days (last active ${daysAgo(400).slice(0, 10)}; rule suspend-dormant: 180 days); suspend or deprovision the account at the identity provider`);
  });

  it('a product rule matches the product family (jira = jira-software, jira-servicedesk) and nothing else', () => {
    // Prepare
    const c = config({ rules: [{ id: 'reclaim-jira', product: 'jira', inactiveDays: 90, action: 'reclaim' }] });

    // Act
    const jiraIdle = decide(account({ activity: [{ siteId: 'jira-1', productKey: 'jira-software', lastActive: daysAgo(100) }, { siteId: 'conf-1', productKey: 'confluence', lastActive: daysAgo(300) }] }), c);

    // Assess
    expect(jiraIdle.reclaim?.productKeys).toEqual(['jira-software']);
  });

  it('is pure: the same inputs give the same decision', () => {
    // Prepare
    const subject = account({ activity: [] });

    // Act / Assess
    expect(decide(subject)).toEqual(decide(structuredClone(subject)));
  });
});
