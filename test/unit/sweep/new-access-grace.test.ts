import { describe, expect, it } from 'vitest';
import { JmlConfigSchema } from '../../../functions/lib/config/jml-config-schema.js';
import type { AccessGrant, RecentGrantsFile } from '../../../functions/lib/sweep/access-grants.js';
import { decideAccount } from '../../../functions/lib/sweep/decide-account.js';
import { RecentAccess } from '../../../functions/lib/sweep/recent-access.js';
import type { AccessMap, ScannedAccount } from '../../../functions/lib/sweep/sweep-types.js';

/** decideAccount with `inactivity.newAccessGraceDays` (default 30) and the grants the audit log showed. */
const NOW = new Date('2026-12-06T06:00:00Z');
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

const ACCESS: AccessMap = {
  sites: [{ siteId: 'jira-1', productKey: 'jira-software' }, { siteId: 'conf-1', productKey: 'confluence' }],
  groups: [
    { id: 'g-jira', name: 'jira-software-users', synced: false, modifiable: true, siteIds: ['jira-1'] },
    { id: 'g-conf', name: 'confluence-users', synced: false, modifiable: true, siteIds: ['conf-1'] },
    { id: 'g-eng', name: 'engineering', synced: false, modifiable: true, siteIds: ['jira-1', 'conf-1'] },
  ],
};

const CONFIG = JmlConfigSchema.parse({
  accessRules: [],
  inactivity: {
    rules: [
      { id: 'suspend-dormant', product: 'all', inactiveDays: 180, action: 'suspend' },
      { id: 'reclaim-jira', product: 'jira', inactiveDays: 90, action: 'reclaim' },
      { id: 'reclaim-confluence', product: 'confluence', inactiveDays: 90, action: 'reclaim' },
    ],
  },
});

/** Sam: in the org for 1277 days, uses Confluence, holds Jira through jira-software-users, never used it. */
function sam(overrides: Partial<ScannedAccount> = {}): ScannedAccount {
  return {
    accountId: 'sam', email: 'sam@example.com', name: 'Sam', accountType: 'atlassian', accountStatus: 'active', membershipStatus: 'active',
    managementSource: 'invited', addedToOrg: daysAgo(1277), platformRoles: [],
    groups: [{ id: 'g-jira', name: 'jira-software-users' }, { id: 'g-conf', name: 'confluence-users' }],
    activity: [{ siteId: 'conf-1', productKey: 'confluence', lastActive: daysAgo(3) }],
    ...overrides,
  };
}

const read = (grants: AccessGrant[], graceDays = 30): RecentGrantsFile => ({ status: 'read', graceDays, since: daysAgo(graceDays + 1), events: grants.length, grants });
const addedToGroup = (groupId: string, at: string, accountId = 'sam'): AccessGrant => ({ action: 'user_added_to_group', at, accountId, groupId });
const decide = (account: ScannedAccount, grants: RecentGrantsFile) => decideAccount(account, { config: CONFIG, access: ACCESS, recentAccess: new RecentAccess(grants, ACCESS, NOW), now: NOW });

const UNAVAILABLE: RecentGrantsFile = {
  status: 'unavailable', graceDays: 30, since: daysAgo(31), error: 'Atlassian.Forbidden', message: 'The API key may not read the audit log.',
};

