import { describe, expect, it } from 'vitest';
import { putGroups, putUsers } from '../../../../local/simulator/model/seed-input.js';
import { demoState } from './state-fixture.js';

describe('seed input', () => {
  it('puts groups and users with memberships, roles and last-active dates', () => {
    // Prepare
    const { state, ids } = demoState();

    // Act
    const [group] = putGroups(state, [{ name: 'qa', roles: [{ site: ids.sites.jira.id, role: 'atlassian/user' }] }]);
    const [user] = putUsers(state, [{
      email: 'tess.tester@acme.example', name: 'Tess Tester', department: 'Engineering', groups: ['qa', 'engineering'],
      lastActive: [{ site: ids.sites.jira.resourceId, at: '2026-01-01T00:00:00Z' }],
    }]);

    // Assess
    expect(state.findGroupByName('qa')?.id).toBe(group.id);
    expect([...state.groupsOf(user.accountId)].map((id) => state.getGroup(id)!.name).sort()).toEqual(['engineering', 'qa']);
    expect(user.activity).toEqual([{ siteId: ids.sites.jira.id, productKey: 'jira-software', lastActive: new Date('2026-01-01T00:00:00Z') }]);
    expect(user.claimStatus).toBe('managed');
  });

  it('says what is wrong with bad seeds', () => {
    // Prepare
    const { state } = demoState();

    // Act / Assess
    expect(() => putUsers(state, [{ email: 'x@acme.example', groups: ['no-such-group'] }])).toThrow(/Unknown group "no-such-group"/);
    expect(() => putUsers(state, [{ email: 'not-an-email' }])).toThrow();
    expect(() => putGroups(state, [{ name: 'g', members: ['ghost@acme.example'] }])).toThrow(/Unknown member/);
  });
});
