import { AtlassianError, ErrorNames } from '../../errors.js';
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
import type { DirectoryIdResolver } from './directory-id.js';
import type { AtlassianHttpClient } from '../http/http-client.js';
import { mutate, orNull, whenConflict, whenNotAMember, whenNotFound } from './mutation-outcome.js';
import { collect } from '../pagination.js';
import { validateRequest } from '../request-validation.js';
import { RoleApiRequestSchema } from '../schemas/v1-directory.js';
import { V1DirectoryApi } from '../v1/directory.js';
import { V1UserRolesApi } from '../v1/user-roles.js';
import { V2GroupsApi } from '../v2/groups.js';
import { V2InviteApi } from '../v2/invite.js';
import { V2UsersApi } from '../v2/users.js';
import { directUserRoles, groupRoles, toDirectoryGroup, toDirectoryUser, toUserLastActive } from './v2-mappers.js';
import { inviteWarnings } from './v2-invite-warnings.js';
import { emailKey } from '../../email-address.js';

/**
 * The default `Directory`: Atlassian's v2 directory API. Two live v1 endpoints fill the gaps v2
 * leaves: last-active-dates, and per-user role assign/revoke (v2 only reads user roles).
 */
export class V2Directory implements Directory {
  readonly generation = 'v2' as const;
  private readonly users: V2UsersApi;
  private readonly groups: V2GroupsApi;
  private readonly invites: V2InviteApi;
  private readonly userRoles: V1UserRolesApi;
  private readonly activity: V1DirectoryApi;

  constructor(
    http: AtlassianHttpClient,
    orgId: string,
    private readonly directoryId: DirectoryIdResolver,
  ) {
    this.users = new V2UsersApi(http, orgId);
    this.groups = new V2GroupsApi(http, orgId);
    this.invites = new V2InviteApi(http, orgId);
    this.userRoles = new V1UserRolesApi(http, orgId);
    this.activity = new V1DirectoryApi(http, orgId);
  }

  async findUserByAccountId(accountId: string): Promise<DirectoryUser | null> {
    const dir = await this.directoryId();
    const user = await orNull(() => this.users.getUser(dir, accountId));
    return user && toDirectoryUser('v2.getUser', user);
  }

  async findUserByEmail(email: string): Promise<DirectoryUser | null> {
    const dir = await this.directoryId();
    const page = await this.users.searchUsers(dir, { emails: [email], expand: ['platformRoles'], limit: 10 });
    const match = page.data.find((user) => user.email !== undefined && emailKey(user.email) === emailKey(email));
    return match ? toDirectoryUser('v2.searchUsers', match) : null;
  }

  async listUsers(page: { cursor?: string; limit?: number } = {}): Promise<UserPage> {
    const dir = await this.directoryId();
    const result = await this.users.searchUsers(dir, { cursor: page.cursor, limit: page.limit, expand: ['platformRoles'] });
    const users = result.data.map((user) => toDirectoryUser('v2.searchUsers', user));
    return { users, ...(result.links?.next ? { nextCursor: result.links.next } : {}) };
  }

  async getUserGroups(accountId: string): Promise<DirectoryGroup[]> {
    const dir = await this.directoryId();
    const groups = await collect(this.groups.iterateSearchGroups(dir, { accountIds: [accountId], limit: 100 }));
    return groups.map(toDirectoryGroup);
  }

  async getUserRoleAssignments(accountId: string): Promise<RoleAssignment[]> {
    const dir = await this.directoryId();
    return directUserRoles(await collect(this.users.iterateUserRoleAssignments(dir, accountId, { limit: 100 })));
  }

  async getLastActiveDates(accountId: string): Promise<UserLastActive> {
    return toUserLastActive(accountId, await collect(this.activity.iterateLastActiveDates(accountId)));
  }

  async getGroup(groupId: string): Promise<DirectoryGroup | null> {
    const dir = await this.directoryId();
    const group = await orNull(() => this.groups.getGroup(dir, groupId));
    return group && toDirectoryGroup(group);
  }

  async findGroupByName(name: string): Promise<DirectoryGroup | null> {
    const dir = await this.directoryId();
    const page = await this.groups.searchGroups(dir, { groupNames: [name], limit: 10 });
    // Exact name first; Atlassian group names are unique regardless of case.
    const match = page.data.find((g) => g.name === name) ?? page.data.find((g) => g.name?.toLowerCase() === name.toLowerCase());
    return match ? toDirectoryGroup(match) : null;
  }

