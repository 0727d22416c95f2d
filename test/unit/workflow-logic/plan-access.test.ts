import { describe, expect, it } from 'vitest';
import { planAccess } from '../../../functions/actions/plan-access.js';
import { USER, deps, rejection } from './logic-fixtures.js';

const JIRA_USER = { resourceId: 'ari:cloud:jira-software::site/j', role: 'atlassian/user' };
const current = (groups: string[], roles: Array<{ resourceId: string; role: string }> = []) => ({
  accountId: 'acc-1',
  groups: groups.map((name) => ({ id: `g-${name}`, name, synced: name.startsWith('okta') })),
  roles,
});

describe('planAccess', () => {
  it('joiner (no current access): every desired group and role is to add', async () => {
    // Act
    const plan = await planAccess({ attributes: { department: 'engineering' }, requireAccount: false, dryRun: false }, deps());

    // Assess
    expect(plan).toMatchObject({ accountId: '', matchedRules: ['everyone', 'eng'], add: { groups: ['engineering', 'staff'], roles: [JIRA_USER] } });
  });

  it('mover: adds what is missing, removes managed access no longer granted, never touches unmanaged access', async () => {
    // Act
    const plan = await planAccess(
      {
        attributes: { department: 'Sales' },
        lookup: { found: true, user: USER },
        current: current(['engineering', 'staff', 'okta-all', 'finance-private'], [JIRA_USER, { resourceId: 'x', role: 'atlassian/admin' }]),
        requireAccount: false,
        dryRun: false,
      },
      deps(),
    );

    // Assess
    expect(plan.accountId).toBe('acc-1');
    expect(plan.attributes).toEqual({ department: 'Sales', jobTitle: 'Engineer' });
    expect(plan.add).toEqual({ groups: ['sales'], roles: [] });
    expect(plan.inPlace).toEqual({ groups: ['staff'], roles: [] });
    expect(plan.remove).toEqual({ groups: ['engineering'], roles: [JIRA_USER] });
    expect(plan.unmanaged).toEqual({ groups: ['okta-all', 'finance-private'], roles: [{ resourceId: 'x', role: 'atlassian/admin' }] });
  });

  it('refuses a real run over the blast-radius limit, and only warns in a dry run', async () => {
    // Prepare
    const input = {
      attributes: { department: 'Nowhere' },
      lookup: { found: true as const, user: USER },
      current: current(['engineering', 'sales'], [JIRA_USER]),
      requireAccount: false,
    };

    // Act
    const message = await rejection(planAccess({ ...input, dryRun: false }, deps()), 'Jml.BlastRadiusExceeded');
    const dry = await planAccess({ ...input, dryRun: true }, deps());

    // Assess
    expect(message).toContain('removes 3 groups and roles');
    expect(message).toContain('limits.maxRemovalsPerRun (2)');
    expect(dry.warnings[0]).toContain('A real run would stop here.');
  });

  it('with requireAccount, a lookup that found nobody is Atlassian.NotFound', async () => {
    // Act
    const message = await rejection(planAccess({ attributes: {}, lookup: { found: false }, requireAccount: true, dryRun: false }, deps()), 'Atlassian.NotFound');

    // Assess
    expect(message).toContain('does not appear in the directory');
  });
});
