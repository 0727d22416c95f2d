import { describe, expect, it } from 'vitest';
import { EventModelSchema } from '../../../functions/lib/atlassian/schemas/v1-events.js';
import { accessGrantOf } from '../../../functions/lib/sweep/grant-events.js';

/** Audit events in the shape of Atlassian's EventModel (org-api spec), parsed as the client parses them. */
function event(action: string, context: object[], container: object[] = [{ id: 'org-1', type: 'ATLASSIAN_ORG' }], time = '2026-12-03T09:15:00.000Z') {
  return EventModelSchema.parse({
    id: 'e-1',
    type: 'events',
    attributes: { time, action, actor: { id: 'admin-1', name: 'Olivia Admin', links: { self: 'https://x/users/admin-1' } }, context, container },
    links: { self: 'https://api.atlassian.com/admin/v1/orgs/org-1/events/e-1' },
  });
}

const USER = { id: 'acc-sam', type: 'user', attributes: { name: 'Sam' } };
const GROUP = { id: 'g-jira', type: 'group', attributes: { name: 'jira-software-users' } };
const ROLE = { id: 'atlassian/user', type: 'role' };
const JIRA_SITE = { id: 'ari:cloud:jira-software::site/site-jira', type: 'site' };

describe('accessGrantOf (audit event -> grant)', () => {
  it('user_added_to_group: the account and the group (the access map says what the group grants)', () => {
    expect(accessGrantOf(event('user_added_to_group', [USER, GROUP]))).toEqual({ action: 'user_added_to_group', at: '2026-12-03T09:15:00.000Z', accountId: 'acc-sam', groupId: 'g-jira' });
  });

  it('user_role_assigned on a site: the account and the site, from the site ARI (in the context or the container)', () => {
    expect(accessGrantOf(event('user_role_assigned', [USER, ROLE, JIRA_SITE]))).toMatchObject({ accountId: 'acc-sam', siteId: 'site-jira' });
    expect(accessGrantOf(event('user_product_access_granted', [USER], [{ id: 'ari:cloud:confluence::site/site-conf', type: 'workspace' }]))).toMatchObject({ accountId: 'acc-sam', siteId: 'site-conf' });
    expect(accessGrantOf(event('user_product_access_granted', [USER, { id: 'site-conf', type: 'Site' }]))).toMatchObject({ siteId: 'site-conf' });
  });

  it('group_role_assigned on a site: the group and the site, for every member', () => {
    expect(accessGrantOf(event('group_role_assigned', [GROUP, ROLE, JIRA_SITE]))).toEqual({ action: 'group_role_assigned', at: '2026-12-03T09:15:00.000Z', groupId: 'g-jira', siteId: 'site-jira' });
  });

  it('no grant: another action, a role on the org (no product), nobody named, an unreadable time', () => {
    expect(accessGrantOf(event('user_removed_from_group', [USER, GROUP]))).toBeUndefined();
    expect(accessGrantOf(event('user_role_assigned', [USER, { id: 'atlassian/org-admin', type: 'role' }, { id: 'ari:cloud:platform::org/org-1', type: 'org' }]))).toBeUndefined();
    expect(accessGrantOf(event('group_role_assigned', [GROUP, ROLE]))).toBeUndefined();
    expect(accessGrantOf(event('user_added_to_group', [GROUP]))).toBeUndefined();
    expect(accessGrantOf(event('user_added_to_group', [USER, GROUP], [], 'yesterday'))).toBeUndefined();
  });
});