  async createGroup(name: string, description?: string): Promise<DirectoryGroup> {
    const dir = await this.directoryId();
    const created = await this.groups.createGroup(dir, name, description);
    if (created) return toDirectoryGroup(created);
    // The spec's 201 has no body: find the group we just made.
    const found = await this.findGroupByName(name);
    if (found) return found;
    throw new AtlassianError(
      ErrorNames.UnexpectedResponse,
      `Atlassian accepted v2.createGroup for "${name}" but the group cannot be found yet. Wait a minute and look it up by name before creating it again.`,
      { operation: 'v2.createGroup' },
    );
  }

  async deleteGroup(groupId: string): Promise<MutationOutcome> {
    const dir = await this.directoryId();
    return mutate(() => this.groups.deleteGroup(dir, groupId), whenNotFound);
  }

  async getGroupRoleAssignments(groupId: string): Promise<RoleAssignment[]> {
    const dir = await this.directoryId();
    return groupRoles(await collect(this.groups.iterateGroupRoleAssignments(dir, groupId, { limit: 100 })));
  }

  async addToGroup(groupId: string, accountId: string): Promise<MutationOutcome> {
    const dir = await this.directoryId();
    // 409 means "already a member" (a license-limit 409 carries a code and is LicenseLimit instead).
    return mutate(() => this.groups.addUserToGroup(dir, groupId, accountId), whenConflict);
  }

  async removeFromGroup(groupId: string, accountId: string): Promise<MutationOutcome> {
    const dir = await this.directoryId();
    return mutate(() => this.groups.removeUserFromGroup(dir, groupId, accountId), whenNotAMember);
  }

  async grantUserRole(accountId: string, assignment: RoleAssignment): Promise<MutationOutcome> {
    const request = validateRequest('v1.assignUserRole', RoleApiRequestSchema, { role: assignment.role, resource: assignment.resourceId });
    return mutate(() => this.userRoles.assignUserRole(accountId, request), whenConflict);
  }

  async revokeUserRole(accountId: string, assignment: RoleAssignment): Promise<MutationOutcome> {
    const request = validateRequest('v1.revokeUserRole', RoleApiRequestSchema, { role: assignment.role, resource: assignment.resourceId });
    return mutate(() => this.userRoles.revokeUserRole(accountId, request), whenConflict);
  }

  async assignGroupRole(groupId: string, assignment: RoleAssignment): Promise<MutationOutcome> {
    const dir = await this.directoryId();
    const request = { resourceId: assignment.resourceId, roleId: assignment.role };
    return mutate(() => this.groups.assignGroupRole(dir, groupId, request), whenConflict);
  }

  async revokeGroupRole(groupId: string, assignment: RoleAssignment): Promise<MutationOutcome> {
    const dir = await this.directoryId();
    const request = { resourceId: assignment.resourceId, roleId: assignment.role };
    return mutate(() => this.groups.revokeGroupRole(dir, groupId, request), whenConflict);
  }

  async suspendUser(accountId: string): Promise<MutationOutcome> {
    const dir = await this.directoryId();
    return mutate(() => this.users.suspendUser(dir, accountId), whenConflict);
  }

  async restoreUser(accountId: string): Promise<MutationOutcome> {
    const dir = await this.directoryId();
    return mutate(() => this.users.restoreUser(dir, accountId), whenConflict);
  }

  async removeUser(accountId: string): Promise<MutationOutcome> {
    const dir = await this.directoryId();
    return mutate(() => this.users.removeUser(dir, accountId), whenNotFound);
  }

  async inviteUser(request: InviteRequest): Promise<InviteResult> {
    try {
      const { partial, response } = await this.invites.inviteUsers({
        emails: [request.email],
        ...(request.groupIds?.length ? { additionalGroups: request.groupIds } : {}),
        ...(request.roles?.length ? { permissionRules: request.roles.map((r) => ({ resource: r.resourceId, role: r.role })) } : {}),
        ...(request.sendNotification !== undefined ? { sendNotification: request.sendNotification } : {}),
      });
      const entry = response.data.find((d) => d.email !== undefined && emailKey(d.email) === emailKey(request.email)) ?? response.data[0];
      const warnings = partial ? inviteWarnings(response) : [];
      return { outcome: 'done', ...(entry?.id ? { accountId: entry.id } : {}), ...(warnings.length ? { warnings } : {}) };
    } catch (error) {
      // 409: the person is already in the org; nothing to invite.
      if (error instanceof AtlassianError && whenConflict(error)) return { outcome: 'already' };
      throw error;
    }
  }
}
