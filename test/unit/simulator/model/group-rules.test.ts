import { describe, expect, it } from 'vitest';
import { addMember, createGroup, deleteGroup, removeMember } from '../../../../local/simulator/model/group-rules.js';
import { removeUser } from '../../../../local/simulator/model/user-lifecycle.js';
import { kindOf } from './error-kind.js';
import { demoState } from './state-fixture.js';

describe('group rules', () => {
  it('creates a group with a unique name and audits it', () => {
    // Prepare
    const { state, events } = demoState();

    // Act
    const group = createGroup(state, 'data-science', 'Data people');
    const duplicate = kindOf(() => createGroup(state, 'DATA-SCIENCE'));
    const blank = kindOf(() => createGroup(state, '  '));

    // Assess
    expect(state.findGroupByName('data-science')?.id).toBe(group.id);
    expect([duplicate, blank]).toEqual(['groupNameTaken', 'invalidInput']);
    expect(events).toEqual([expect.objectContaining({ action: 'group_created', objects: [{ type: 'group', id: group.id, name: 'data-science' }] })]);
  });

  it('adds and removes members; existing member is a conflict, non-member is notAMember', () => {
    // Prepare
    const { state, events, group, user } = demoState();
    const sales = group('sales');
    const ada = user('ada.lovelace@acme.example');

    // Act
    addMember(state, sales.id, ada.accountId);
    const twice = kindOf(() => addMember(state, sales.id, ada.accountId));
    removeMember(state, sales.id, ada.accountId);
    const notMember = kindOf(() => removeMember(state, sales.id, ada.accountId));

    // Assess
    expect([twice, notMember]).toEqual(['alreadyAMember', 'notAMember']);
    expect(state.isMember(sales.id, ada.accountId)).toBe(false);
    expect(events.map((event) => event.action)).toEqual(['user_added_to_group', 'user_removed_from_group']);
  });

  it('keeps IdP-synced and admin group memberships read-only', () => {
    // Prepare
    const { state, group, user } = demoState();
    const ada = user('ada.lovelace@acme.example');
    const linus = user('linus.torvalds@acme.example');

    // Act
    const results = [
      kindOf(() => addMember(state, group('okta-all-staff').id, ada.accountId)),
      kindOf(() => removeMember(state, group('okta-all-staff').id, linus.accountId)),
      kindOf(() => addMember(state, group('org-admins').id, ada.accountId)),
    ];

    // Assess
    expect(results).toEqual(['syncedGroup', 'syncedGroup', 'adminGroup']);
  });

  it('refuses membership changes for unknown groups and users not in the directory', () => {
    // Prepare
    const { state, group, user } = demoState();
    const frank = user('frank.audit@acme.example');
    removeUser(state, frank.accountId);

    // Act
    const results = [kindOf(() => addMember(state, 'no-such-group', frank.accountId)), kindOf(() => addMember(state, group('sales').id, frank.accountId))];

    // Assess
    expect(results).toEqual(['groupNotFound', 'userNotFound']);
  });

  it('protects synced, admin and default-access groups from deletion and honours requireEmpty', () => {
    // Prepare
    const { state, events, group } = demoState();

    // Act
    const protectedKinds = ['okta-all-staff', 'org-admins', 'jira-software-users'].map((name) =>
      kindOf(() => deleteGroup(state, group(name).id, { requireEmpty: false })));
    const notEmpty = kindOf(() => deleteGroup(state, group('finance').id, { requireEmpty: true }));
    const financeId = group('finance').id;
    deleteGroup(state, financeId, { requireEmpty: false });

    // Assess
    expect(protectedKinds).toEqual(['syncedGroup', 'adminGroup', 'defaultAccessGroup']);
    expect(notEmpty).toBe('groupNotEmpty');
    expect(state.getGroup(financeId)).toBeUndefined();
    expect(state.findGroupByName('finance')).toBeUndefined();
    expect([...state.users.keys()].some((id) => state.groupsOf(id).has(financeId))).toBe(false);
    expect(kindOf(() => deleteGroup(state, financeId, { requireEmpty: false }))).toBe('groupNotFound');
    expect(events.map((event) => event.action)).toEqual(['group_deleted']);
  });
});