describe('new-access grace (decideAccount with the audit log)', () => {
  it('spares Jira granted 3 days ago and never used, instead of counting 1277 days from addedToOrg', () => {
    // Act
    const decision = decide(sam(), read([addedToGroup('g-jira', daysAgo(3))]));

    // Assess
    expect(decision).toMatchObject({ decision: 'spared', rule: 'reclaim-jira' });
    expect(decision.reason).toBe(
      `spared: access to jira-software granted ${daysAgo(3).slice(0, 10)} (within inactivity.newAccessGraceDays: 30 days); ` +
        'it would otherwise be: jira-software: 1277 days without activity (never used (counted from when the account was added); rule reclaim-jira: 90 days)',
    );
    expect(decision.products.find((product) => product.siteId === 'jira-1')).toMatchObject({ grantedAt: daysAgo(3), daysInactive: 1277 });
  });

  it('the same account without a grant in the audit log, or with one older than the grace, is reclaimed as before', () => {
    // Act
    const none = decide(sam(), read([]));
    const old = decide(sam(), read([addedToGroup('g-jira', daysAgo(30))]));
    const justInside = decide(sam(), read([addedToGroup('g-jira', new Date(NOW.getTime() - 30 * DAY + 60_000).toISOString())]));

    // Assess
    expect(none).toMatchObject({ decision: 'reclaim', reclaim: { groups: [{ id: 'g-jira' }] } });
    expect(old).toMatchObject({ decision: 'reclaim', reclaim: { groups: [{ id: 'g-jira' }] } });
    expect(justInside.decision).toBe('spared');
  });

  it('a shorter grace counts too: 7 days spare a grant of 6 days ago, not one of 8', () => {
    // Act / Assess
    expect(decide(sam(), read([addedToGroup('g-jira', daysAgo(6))], 7)).decision).toBe('spared');
    expect(decide(sam(), read([addedToGroup('g-jira', daysAgo(8))], 7)).decision).toBe('reclaim');
  });

  it('whoever granted it: a product role given to a group the account is in spares the product too', () => {
    // Act
    const toGroup = decide(sam(), read([{ action: 'group_role_assigned', at: daysAgo(5), groupId: 'g-jira', siteId: 'jira-1' }]));
    const toOtherGroup = decide(sam(), read([{ action: 'group_role_assigned', at: daysAgo(5), groupId: 'g-eng', siteId: 'jira-1' }]));

    // Assess
    expect(toGroup.decision).toBe('spared');
    expect(toOtherGroup.decision).toBe('reclaim');
  });

  it('a product role given to the account itself spares its suspension (the scan shows no group to reclaim for it)', () => {
    // Prepare: never active, holds Confluence only; an admin gave it Jira directly 2 days ago.
    const dormant = sam({ activity: [], groups: [{ id: 'g-conf', name: 'confluence-users' }] });
    const direct = read([{ action: 'user_role_assigned', at: daysAgo(2), accountId: 'sam', siteId: 'jira-1' }]);

    // Act
    const decision = decide(dormant, direct);

    // Assess
    expect(decision).toMatchObject({ decision: 'reclaim', rule: 'reclaim-confluence', reclaim: { groups: [{ id: 'g-conf' }] } });
    expect(decision.reason).toContain(`spared: access to jira-software granted ${daysAgo(2).slice(0, 10)} (within inactivity.newAccessGraceDays: 30 days); not suspended (rule suspend-dormant)`);
  });

  it('a new way to a product the account already held (a direct role on top of its old group) is not new access', () => {
    // Act
    const decision = decide(sam(), read([{ action: 'user_role_assigned', at: daysAgo(2), accountId: 'sam', siteId: 'jira-1' }]));

    // Assess
    expect(decision).toMatchObject({ decision: 'reclaim', rule: 'reclaim-jira' });
  });

  it('a grant through a group the account has left since gives nothing; a grant to another account neither', () => {
    // Act
    const left = decide(sam(), read([addedToGroup('g-eng', daysAgo(3))]));
    const someoneElse = decide(sam(), read([addedToGroup('g-jira', daysAgo(3), 'pat')]));

    // Assess
    expect(left.decision).toBe('reclaim');
    expect(someoneElse.decision).toBe('reclaim');
  });

  it('only what the account did not have is new: Confluence, held for years through confluence-users, is still reclaimed', () => {
    // Prepare: engineering (Jira + Confluence) joined 4 days ago; Confluence unused for 100 days, Jira never used.
    const engineer = sam({ groups: [{ id: 'g-eng', name: 'engineering' }, { id: 'g-conf', name: 'confluence-users' }], activity: [{ siteId: 'conf-1', productKey: 'confluence', lastActive: daysAgo(100) }] });

    // Act
    const decision = decide(engineer, read([addedToGroup('g-eng', daysAgo(4))]));

    // Assess
    expect(decision).toMatchObject({ decision: 'reclaim', rule: 'reclaim-confluence', reclaim: { groups: [{ id: 'g-conf', name: 'confluence-users' }] } });
    expect(decision.products.map((product) => [product.productKey, product.grantedAt])).toEqual([['confluence', undefined], ['jira-software', daysAgo(4)]]);
    expect(decision.reason).toContain('kept "engineering" (also grants a product spared below)');
    expect(decision.reason).toContain(`; spared: access to jira-software granted ${daysAgo(4).slice(0, 10)} (within`);
  });

  it('a product held through two groups is new only when both ways are recent; it was received with the first', () => {
    // Prepare: Sam holds Jira through jira-software-users and engineering.
    const both = sam({ groups: [{ id: 'g-jira', name: 'jira-software-users' }, { id: 'g-eng', name: 'engineering' }, { id: 'g-conf', name: 'confluence-users' }] });

    // Act
    const oneOld = decide(both, read([addedToGroup('g-eng', daysAgo(2))]));
    const bothNew = decide(both, read([addedToGroup('g-eng', daysAgo(2)), addedToGroup('g-jira', daysAgo(9))]));

    // Assess
    expect(oneOld.products.find((product) => product.siteId === 'jira-1')?.grantedAt).toBeUndefined();
    expect(bothNew.products.find((product) => product.siteId === 'jira-1')?.grantedAt).toBe(daysAgo(9));
  });

  it('an account granted a product within the grace is not suspended (it would lose the new access); its other unused products are reclaimed', () => {
    // Prepare: never active anywhere in 1277 days; Jira just granted.
    const dormant = sam({ activity: [] });

    // Act
    const decision = decide(dormant, read([addedToGroup('g-jira', daysAgo(1))]));

    // Assess
    expect(decision).toMatchObject({ decision: 'reclaim', rule: 'reclaim-confluence', reclaim: { groups: [{ id: 'g-conf' }], productKeys: ['confluence'] } });
    expect(decision.reason).toContain(`spared: access to jira-software granted ${daysAgo(1).slice(0, 10)} (within inactivity.newAccessGraceDays: 30 days); not suspended (rule suspend-dormant)`);
  });

  it('with nothing else to reclaim, a suspension the grant stops is `spared` and says what it would have been', () => {
    // Act
    const decision = decide(sam({ activity: [], groups: [{ id: 'g-jira', name: 'jira-software-users' }] }), read([addedToGroup('g-jira', daysAgo(1))]));

    // Assess
    expect(decision).toMatchObject({ decision: 'spared', rule: 'suspend-dormant' });
    expect(decision.reason).toMatch(/^spared: access to jira-software granted \S+ \(within inactivity\.newAccessGraceDays: 30 days\); not suspended \(rule suspend-dormant\); it would otherwise be: no activity in any product for 1277 days .*: suspend the account; jira-software: 1277 days/);
  });

  it('a product used recently is kept as before, granted or not: the grace changes nothing there', () => {
    // Act
    const decision = decide(sam({ activity: [{ siteId: 'jira-1', productKey: 'jira-software', lastActive: daysAgo(1) }, { siteId: 'conf-1', productKey: 'confluence', lastActive: daysAgo(1) }] }), read([addedToGroup('g-jira', daysAgo(3))]));

    // Assess
    expect(decision.decision).toBe('keep');
  });

  it('an IdP-synced account granted a product recently is spared, not sent to the identity provider', () => {
    // Act
    const decision = decide(sam({ managementSource: 'synced' }), read([addedToGroup('g-jira', daysAgo(3))]));

    // Assess
    expect(decision.decision).toBe('spared');
  });

  it('newAccessGraceDays 0 (audit log not read): never used counts from addedToOrg, as before', () => {
    // Act / Assess
    expect(decide(sam(), { status: 'off' })).toMatchObject({ decision: 'reclaim', rule: 'reclaim-jira' });
  });

  describe('the audit log could not be read', () => {
    it('a never-used product is spared, not counted from addedToOrg, and the reason says why', () => {
      // Act
      const decision = decide(sam(), UNAVAILABLE);

      // Assess
      expect(decision).toMatchObject({ decision: 'spared', rule: 'reclaim-jira' });
      expect(decision.reason).toMatch(/^spared: jira-software never used and the audit log could not be read \(Atlassian\.Forbidden: The API key may not read the audit log\.\): when access was granted is unknown/);
    });

    it('an account never active is not suspended; one last active 200 days ago still is (its date does not depend on the audit log)', () => {
      // Act
      const never = decide(sam({ activity: [] }), UNAVAILABLE);
      const dormant = decide(sam({ activity: [{ siteId: 'conf-1', productKey: 'confluence', lastActive: daysAgo(200) }] }), UNAVAILABLE);

      // Assess
      expect(never).toMatchObject({ decision: 'spared', rule: 'suspend-dormant' });
      expect(never.reason).toContain('confluence, jira-software never used and the audit log could not be read');
      expect(never.reason).toContain('not suspended (rule suspend-dormant)');
      expect(dormant).toMatchObject({ decision: 'suspend', rule: 'suspend-dormant' });
    });

    it('a product last used long ago is still reclaimed', () => {
      // Act
      const decision = decide(sam({ activity: [{ siteId: 'conf-1', productKey: 'confluence', lastActive: daysAgo(1) }, { siteId: 'jira-1', productKey: 'jira-software', lastActive: daysAgo(120) }] }), UNAVAILABLE);

      // Assess
      expect(decision).toMatchObject({ decision: 'reclaim', rule: 'reclaim-jira', reclaim: { groups: [{ id: 'g-jira' }] } });
    });
  });
});
