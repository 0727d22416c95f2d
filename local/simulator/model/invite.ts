import { stableUuid } from './ids.js';
import { isSimulatorEmail } from './email-address.js';
import { ModelError } from './model-error.js';
import { SITE_ROLES, siteObject } from './role-rules.js';
import type { SimulatorState } from './simulator-state.js';
import type { SimUser } from './types.js';
import { assertSeatAvailable } from './user-lifecycle.js';

export interface InviteRequest {
  email: string;
  name?: string;
  groupIds?: string[];
  roles?: Array<{ resource: string; role: string }>;
}

/** What happened to each requested group and role (the v2 API reports them one by one). */
export interface InviteItemResult {
  target: string;
  role?: string;
  ok: boolean;
  reason?: string;
}

export interface InviteOutcome {
  user: SimUser;
  /** `created`: new account; `readded`: a removed account came back; `existing`: already in the directory. */
  status: 'created' | 'readded' | 'existing';
  groups: InviteItemResult[];
  roles: InviteItemResult[];
}

/**
 * Invites a person: creates the account (or re-adds a removed one, with no groups or roles), then
 * adds the requested groups and roles, reporting each separately so the v2 route can answer 206
 * when some failed. Inviting someone already in the directory changes nothing but still applies
 * any groups/roles asked for. Needs a paid subscription (402) and a free seat (license limit).
 */
export function inviteUser(state: SimulatorState, request: InviteRequest): InviteOutcome {
  if (!state.behaviour.paidSubscription) {
    throw new ModelError('noPaidSubscription', 'Inviting through the API needs at least one paid subscription in the organization.');
  }
  const email = request.email?.trim() ?? '';
  if (!isSimulatorEmail(email)) throw new ModelError('invalidInput', `"${request.email}" is not a valid email address.`);

  const existing = state.findUserByEmail(email);
  let status: InviteOutcome['status'] = 'existing';
  let user: SimUser;
  if (existing && existing.membershipStatus !== 'no_membership') {
    user = existing;
  } else {
    assertSeatAvailable(state);
    user = existing ?? newUser(state, email, request.name);
    user.membershipStatus = 'active';
    user.addedToOrg = state.clock.now();
    status = existing ? 'readded' : 'created';
    state.putUser(user);
    state.record({ action: 'user_invited', objects: [{ type: 'user', id: user.accountId, name: user.name }], message: email });
  }

  const groups = (request.groupIds ?? []).map((groupId) => addInvitedToGroup(state, user, groupId));
  const roles = (request.roles ?? []).map((rule) => grantInvitedRole(state, user, rule));
  return { user, status, groups, roles };
}

function newUser(state: SimulatorState, email: string, name?: string): SimUser {
  const local = email.split('@')[0];
  const domain = email.split('@')[1].toLowerCase();
  return {
    accountId: stableUuid(state.orgId, `user:${email.toLowerCase()}`),
    email,
    name: name?.trim() || local.replace(/[._-]+/g, ' ').replace(/(^|\s)(\p{L})/gu, (_, space: string, c: string) => space + c.toUpperCase()),
    nickname: local,
    accountStatus: 'active',
    membershipStatus: 'active',
    managementSource: 'invited',
    claimStatus: state.claimedDomains.includes(domain) ? 'managed' : 'unmanaged',
    platformRoles: new Set(),
    addedToOrg: state.clock.now(),
    emailVerified: false,
    mfaEnabled: false,
    activity: [],
  };
}

function addInvitedToGroup(state: SimulatorState, user: SimUser, groupId: string): InviteItemResult {
  const group = state.getGroup(groupId);
  if (!group) return { target: groupId, ok: false, reason: 'Group not found' };
  if (group.synced) return { target: groupId, ok: false, reason: 'Group is synced from an identity provider' };
  if (!state.isMember(groupId, user.accountId)) {
    state.link(groupId, user.accountId);
    state.record({
      action: 'user_added_to_group',
      objects: [{ type: 'user', id: user.accountId, name: user.name }, { type: 'group', id: group.id, name: group.name }],
    });
  }
  return { target: groupId, ok: true };
}

function grantInvitedRole(state: SimulatorState, user: SimUser, rule: { resource: string; role: string }): InviteItemResult {
  const site = state.findSiteByResourceId(rule.resource);
  if (!site) return { target: rule.resource, role: rule.role, ok: false, reason: 'Resource not found' };
  if (!SITE_ROLES.includes(rule.role)) return { target: rule.resource, role: rule.role, ok: false, reason: 'Invalid role for resource' };
  if (state.grant('user', user.accountId, site.resourceId, rule.role)) {
    state.record({
      action: 'user_role_assigned',
      objects: [{ type: 'user', id: user.accountId, name: user.name }, { type: 'role', id: rule.role }, ...siteObject(state, site.resourceId)],
      message: `${rule.role} on ${site.resourceId}`,
    });
  }
  return { target: rule.resource, role: rule.role, ok: true };
}
