/**
 * The one directory interface the action handlers use. Two implementations live beside it:
 * the v2 directory API (default; v1 directory endpoints were sunset on 2026-06-30) and the v1
 * seed endpoints (selectable). Workflows never know which generation is underneath.
 *
 * Conventions every implementation follows:
 * - Lookups return `null` for "does not exist"; they never throw NotFound for a missing user/group.
 * - Mutations return `'done'` when they changed something and `'already'` when the API told us
 *   the desired end state already held (e.g. 409 "already a member", 404 on removing a
 *   non-member). Handlers add their own pre-checks on top where the API is silent.
 * - Every other failure is an `AtlassianError` from `../errors.ts` with a docs/contracts.md error name.
 */

export type DirectoryGeneration = 'v1' | 'v2';

/** Lifecycle of the Atlassian account itself. */
export type AccountStatus = 'active' | 'inactive' | 'closed';

/** The user's membership of the org directory. `no_membership` = removed or never added. */
export type MembershipStatus = 'active' | 'suspended' | 'no_membership';

export interface DirectoryUser {
  accountId: string;
  email: string;
  name: string;
  accountStatus: AccountStatus;
  membershipStatus: MembershipStatus;
  /** `invited` = managed by admins/API; `synced` = provisioned from an IdP (SCIM); null = unknown. */
  managementSource: 'invited' | 'synced' | null;
  department?: string;
  jobTitle?: string;
  location?: string;
  /** e.g. `atlassian/org-admin`, `atlassian/site-admin`. */
  platformRoles: string[];
  /** ISO-8601 date-time the user was first added to the org. */
  addedToOrg?: string;
}

export interface DirectoryGroup {
  id: string;
  name: string;
  description?: string;
  /** Created and owned by an identity provider: memberships cannot be changed through the API. */
  synced: boolean;
}

/** A role on a resource (workspace), e.g. `{ resourceId: 'ari:...jira...', role: 'atlassian/user' }`. */
export interface RoleAssignment {
  resourceId: string;
  role: string;
}

export interface ProductLastActive {
  /** Product key, e.g. `jira-software`, `confluence`. */
  key: string;
  /** Product (site) instance id. */
  id: string;
  /** yyyy-MM-dd, absent when never used. */
  lastActive?: string;
}

export interface UserLastActive {
  accountId: string;
  products: ProductLastActive[];
  /** The most recent date across all products (yyyy-MM-dd), absent when never active. */
  lastActive?: string;
}

export interface UserPage {
  users: DirectoryUser[];
  /** Opaque cursor for the next page; absent on the last page. */
  nextCursor?: string;
}

export interface InviteRequest {
  email: string;
  name?: string;
  /** Group ids to add the invitee to. */
  groupIds?: string[];
  /** Roles to grant with the invite. */
  roles?: RoleAssignment[];
  sendNotification?: boolean;
}

export interface InviteResult {
  outcome: MutationOutcome;
  /** Account id of the invited (or already existing) user, when the API reveals it. */
  accountId?: string;
  /** Parts of the invite Atlassian could not do (v2 answers 206), e.g. a group it could not add. */
  warnings?: string[];
}

export type MutationOutcome = 'done' | 'already';

export interface Directory {
  readonly generation: DirectoryGeneration;

  findUserByAccountId(accountId: string): Promise<DirectoryUser | null>;
  findUserByEmail(email: string): Promise<DirectoryUser | null>;
  /** One page of directory users, for sweeps. */
  listUsers(page?: { cursor?: string; limit?: number }): Promise<UserPage>;
  /** Every group the user is a member of (all pages). */
  getUserGroups(accountId: string): Promise<DirectoryGroup[]>;
  /** Every role assignment held directly by the user (all pages). */
  getUserRoleAssignments(accountId: string): Promise<RoleAssignment[]>;
  getLastActiveDates(accountId: string): Promise<UserLastActive>;

  getGroup(groupId: string): Promise<DirectoryGroup | null>;
  findGroupByName(name: string): Promise<DirectoryGroup | null>;
  createGroup(name: string, description?: string): Promise<DirectoryGroup>;
  deleteGroup(groupId: string): Promise<MutationOutcome>;
  getGroupRoleAssignments(groupId: string): Promise<RoleAssignment[]>;

  addToGroup(groupId: string, accountId: string): Promise<MutationOutcome>;
  removeFromGroup(groupId: string, accountId: string): Promise<MutationOutcome>;
  grantUserRole(accountId: string, assignment: RoleAssignment): Promise<MutationOutcome>;
  revokeUserRole(accountId: string, assignment: RoleAssignment): Promise<MutationOutcome>;
  assignGroupRole(groupId: string, assignment: RoleAssignment): Promise<MutationOutcome>;
  revokeGroupRole(groupId: string, assignment: RoleAssignment): Promise<MutationOutcome>;

  suspendUser(accountId: string): Promise<MutationOutcome>;
  restoreUser(accountId: string): Promise<MutationOutcome>;
  /** Removes the user from the directory: permanent, only a new invite brings them back. */
  removeUser(accountId: string): Promise<MutationOutcome>;
  inviteUser(request: InviteRequest): Promise<InviteResult>;
}
