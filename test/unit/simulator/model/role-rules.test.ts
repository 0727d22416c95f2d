import { describe, expect, it } from 'vitest';
import { assignGroupRole, assignUserRole, revokeGroupRole, revokeUserRole } from '../../../../local/simulator/model/role-rules.js';
import { kindOf } from './error-kind.js';
import { demoState } from './state-fixture.js';

describe('role rules', () => {
  it('assigns and revokes a site role on a user idempotently, auditing only real changes', () => {
    // Prepare
    const { state, events, ids, user } = demoState();
    const sam = user('sam.seller@acme.example');
    const request = { resourceId: ids.sites.jira.resourceId, role: 'atlassian/user' };

    // Act
    const outcomes = [assignUserRole(state, sam.accountId, request), assignUserRole(state, sam.accountId, request)];
    const held = state.rolesOf('user', sam.accountId).get(ids.sites.jira.resourceId)?.has('atlassian/user');
    outcomes.push(revokeUserRole(state, sam.accountId, request), revokeUserRole(state, sam.accountId, request));

    // Assess
    expect(outcomes).toEqual(['done', 'already', 'done', 'already']);
    expect(held).toBe(true);
    expect(events.map((event) => event.action)).toEqual(['user_role_assigned', 'user_role_revoked']);
  });

  it('treats org-level roles as platform roles', () => {
    // Prepare
    const { state, user } = demoState();
    const sid = user('sid.ticket@acme.example');

    // Act
    assignUserRole(state, sid.accountId, { role: 'atlassian/org-admin' });

    // Assess
    expect([...sid.platformRoles]).toEqual(['atlassian/org-admin']);
  });

  it('grants roles to groups and rejects unknown sites, invalid roles and unknown groups', () => {
    // Prepare
    const { state, ids, group } = demoState();
    const sales = group('sales');

    // Act
    assignGroupRole(state, sales.id, { resourceId: ids.sites.jira.id, role: 'atlassian/user' });
    const kinds = [
      kindOf(() => assignGroupRole(state, sales.id, { resourceId: 'ari:cloud:jira-software::site/unknown', role: 'atlassian/user' })),
      kindOf(() => assignGroupRole(state, sales.id, { resourceId: ids.sites.jira.resourceId, role: 'atlassian/org-admin' })),
      kindOf(() => revokeGroupRole(state, 'nope', { resourceId: ids.sites.jira.resourceId, role: 'atlassian/user' })),
    ];

    // Assess
    expect(state.rolesOf('group', sales.id).get(ids.sites.jira.resourceId)?.has('atlassian/user')).toBe(true);
    expect(kinds).toEqual(['resourceNotFound', 'invalidRole', 'groupNotFound']);
  });

  it('answers "contact support" when the org has role APIs switched off', () => {
    // Prepare
    const { state, ids, user } = demoState();
    const sam = user('sam.seller@acme.example');

    // Act
    state.behaviour.roleApis = 'forbidden';
    const forbidden = kindOf(() => assignUserRole(state, sam.accountId, { resourceId: ids.sites.jira.resourceId, role: 'atlassian/user' }));
    state.behaviour.roleApis = 'notFound';
    const notFound = kindOf(() => revokeUserRole(state, sam.accountId, { resourceId: ids.sites.jira.resourceId, role: 'atlassian/user' }));

    // Assess
    expect([forbidden, notFound]).toEqual(['roleApisForbidden', 'roleApisNotFound']);
  });
});
