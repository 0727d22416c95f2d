import { describe, expect, it } from 'vitest';
import { directUserRoles, groupRoles, toDirectoryGroup, toDirectoryUser, toUserLastActive } from '../../../functions/lib/atlassian/directory/v2-mappers.js';

describe('v2 mappers', () => {
  it('keeps only direct user roles, reading the deprecated `roles` when no methods are given', () => {
    // Prepare
    const entries = [
      {
        resourceId: 'ari:jira',
        roleAssignments: [
          { role: 'atlassian/admin', roleAssignmentMethods: ['direct'] },
          { role: 'atlassian/user', roleAssignmentMethods: ['group_direct'] },
          { role: 'atlassian/guest', roleAssignmentMethods: ['inferred', 'direct'] },
        ],
      },
      { resourceId: 'ari:confluence', roles: ['atlassian/user'] },
      { roles: ['ignored-without-resource'] },
    ];
    // Act
    const roles = directUserRoles(entries);
    // Assess
    expect(roles).toEqual([
      { resourceId: 'ari:jira', role: 'atlassian/admin' },
      { resourceId: 'ari:jira', role: 'atlassian/guest' },
      { resourceId: 'ari:confluence', role: 'atlassian/user' },
    ]);
  });

  it('flattens group roles per resource', () => {
    expect(groupRoles([{ resourceId: 'r1', roles: ['a', 'b'] }, { roles: ['c'] }])).toEqual([
      { resourceId: 'r1', role: 'a' },
      { resourceId: 'r1', role: 'b' },
    ]);
  });

  it('marks IdP-synced groups', () => {
    expect(toDirectoryGroup({ id: 'g', name: 'okta', externalSynced: true })).toEqual({ id: 'g', name: 'okta', synced: true });
    expect(toDirectoryGroup({ id: 'g' })).toEqual({ id: 'g', name: '', synced: false });
  });

  it('refuses a user without membership status, naming the field', () => {
    expect(() => toDirectoryUser('v2.searchUsers', { accountId: 'a', accountStatus: 'active' })).toThrow(
      expect.objectContaining({ name: 'Atlassian.UnexpectedResponse', message: expect.stringContaining('"membershipStatus"') }),
    );
  });

  it('merges last-active pages, using the timestamp date when the date is missing', () => {
    const activity = toUserLastActive('u', [
      { data: { product_access: [{ id: 's1', key: 'jira-software', last_active: '2026-05-01' }] } },
      { data: { product_access: [{ id: 's2', key: 'confluence', last_active_timestamp: '2026-06-02T08:00:00Z' }, { id: 's3', key: 'trello' }] } },
    ]);
    expect(activity).toEqual({
      accountId: 'u',
      lastActive: '2026-06-02',
      products: [
        { key: 'jira-software', id: 's1', lastActive: '2026-05-01' },
        { key: 'confluence', id: 's2', lastActive: '2026-06-02' },
        { key: 'trello', id: 's3' },
      ],
    });
  });
});
