import { describe, expect, it } from 'vitest';
import { inviteUser } from '../../../../local/simulator/model/invite.js';
import { removeUser } from '../../../../local/simulator/model/user-lifecycle.js';
import { demoState } from './state-fixture.js';

describe('invite rule', () => {
  it('creates a managed account with groups and roles, reporting each', () => {
    // Prepare
    const { state, events, ids, group } = demoState();

    // Act
    const outcome = inviteUser(state, {
      email: 'new.hire@acme.example',
      groupIds: [group('engineering').id, 'missing-group', group('okta-all-staff').id],
      roles: [{ resource: ids.sites.jira.resourceId, role: 'atlassian/user' }, { resource: 'ari:unknown', role: 'atlassian/user' }],
    });

    // Assess
    expect(outcome.status).toBe('created');
    expect(outcome.user).toMatchObject({ email: 'new.hire@acme.example', name: 'New Hire', membershipStatus: 'active', claimStatus: 'managed' });
    expect(outcome.groups.map((g) => g.ok)).toEqual([true, false, false]);
    expect(outcome.roles.map((r) => r.ok)).toEqual([true, false]);
    expect(state.isMember(group('engineering').id, outcome.user.accountId)).toBe(true);
    expect(events.map((event) => event.action)).toEqual(['user_invited', 'user_added_to_group', 'user_role_assigned']);
  });

  it('leaves existing members as they are and brings removed accounts back with nothing', () => {
    // Prepare
    const { state, user } = demoState();
    const ken = user('ken.thompson@acme.example');
    const frank = user('frank.audit@acme.example');
    removeUser(state, frank.accountId);

    // Act
    const existing = inviteUser(state, { email: 'KEN.THOMPSON@acme.example' });
    const readded = inviteUser(state, { email: frank.email });

    // Assess
    expect([existing.status, ken.membershipStatus]).toEqual(['existing', 'suspended']);
    expect([readded.status, readded.user.accountId, frank.membershipStatus]).toEqual(['readded', frank.accountId, 'active']);
    expect(state.groupsOf(frank.accountId).size).toBe(0);
  });

  it('needs a paid subscription, a valid email and a free seat', () => {
    // Prepare
    const { state } = demoState();

    // Act
    const attempt = (email: string) => { try { inviteUser(state, { email }); return 'ok'; } catch (error) { return (error as { kind: string }).kind; } };
    const invalid = attempt('not-an-email');
    state.behaviour.licenseLimit = state.countActiveMembers();
    const overLimit = attempt('one.more@acme.example');
    state.behaviour.paidSubscription = false;
    const unpaid = attempt('one.more@acme.example');

    // Assess
    expect([invalid, overLimit, unpaid]).toEqual(['invalidInput', 'licenseLimit', 'noPaidSubscription']);
  });
});
