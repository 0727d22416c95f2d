import { DEMO_GROUPS, DEMO_ORG_ADMIN_EMAIL, demoIds } from '../../../local/simulator/index.js';

/**
 * Requests the contract test sends to the simulator, in order (later ones use what earlier ones
 * created). Each names the OpenAPI operation it exercises and the status it must get back; the
 * body of the answer is then validated against that status's schema in Atlassian's spec.
 */
export interface ContractContext {
  orgId: string;
  directoryId: string;
  /** Users seeded for destructive calls, by purpose. */
  users: Record<'v1' | 'v2' | 'member' | 'roles', string>;
  /** Groups seeded for destructive calls. */
  groups: Record<'v1Delete' | 'v2Delete' | 'members', string>;
  /** Filled while the cases run. */
  created: Record<string, string>;
}

export interface ContractCase {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  openApiPath: string;
  path: (ctx: ContractContext) => string;
  body?: (ctx: ContractContext) => unknown;
  /** The body is deliberately invalid (do not check it against the request schema). */
  invalidBody?: boolean;
  status: number;
  /** Keeps something from the response for later cases. */
  capture?: (body: any, ctx: ContractContext) => void;
}

const ids = demoIds();
const jira = ids.sites.jira;
const confluence = ids.sites.confluence;
const admin = ids.accountId(DEMO_ORG_ADMIN_EMAIL);
const ada = ids.accountId('ada.lovelace@acme.example');
const engineering = ids.groupId(DEMO_GROUPS.engineering);
const NO_SUCH_UUID = '00000000-0000-4000-8000-000000000000';

const v1 = (ctx: ContractContext) => `/v1/orgs/${ctx.orgId}`;
const v2 = (ctx: ContractContext) => `/v2/orgs/${ctx.orgId}`;
const dir = (ctx: ContractContext) => `${v2(ctx)}/directories/${ctx.directoryId}`;
const P = '/v1/orgs/{orgId}/policies';
const D = '/v2/orgs/{orgId}/directories/{directoryId}';

const policyBody = (name: string) => ({
  data: { type: 'policy', attributes: { name, type: 'ip-allowlist', status: 'enabled', rule: { in: ['203.0.113.0/24'] }, resources: [{ id: jira.resourceId }] } },
});

