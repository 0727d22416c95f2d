import { AtlassianError } from '../../errors.js';
import type {
  Directory,
  DirectoryGroup,
  DirectoryUser,
  InviteRequest,
  InviteResult,
  MutationOutcome,
  RoleAssignment,
  UserLastActive,
  UserPage,
} from '../directory.js';
import type { AtlassianHttpClient } from '../http/http-client.js';
import { mutate, whenConflict, whenNotAMember, whenNotFound } from './mutation-outcome.js';
import { collect } from '../pagination.js';
import { validateRequest } from '../request-validation.js';
import { RoleApiRequestSchema, RoleAssociationSchema } from '../schemas/v1-directory.js';
import type { V1PublicUser } from '../schemas/v1-users.js';
import { V1DirectoryApi } from '../v1/directory.js';
import { V1UserRolesApi } from '../v1/user-roles.js';
import { V1UsersApi } from '../v1/users.js';
import { splitEmail, v1ToDirectoryGroup, v1ToDirectoryUser } from './v1-mappers.js';
import { toUserLastActive } from './v2-mappers.js';
import { emailKey } from '../../email-address.js';

const USER_FIELDS = ['NAME', 'EMAIL'] as const;

/**
 * The seed's v1 endpoints behind the `Directory` interface (selectable; Atlassian sunset most of
 * them on 2026-06-30). Reads v1 never offered (a user's groups, role assignments) come from the
 * `reads` directory (v2), so workflows behave the same on either generation.
 */
export class V1Directory implements Directory {
  readonly generation = 'v1' as const;
  private readonly users: V1UsersApi;
  private readonly directory: V1DirectoryApi;
  private readonly roles: V1UserRolesApi;

  constructor(
    http: AtlassianHttpClient,
    orgId: string,
    private readonly reads: Pick<Directory, 'getUserGroups' | 'getUserRoleAssignments' | 'getGroupRoleAssignments'>,
  ) {
    this.users = new V1UsersApi(http, orgId);
    this.directory = new V1DirectoryApi(http, orgId);
    this.roles = new V1UserRolesApi(http, orgId);
  }

  async findUserByAccountId(accountId: string): Promise<DirectoryUser | null> {
    const page = await this.users.searchUsers({ accountIds: [accountId], expand: [...USER_FIELDS], limit: 1 });
    const user = page.data.find((u) => u.accountId === accountId);
    return user ? (await this.withMembership([user]))[0] : null;
  }

  async findUserByEmail(email: string): Promise<DirectoryUser | null> {
    const { username, domain } = splitEmail(email);
    const page = await this.users.searchUsers({
      emailUsernames: { eq: [username] },
      emailDomains: { eq: [domain] },
      expand: [...USER_FIELDS],
      limit: 10,
    });
    const user = page.data.find((u) => u.email !== undefined && emailKey(u.email) === emailKey(email));
    return user ? (await this.withMembership([user]))[0] : null;
  }

  async listUsers(page: { cursor?: string; limit?: number } = {}): Promise<UserPage> {
    const result = await this.users.searchUsers({ cursor: page.cursor, limit: Math.min(page.limit ?? 100, 100), expand: [...USER_FIELDS] });
    const users = await this.withMembership(result.data);
    return { users, ...(result.links?.next ? { nextCursor: result.links.next } : {}) };
  }

  getUserGroups(accountId: string): Promise<DirectoryGroup[]> {
    return this.reads.getUserGroups(accountId);
  }

  getUserRoleAssignments(accountId: string): Promise<RoleAssignment[]> {
    return this.reads.getUserRoleAssignments(accountId);
  }

  async getLastActiveDates(accountId: string): Promise<UserLastActive> {
    return toUserLastActive(accountId, await collect(this.directory.iterateLastActiveDates(accountId)));
  }

  async getGroup(groupId: string): Promise<DirectoryGroup | null> {
    const page = await this.users.searchGroups({ groupIds: [groupId], limit: 1 });
    const group = page.data.find((g) => g.id === groupId);
    return group ? v1ToDirectoryGroup(group) : null;
  }

  async findGroupByName(name: string): Promise<DirectoryGroup | null> {
    const page = await this.users.searchGroups({ groupNames: { eq: [name] }, limit: 10 });
    const group = page.data.find((g) => g.name === name) ?? page.data.find((g) => g.name?.toLowerCase() === name.toLowerCase());
    return group ? v1ToDirectoryGroup(group) : null;
  }

  /** v1 groups have no description; it is ignored. */
  async createGroup(name: string): Promise<DirectoryGroup> {
    const { groupId } = await this.directory.createGroup(name);
    return { id: groupId, name, synced: false };
  }

