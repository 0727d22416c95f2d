import type { AuditInput } from './audit-input.js';
import { ModelError } from './model-error.js';
import type { SimulatorState } from './simulator-state.js';
import { requireGroup } from './group-rules.js';
import { requireDirectoryUser, type RuleOutcome } from './user-lifecycle.js';

/** Roles granted on a product site (workspace). */
export const SITE_ROLES: readonly string[] = [
  'atlassian/user', 'atlassian/admin', 'atlassian/guest', 'atlassian/customer', 'atlassian/user-access-admin',
  'atlassian/contributor', 'atlassian/basic', 'atlassian/stakeholder',
];

/** Org-level roles, shown as `platformRoles` on a user. */
export const PLATFORM_ROLES: readonly string[] = [
  'atlassian/org-admin', 'atlassian/site-admin', 'atlassian/user-access-admin', 'atlassian/ai-access',
];

export interface RoleGrantRequest {
  /** Site resource id; absent (or the org's resource id) for org-level roles. */
  resourceId?: string;
  role: string;
}

/** Throws when the org's role endpoints are switched off (some orgs need Atlassian Support for them). */
export function assertRoleApisAvailable(state: SimulatorState): void {
  const mode = state.behaviour.roleApis;
  const advice = 'Role assignment through the API is not enabled for this organization. Contact Atlassian Support to enable it.';
  if (mode === 'forbidden') throw new ModelError('roleApisForbidden', advice);
  if (mode === 'notFound') throw new ModelError('roleApisNotFound', advice);
}

/** Grants a role to a user; granting a role already held is a no-op success. */
export function assignUserRole(state: SimulatorState, accountId: string, request: RoleGrantRequest): RuleOutcome {
  return changeUserRole(state, accountId, request, 'assign');
}

/** Revokes a role from a user; revoking a role not held is a no-op success. */
export function revokeUserRole(state: SimulatorState, accountId: string, request: RoleGrantRequest): RuleOutcome {
  return changeUserRole(state, accountId, request, 'revoke');
}

function changeUserRole(state: SimulatorState, accountId: string, request: RoleGrantRequest, change: 'assign' | 'revoke'): RuleOutcome {
  assertRoleApisAvailable(state);
  const user = requireDirectoryUser(state, accountId);
  let changed: boolean;
  let resourceId: string | undefined;
  if (isOrgLevel(state, request)) {
    changed = change === 'assign' ? !user.platformRoles.has(request.role) : user.platformRoles.has(request.role);
    if (change === 'assign') user.platformRoles.add(request.role);
    else user.platformRoles.delete(request.role);
  } else {
    resourceId = requireSiteResource(state, request);
    changed = change === 'assign'
      ? state.grant('user', accountId, resourceId, request.role)
      : state.ungrant('user', accountId, resourceId, request.role);
  }
  if (!changed) return 'already';
  state.record({
    action: change === 'assign' ? 'user_role_assigned' : 'user_role_revoked',
    objects: [{ type: 'user', id: user.accountId, name: user.name }, { type: 'role', id: request.role }, ...siteObject(state, resourceId)],
    message: `${request.role} on ${request.resourceId ?? state.orgResourceId}`,
  });
  return 'done';
}

/** Grants a site role to every member of a group. */
export function assignGroupRole(state: SimulatorState, groupId: string, request: RoleGrantRequest): RuleOutcome {
  return changeGroupRole(state, groupId, request, 'assign');
}

/** Revokes a site role from a group. */
export function revokeGroupRole(state: SimulatorState, groupId: string, request: RoleGrantRequest): RuleOutcome {
  return changeGroupRole(state, groupId, request, 'revoke');
}

function changeGroupRole(state: SimulatorState, groupId: string, request: RoleGrantRequest, change: 'assign' | 'revoke'): RuleOutcome {
  assertRoleApisAvailable(state);
  const group = requireGroup(state, groupId);
  const resourceId = requireSiteResource(state, request);
  const changed = change === 'assign'
    ? state.grant('group', groupId, resourceId, request.role)
    : state.ungrant('group', groupId, resourceId, request.role);
  if (!changed) return 'already';
  state.record({
    action: change === 'assign' ? 'group_role_assigned' : 'group_role_revoked',
    objects: [{ type: 'group', id: group.id, name: group.name }, { type: 'role', id: request.role }, ...siteObject(state, resourceId)],
    message: `${request.role} on ${resourceId}`,
  });
  return 'done';
}

/** The event object naming the site a role was granted on (the audit log says which product). */
export function siteObject(state: SimulatorState, resourceId: string | undefined): AuditInput['objects'] {
  const site = resourceId ? state.findSiteByResourceId(resourceId) : undefined;
  return site ? [{ type: 'site', id: site.resourceId, name: site.name }] : [];
}

function isOrgLevel(state: SimulatorState, request: RoleGrantRequest): boolean {
  return PLATFORM_ROLES.includes(request.role) && (!request.resourceId || request.resourceId === state.orgResourceId);
}

function requireSiteResource(state: SimulatorState, request: RoleGrantRequest): string {
  if (!request.resourceId) {
    throw new ModelError('invalidInput', `Role ${request.role} is granted on a site: give the site's resource id.`);
  }
  const site = state.findSiteByResourceId(request.resourceId);
  if (!site) throw new ModelError('resourceNotFound', `No site with resource id ${request.resourceId} in this org.`);
  if (!SITE_ROLES.includes(request.role)) {
    throw new ModelError('invalidRole', `Role ${request.role} cannot be granted on a site; use one of ${SITE_ROLES.join(', ')}.`);
  }
  return site.resourceId;
}