export const CASES: ContractCase[] = [
  // ---- orgs, domains ---------------------------------------------------------------------
  { name: 'list orgs', method: 'GET', openApiPath: '/v1/orgs', path: () => '/v1/orgs', status: 200 },
  { name: 'invalid cursor', method: 'GET', openApiPath: '/v1/orgs', path: () => '/v1/orgs?cursor=bogus', status: 400 },
  { name: 'get org', method: 'GET', openApiPath: '/v1/orgs/{orgId}', path: v1, status: 200 },
  { name: 'list domains', method: 'GET', openApiPath: '/v1/orgs/{orgId}/domains', path: (c) => `${v1(c)}/domains`, status: 200,
    capture: (body, c) => { c.created.domainId = body.data[0].id; } },
  { name: 'invalid cursor', method: 'GET', openApiPath: '/v1/orgs/{orgId}/domains', path: (c) => `${v1(c)}/domains?cursor=bogus`, status: 400 },
  { name: 'get domain', method: 'GET', openApiPath: '/v1/orgs/{orgId}/domains/{domainId}', path: (c) => `${v1(c)}/domains/${c.created.domainId}`, status: 200 },
  { name: 'malformed domain id', method: 'GET', openApiPath: '/v1/orgs/{orgId}/domains/{domainId}', path: (c) => `${v1(c)}/domains/not-a-uuid`, status: 400 },
  { name: 'unknown domain', method: 'GET', openApiPath: '/v1/orgs/{orgId}/domains/{domainId}', path: (c) => `${v1(c)}/domains/${NO_SUCH_UUID}`, status: 404 },

  // ---- policies --------------------------------------------------------------------------
  { name: 'create policy', method: 'POST', openApiPath: P, path: (c) => `${v1(c)}/policies`, body: () => policyBody('Office IPs'), status: 202,
    capture: (body, c) => { c.created.policyId = body.data.id; } },
  { name: 'invalid body', method: 'POST', openApiPath: P, path: (c) => `${v1(c)}/policies`, body: () => ({ data: { type: 'policy', attributes: { type: 'nope' } } }),
    invalidBody: true, status: 400 },
  { name: 'list policies', method: 'GET', openApiPath: P, path: (c) => `${v1(c)}/policies`, status: 200 },
  { name: 'get policy', method: 'GET', openApiPath: `${P}/{policyId}`, path: (c) => `${v1(c)}/policies/${c.created.policyId}`, status: 200 },
  { name: 'unknown policy', method: 'GET', openApiPath: `${P}/{policyId}`, path: (c) => `${v1(c)}/policies/${NO_SUCH_UUID}`, status: 404 },
  { name: 'update policy', method: 'PUT', openApiPath: `${P}/{policyId}`, path: (c) => `${v1(c)}/policies/${c.created.policyId}`,
    body: () => policyBody('Office and VPN IPs'), status: 202 },
  { name: 'bad CIDR', method: 'PUT', openApiPath: `${P}/{policyId}`, path: (c) => `${v1(c)}/policies/${c.created.policyId}`,
    body: () => ({ data: { type: 'policy', attributes: { type: 'ip-allowlist', rule: { in: ['999.1.1.1/99'] } } } }), status: 400 },
  { name: 'unknown policy', method: 'PUT', openApiPath: `${P}/{policyId}`, path: (c) => `${v1(c)}/policies/${NO_SUCH_UUID}`, body: () => policyBody('x'), status: 404 },
  { name: 'add resource', method: 'POST', openApiPath: `${P}/{policyId}/resources`, path: (c) => `${v1(c)}/policies/${c.created.policyId}/resources`,
    body: () => ({ id: confluence.resourceId }), status: 202 },
  { name: 'unknown policy', method: 'POST', openApiPath: `${P}/{policyId}/resources`, path: (c) => `${v1(c)}/policies/${NO_SUCH_UUID}/resources`,
    body: () => ({ id: confluence.resourceId }), status: 404 },
  { name: 'update resource', method: 'PUT', openApiPath: `${P}/{policyId}/resources/{resourceId}`,
    path: (c) => `${v1(c)}/policies/${c.created.policyId}/resources/${encodeURIComponent(confluence.resourceId)}`, body: () => ({ links: { ticket: 'IT-42' } }), status: 202 },
  { name: 'unknown resource', method: 'PUT', openApiPath: `${P}/{policyId}/resources/{resourceId}`,
    path: (c) => `${v1(c)}/policies/${c.created.policyId}/resources/nope`, body: () => ({}), status: 404 },
  { name: 'validate', method: 'GET', openApiPath: `${P}/{policyId}/validate`, path: (c) => `${v1(c)}/policies/${c.created.policyId}/validate`, status: 202 },
  { name: 'remove resource', method: 'DELETE', openApiPath: `${P}/{policyId}/resources/{resourceId}`,
    path: (c) => `${v1(c)}/policies/${c.created.policyId}/resources/${encodeURIComponent(confluence.resourceId)}`, status: 204 },
  { name: 'unknown resource', method: 'DELETE', openApiPath: `${P}/{policyId}/resources/{resourceId}`,
    path: (c) => `${v1(c)}/policies/${c.created.policyId}/resources/nope`, status: 404 },
  { name: 'create empty policy', method: 'POST', openApiPath: P, path: (c) => `${v1(c)}/policies`,
    body: () => ({ data: { type: 'policy', attributes: { type: 'data-residency' } } }), status: 202, capture: (body, c) => { c.created.emptyPolicyId = body.data.id; } },
  { name: 'validate fails', method: 'GET', openApiPath: `${P}/{policyId}/validate`, path: (c) => `${v1(c)}/policies/${c.created.emptyPolicyId}/validate`, status: 400 },
  { name: 'delete policy', method: 'DELETE', openApiPath: `${P}/{policyId}`, path: (c) => `${v1(c)}/policies/${c.created.policyId}`, status: 202 },
  { name: 'unknown policy', method: 'DELETE', openApiPath: `${P}/{policyId}`, path: (c) => `${v1(c)}/policies/${c.created.policyId}`, status: 404 },

  // ---- workspaces ------------------------------------------------------------------------
  { name: 'first page', method: 'POST', openApiPath: '/v2/orgs/{orgId}/workspaces', path: (c) => `${v2(c)}/workspaces`,
    body: () => ({ limit: 1, sort: [{ field: 'attributes.name', order: 'asc' }] }), status: 200, capture: (body, c) => { c.created.workspaceCursor = body.links.next; } },
  { name: 'next page', method: 'POST', openApiPath: '/v2/orgs/{orgId}/workspaces', path: (c) => `${v2(c)}/workspaces`,
    body: (c) => ({ cursor: c.created.workspaceCursor }), status: 200 },
  { name: 'query', method: 'POST', openApiPath: '/v2/orgs/{orgId}/workspaces', path: (c) => `${v2(c)}/workspaces`,
    body: () => ({ query: { and: [{ field: { name: 'attributes.type', values: ['confluence'] } }, { searchWorkspaces: 'acme' }] } }), status: 200 },
  { name: 'invalid cursor', method: 'POST', openApiPath: '/v2/orgs/{orgId}/workspaces', path: (c) => `${v2(c)}/workspaces`, body: () => ({ cursor: 'bogus' }), status: 400 },
  { name: 'unknown field', method: 'POST', openApiPath: '/v2/orgs/{orgId}/workspaces', path: (c) => `${v2(c)}/workspaces`,
    body: () => ({ sort: [{ field: 'attributes.colour' }] }), status: 400 },

  // ---- v1 directory (deprecated, 2026-07-22 spec) ----------------------------------------
  { name: 'managed accounts', method: 'GET', openApiPath: '/v1/orgs/{orgId}/users', path: (c) => `${v1(c)}/users`, status: 200 },
  { name: 'invalid cursor', method: 'GET', openApiPath: '/v1/orgs/{orgId}/users', path: (c) => `${v1(c)}/users?cursor=bogus`, status: 400 },
  { name: 'search users', method: 'POST', openApiPath: '/v1/orgs/{orgId}/users/search', path: (c) => `${v1(c)}/users/search`, body: () => ({ limit: 5 }), status: 200 },
  { name: 'last active', method: 'GET', openApiPath: '/v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates',
    path: (c) => `${v1(c)}/directory/users/${ada}/last-active-dates`, status: 200 },
  { name: 'unknown user', method: 'GET', openApiPath: '/v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates',
    path: (c) => `${v1(c)}/directory/users/${NO_SUCH_UUID}/last-active-dates`, status: 404 },
  { name: 'suspend', method: 'POST', openApiPath: '/v1/orgs/{orgId}/directory/users/{accountId}/suspend-access',
    path: (c) => `${v1(c)}/directory/users/${c.users.v1}/suspend-access`, status: 200 },
  { name: 'restore', method: 'POST', openApiPath: '/v1/orgs/{orgId}/directory/users/{accountId}/restore-access',
    path: (c) => `${v1(c)}/directory/users/${c.users.v1}/restore-access`, status: 200 },
  { name: 'create group', method: 'POST', openApiPath: '/v1/orgs/{orgId}/directory/groups', path: (c) => `${v1(c)}/directory/groups`,
    body: () => ({ name: 'contract-v1-group' }), status: 200 },
  { name: 'add member', method: 'POST', openApiPath: '/v1/orgs/{orgId}/directory/groups/{groupId}/memberships',
    path: (c) => `${v1(c)}/directory/groups/${c.groups.members}/memberships`, body: (c) => ({ account_id: c.users.member }), status: 200 },
  { name: 'remove member', method: 'DELETE', openApiPath: '/v1/orgs/{orgId}/directory/groups/{groupId}/memberships/{accountId}',
    path: (c) => `${v1(c)}/directory/groups/${c.groups.members}/memberships/${c.users.member}`, status: 200 },
  { name: 'group role assign', method: 'POST', openApiPath: '/v1/orgs/{orgId}/directory/groups/{groupId}/roles/assign',
    path: (c) => `${v1(c)}/directory/groups/${c.groups.members}/roles/assign`, body: () => ({ roleAssociations: [{ resource: jira.resourceId, role: 'atlassian/user' }] }), status: 202 },
  { name: 'group role revoke', method: 'POST', openApiPath: '/v1/orgs/{orgId}/directory/groups/{groupId}/roles/revoke',
    path: (c) => `${v1(c)}/directory/groups/${c.groups.members}/roles/revoke`, body: () => ({ roleAssociations: [{ resource: jira.resourceId, role: 'atlassian/user' }] }), status: 202 },
  { name: 'delete group', method: 'DELETE', openApiPath: '/v1/orgs/{orgId}/directory/groups/{groupId}',
    path: (c) => `${v1(c)}/directory/groups/${c.groups.v1Delete}`, status: 200 },
  { name: 'search groups', method: 'POST', openApiPath: '/v1/orgs/{orgId}/groups/search', path: (c) => `${v1(c)}/groups/search`, body: () => ({ limit: 5 }), status: 200 },
  { name: 'invite', method: 'POST', openApiPath: '/v1/orgs/{orgId}/users/invite', path: (c) => `${v1(c)}/users/invite`,
    body: () => ({ email: 'new.v1.hire@acme.example' }), status: 202 },
  { name: 'user role assign', method: 'POST', openApiPath: '/v1/orgs/{orgId}/users/{userId}/roles/assign',
    path: (c) => `${v1(c)}/users/${c.users.roles}/roles/assign`, body: () => ({ role: 'atlassian/user', resource: jira.resourceId }), status: 204 },
  { name: 'user role revoke', method: 'POST', openApiPath: '/v1/orgs/{orgId}/users/{userId}/roles/revoke',
    path: (c) => `${v1(c)}/users/${c.users.roles}/roles/revoke`, body: () => ({ role: 'atlassian/user', resource: jira.resourceId }), status: 204 },
  { name: 'org admin assign', method: 'POST', openApiPath: '/v1/orgs/{orgId}/users/{userId}/role-assignments/assign',
    path: (c) => `${v1(c)}/users/${c.users.roles}/role-assignments/assign`, body: () => ({ role: 'atlassian/org-admin' }), status: 204 },
  { name: 'org admin revoke', method: 'POST', openApiPath: '/v1/orgs/{orgId}/users/{userId}/role-assignments/revoke',
    path: (c) => `${v1(c)}/users/${c.users.roles}/role-assignments/revoke`, body: () => ({ role: 'atlassian/org-admin' }), status: 204 },
  { name: 'remove user', method: 'DELETE', openApiPath: '/v1/orgs/{orgId}/directory/users/{accountId}',
    path: (c) => `${v1(c)}/directory/users/${c.users.v1}`, status: 204 },

  // ---- v2 directory ----------------------------------------------------------------------
  { name: 'directories', method: 'GET', openApiPath: '/v2/orgs/{orgId}/directories', path: (c) => `${v2(c)}/directories`, status: 200 },
  { name: 'invite', method: 'POST', openApiPath: '/v2/orgs/{orgId}/users/invite', path: (c) => `${v2(c)}/users/invite`,
    body: () => ({ emails: ['new.v2.hire@acme.example'] }), status: 200 },
  { name: 'users', method: 'GET', openApiPath: `${D}/users`, path: (c) => `${dir(c)}/users?limit=5`, status: 200 },
  { name: 'users count', method: 'GET', openApiPath: `${D}/users/count`, path: (c) => `${dir(c)}/users/count`, status: 200 },
  { name: 'users stats', method: 'GET', openApiPath: `${D}/users/stats`, path: (c) => `${dir(c)}/users/stats`, status: 200 },
  { name: 'search users', method: 'POST', openApiPath: `${D}/users/search`, path: (c) => `${dir(c)}/users/search`, body: () => ({ limit: 5 }), status: 200 },
  { name: 'invalid cursor', method: 'POST', openApiPath: `${D}/users/search`, path: (c) => `${dir(c)}/users/search`, body: () => ({ cursor: 'bogus' }), status: 400 },
  { name: 'user', method: 'GET', openApiPath: `${D}/users/{userId}`, path: (c) => `${dir(c)}/users/${admin}`, status: 200 },
  { name: 'unknown user', method: 'GET', openApiPath: `${D}/users/{userId}`, path: (c) => `${dir(c)}/users/${NO_SUCH_UUID}`, status: 404 },
  { name: 'user roles', method: 'GET', openApiPath: `${D}/users/{accountId}/role-assignments`, path: (c) => `${dir(c)}/users/${ada}/role-assignments`, status: 200 },
  { name: 'suspend', method: 'POST', openApiPath: `${D}/users/{accountId}/suspend`, path: (c) => `${dir(c)}/users/${c.users.v2}/suspend`, status: 204 },
  { name: 'restore', method: 'POST', openApiPath: `${D}/users/{accountId}/restore`, path: (c) => `${dir(c)}/users/${c.users.v2}/restore`, status: 204 },
  { name: 'remove user', method: 'DELETE', openApiPath: `${D}/users/{accountId}`, path: (c) => `${dir(c)}/users/${c.users.v2}`, status: 204 },
  { name: 'groups', method: 'GET', openApiPath: `${D}/groups`, path: (c) => `${dir(c)}/groups?limit=5`, status: 200 },
  { name: 'groups count', method: 'GET', openApiPath: `${D}/groups/count`, path: (c) => `${dir(c)}/groups/count`, status: 200 },
  { name: 'groups stats', method: 'GET', openApiPath: `${D}/groups/stats`, path: (c) => `${dir(c)}/groups/stats`, status: 200 },
  { name: 'search groups', method: 'POST', openApiPath: `${D}/groups/search`, path: (c) => `${dir(c)}/groups/search`, body: () => ({ limit: 5 }), status: 200 },
  { name: 'create group', method: 'POST', openApiPath: `${D}/groups`, path: (c) => `${dir(c)}/groups`, body: () => ({ name: 'contract-v2-group' }), status: 201 },
  { name: 'group', method: 'GET', openApiPath: `${D}/groups/{groupId}`, path: (c) => `${dir(c)}/groups/${engineering}`, status: 200 },
  { name: 'unknown group', method: 'GET', openApiPath: `${D}/groups/{groupId}`, path: (c) => `${dir(c)}/groups/${NO_SUCH_UUID}`, status: 404 },
  { name: 'add member', method: 'POST', openApiPath: `${D}/groups/{groupId}/memberships`, path: (c) => `${dir(c)}/groups/${c.groups.members}/memberships`,
    body: (c) => ({ accountId: c.users.member }), status: 204 },
  { name: 'remove member', method: 'DELETE', openApiPath: `${D}/groups/{groupId}/memberships/{accountId}`,
    path: (c) => `${dir(c)}/groups/${c.groups.members}/memberships/${c.users.member}`, status: 204 },
  { name: 'group roles', method: 'GET', openApiPath: `${D}/groups/{groupId}/role-assignments`, path: (c) => `${dir(c)}/groups/${engineering}/role-assignments`, status: 200 },
  { name: 'group role assign', method: 'POST', openApiPath: `${D}/groups/{groupId}/role-assignments/assign`,
    path: (c) => `${dir(c)}/groups/${c.groups.members}/role-assignments/assign`, body: () => ({ resourceId: jira.resourceId, roleId: 'atlassian/user' }), status: 200 },
  { name: 'group role revoke', method: 'POST', openApiPath: `${D}/groups/{groupId}/role-assignments/revoke`,
    path: (c) => `${dir(c)}/groups/${c.groups.members}/role-assignments/revoke`, body: () => ({ resourceId: jira.resourceId, roleId: 'atlassian/user' }), status: 204 },
  { name: 'delete group', method: 'DELETE', openApiPath: `${D}/groups/{groupId}`, path: (c) => `${dir(c)}/groups/${c.groups.v2Delete}`, status: 204 },

  // ---- audit log (last: every change above is in it) -------------------------------------
  { name: 'events', method: 'GET', openApiPath: '/v1/orgs/{orgId}/events', path: (c) => `${v1(c)}/events?limit=5&action=group_created`, status: 200,
    capture: (body, c) => { c.created.eventId = body.data[0].id; } },
  { name: 'bad time', method: 'GET', openApiPath: '/v1/orgs/{orgId}/events', path: (c) => `${v1(c)}/events?from=yesterday`, status: 400 },
  { name: 'invalid cursor', method: 'GET', openApiPath: '/v1/orgs/{orgId}/events', path: (c) => `${v1(c)}/events?cursor=bogus`, status: 400 },
  { name: 'stream', method: 'GET', openApiPath: '/v1/orgs/{orgId}/events-stream', path: (c) => `${v1(c)}/events-stream?limit=5`, status: 200 },
  { name: 'invalid cursor', method: 'GET', openApiPath: '/v1/orgs/{orgId}/events-stream', path: (c) => `${v1(c)}/events-stream?cursor=bogus`, status: 400 },
  { name: 'event', method: 'GET', openApiPath: '/v1/orgs/{orgId}/events/{eventId}', path: (c) => `${v1(c)}/events/${c.created.eventId}`, status: 200 },
  { name: 'unknown event', method: 'GET', openApiPath: '/v1/orgs/{orgId}/events/{eventId}', path: (c) => `${v1(c)}/events/${NO_SUCH_UUID}`, status: 404 },
  { name: 'event actions', method: 'GET', openApiPath: '/v1/orgs/{orgId}/event-actions', path: (c) => `${v1(c)}/event-actions`, status: 200 },
];