  /** Deletes members and all, like the v2 endpoint does (`forceIfNotEmpty=true`). */
  deleteGroup(groupId: string): Promise<MutationOutcome> {
    return mutate(() => this.directory.deleteGroup(groupId, { forceIfNotEmpty: true }), whenNotFound);
  }

  getGroupRoleAssignments(groupId: string): Promise<RoleAssignment[]> {
    return this.reads.getGroupRoleAssignments(groupId);
  }

  addToGroup(groupId: string, accountId: string): Promise<MutationOutcome> {
    return mutate(() => this.directory.addUserToGroup(groupId, accountId), whenConflict);
  }

  removeFromGroup(groupId: string, accountId: string): Promise<MutationOutcome> {
    return mutate(() => this.directory.removeUserFromGroup(groupId, accountId), whenNotAMember);
  }

  grantUserRole(accountId: string, assignment: RoleAssignment): Promise<MutationOutcome> {
    const request = validateRequest('v1.assignUserRole', RoleApiRequestSchema, { role: assignment.role, resource: assignment.resourceId });
    return mutate(() => this.roles.assignUserRole(accountId, request), whenConflict);
  }

  revokeUserRole(accountId: string, assignment: RoleAssignment): Promise<MutationOutcome> {
    const request = validateRequest('v1.revokeUserRole', RoleApiRequestSchema, { role: assignment.role, resource: assignment.resourceId });
    return mutate(() => this.roles.revokeUserRole(accountId, request), whenConflict);
  }

  assignGroupRole(groupId: string, assignment: RoleAssignment): Promise<MutationOutcome> {
    const association = validateRequest('v1.assignGroupRoles', RoleAssociationSchema, { resource: assignment.resourceId, role: assignment.role });
    return mutate(() => this.directory.assignGroupRoles(groupId, { roleAssociations: [association] }), whenConflict);
  }

  revokeGroupRole(groupId: string, assignment: RoleAssignment): Promise<MutationOutcome> {
    const association = validateRequest('v1.revokeGroupRoles', RoleAssociationSchema, { resource: assignment.resourceId, role: assignment.role });
    return mutate(() => this.directory.revokeGroupRoles(groupId, { roleAssociations: [association] }), whenConflict);
  }

  suspendUser(accountId: string): Promise<MutationOutcome> {
    return mutate(() => this.directory.suspendUser(accountId), whenConflict);
  }

  restoreUser(accountId: string): Promise<MutationOutcome> {
    return mutate(() => this.directory.restoreUser(accountId), whenConflict);
  }

  removeUser(accountId: string): Promise<MutationOutcome> {
    return mutate(() => this.directory.removeUser(accountId), whenNotFound);
  }

  /**
   * v1 invite takes one role and no groups: the first role rides on the invite, the other roles and
   * the groups are granted afterwards with the returned account id.
   */
  async inviteUser(request: InviteRequest): Promise<InviteResult> {
    const [firstRole, ...otherRoles] = request.roles ?? [];
    const permissionRule = firstRole
      ? validateRequest('v1.inviteUser', RoleAssociationSchema, { resource: firstRole.resourceId, role: firstRole.role })
      : undefined;
    let ids: string[];
    try {
      ids = await this.roles.inviteUser({
        email: request.email,
        ...(permissionRule ? { permissionRule } : {}),
        ...(request.sendNotification !== undefined ? { sendNotification: request.sendNotification } : {}),
      });
    } catch (error) {
      // 409: the person is already in the org; nothing to invite.
      if (error instanceof AtlassianError && whenConflict(error)) return { outcome: 'already' };
      throw error;
    }
    const accountId = ids[0];
    if (accountId) {
      for (const role of otherRoles) await this.grantUserRole(accountId, role);
      for (const groupId of request.groupIds ?? []) await this.addToGroup(groupId, accountId);
    }
    return { outcome: 'done', ...(accountId ? { accountId } : {}) };
  }

  /** Adds membership status: one extra `isSuspended` search per page of users. */
  private async withMembership(users: V1PublicUser[]): Promise<DirectoryUser[]> {
    if (users.length === 0) return [];
    const ids = users.map((u) => u.accountId);
    const suspended = await this.users.searchUsers({ accountIds: ids, isSuspended: true, limit: ids.length });
    const suspendedIds = new Set(suspended.data.map((u) => u.accountId));
    return users.map((u) => v1ToDirectoryUser(u, suspendedIds.has(u.accountId)));
  }
}
