import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../../local/simulator/model/model-error.js';
import { removeUser, restoreUser, suspendUser } from '../../../../local/simulator/model/user-lifecycle.js';
import { demoState } from './state-fixture.js';

describe('user lifecycle rules', () => {
  it('suspends an active user, keeping groups and roles, and restores them unchanged', () => {
    // Prepare
    const { state, events, user } = demoState();
    const grace = user('grace.hopper@acme.example');
    const groupsBefore = [...state.groupsOf(grace.accountId)].sort();
    const rolesBefore = JSON.stringify([...state.rolesOf('user', grace.accountId)].map(([r, roles]) => [r, [...roles]]));

    // Act
    const suspended = suspendUser(state, grace.accountId);
    const afterSuspend = grace.membershipStatus;
    const restored = restoreUser(state, grace.accountId);

    // Assess
    expect([suspended, afterSuspend, restored, grace.membershipStatus]).toEqual(['done', 'suspended', 'done', 'active']);
    expect([...state.groupsOf(grace.accountId)].sort()).toEqual(groupsBefore);
    expect(JSON.stringify([...state.rolesOf('user', grace.accountId)].map(([r, roles]) => [r, [...roles]]))).toBe(rolesBefore);
    expect(events.map((event) => event.action)).toEqual(['user_suspended_from_org', 'user_restored_to_org']);
    expect(events[0]).toMatchObject({ actorId: state.actorId, objects: [{ type: 'user', id: grace.accountId }] });
  });

  it('treats suspending a suspended user and restoring an active one as no-op successes without audit events', () => {
    // Prepare
    const { state, events, user } = demoState();

    // Act
    const outcomes = [suspendUser(state, user('ken.thompson@acme.example').accountId), restoreUser(state, user('ada.lovelace@acme.example').accountId)];

    // Assess
    expect(outcomes).toEqual(['already', 'already']);
    expect(events).toEqual([]);
  });

  it('removes a user permanently: memberships, direct roles and platform roles are gone; a second removal is userNotFound', () => {
    // Prepare
    const { state, events, user } = demoState();
    const admin = user('olivia.admin@acme.example');

    // Act
    removeUser(state, admin.accountId);
    const again = (() => { try { removeUser(state, admin.accountId); } catch (error) { return error; } })();

    // Assess
    expect(admin.membershipStatus).toBe('no_membership');
    expect(state.groupsOf(admin.accountId).size).toBe(0);
    expect(admin.platformRoles.size).toBe(0);
    expect(state.rolesOf('user', admin.accountId).size).toBe(0);
    expect(again).toBeInstanceOf(ModelError);
    expect((again as ModelError).kind).toBe('userNotFound');
    expect(events.map((event) => event.action)).toEqual(['user_removed_from_directory']);
  });

  it('refuses to suspend, restore or remove unknown users', () => {
    // Prepare
    const { state } = demoState();

    // Act
    const kinds = [suspendUser, restoreUser, removeUser].map((rule) => {
      try { rule(state, 'no-such-account'); return 'ok'; } catch (error) { return (error as ModelError).kind; }
    });

    // Assess
    expect(kinds).toEqual(['userNotFound', 'userNotFound', 'userNotFound']);
  });

  it('refuses to restore beyond the license limit', () => {
    // Prepare
    const { state, user } = demoState();
    state.behaviour.licenseLimit = state.countActiveMembers();

    // Act
    const attempt = () => restoreUser(state, user('ken.thompson@acme.example').accountId);

    // Assess
    expect(attempt).toThrow(expect.objectContaining({ kind: 'licenseLimit' }));
  });
});
