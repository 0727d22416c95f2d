import type { AuditInput, AuditSink } from './audit-input.js';
import { SimClock } from './clock.js';
import type { SimGroup, SimSite, SimUser } from './types.js';

/** Switches that make the simulated org behave like orgs in different situations. */
export interface OrgBehaviour {
  /**
   * Whether the role assign/revoke endpoints work. Real orgs sometimes need Atlassian Support to
   * enable them: `forbidden` answers 403, `notFound` answers 404, both with a "contact support" text.
   */
  roleApis: 'enabled' | 'forbidden' | 'notFound';
  /** Invites need at least one paid subscription (else 402). */
  paidSubscription: boolean;
  /** Maximum users with active membership (invite/restore beyond it fail with a license error). */
  licenseLimit: number | null;
}

export const DEFAULT_BEHAVIOUR: OrgBehaviour = { roleApis: 'enabled', paidSubscription: true, licenseLimit: null };

export interface SimulatorStateInit {
  orgId: string;
  orgName: string;
  directoryId: string;
  directoryName: string;
  /** Account id recorded as the actor of API changes (the API key's owner). */
  actorId: string;
  /** Email domains the org has verified: users on them are `managed` accounts. */
  claimedDomains?: string[];
  clock?: SimClock;
  audit?: AuditSink;
  behaviour?: Partial<OrgBehaviour>;
}

/**
 * The whole simulated organization: users, groups, memberships, role assignments, sites, and
 * the clock and audit sink the rules use. Pure state plus indexes and read helpers; the
 * directory rules (`user-lifecycle.ts`, `group-rules.ts`, `role-rules.ts`, `invite.ts`) change it.
 * Indexes keep every lookup O(1) so orgs of 100,000 users stay fast.
 */
export class SimulatorState {
  orgId: string;
  orgName: string;
  directoryId: string;
  directoryName: string;
  actorId: string;
  claimedDomains: string[];
  readonly clock: SimClock;
  audit: AuditSink;
  behaviour: OrgBehaviour;

  readonly users = new Map<string, SimUser>();
  /** Account ids in insertion order: the stable order pagination cursors point into. */
  readonly userOrder: string[] = [];
  private readonly emailIndex = new Map<string, string>();

  readonly groups = new Map<string, SimGroup>();
  /** Group ids in creation order; deleted groups stay here and are skipped. */
  readonly groupOrder: string[] = [];
  private readonly groupOrderIds = new Set<string>();
  private readonly groupNameIndex = new Map<string, string>();

  /** groupId -> member account ids, and the reverse. Suspended users keep their entries. */
  readonly groupMembers = new Map<string, Set<string>>();
  readonly userGroups = new Map<string, Set<string>>();

  /** Direct role grants: principal id -> resource id -> roles. */
  readonly userRoles = new Map<string, Map<string, Set<string>>>();
  readonly groupRoles = new Map<string, Map<string, Set<string>>>();

  readonly sites: SimSite[] = [];

  /** Server-chosen page sizes of the endpoints that take no `limit` (real values are unpublished). */
  pageSizes = { v1Users: 100, lastActiveDates: 10 };

  /** Stores other parts of the simulator hang on the org (policies, domains, workspaces...). */
  private readonly extensions = new Map<string, unknown>();

  constructor(init: SimulatorStateInit) {
    this.orgId = init.orgId;
    this.orgName = init.orgName;
    this.directoryId = init.directoryId;
    this.directoryName = init.directoryName;
    this.actorId = init.actorId;
    this.claimedDomains = (init.claimedDomains ?? []).map((domain) => domain.toLowerCase());
    this.clock = init.clock ?? new SimClock();
    this.audit = init.audit ?? { record: () => undefined };
    this.behaviour = { ...DEFAULT_BEHAVIOUR, ...init.behaviour };
  }

  /** Empties the org (users, groups, grants, sites, extensions); identity and clock stay. */
  clear(): void {
    for (const collection of [this.users, this.emailIndex, this.groups, this.groupNameIndex, this.groupMembers,
      this.userGroups, this.userRoles, this.groupRoles, this.extensions]) collection.clear();
    this.userOrder.length = 0;
    this.groupOrder.length = 0;
    this.groupOrderIds.clear();
    this.sites.length = 0;
  }

  /**
   * The store registered under `key`, created by `create` on first use. Lets the org-level
   * models (policies, domains, workspaces) live beside the directory without this file knowing them.
   */
  extension<T>(key: string, create: (state: SimulatorState) => T): T {
    if (!this.extensions.has(key)) this.extensions.set(key, create(this));
    return this.extensions.get(key) as T;
  }

  /** Records an audit event as the API key's owner. */
  record(input: Omit<AuditInput, 'actorId'> & { actorId?: string }): void {
    this.audit.record({ actorId: this.actorId, at: this.clock.now(), ...input });
  }

  // ---- users -------------------------------------------------------------------------------

  /** Adds or replaces a user (by account id), keeping the email index right. */
  putUser(user: SimUser): void {
    const existing = this.users.get(user.accountId);
    if (existing) this.emailIndex.delete(existing.email.toLowerCase());
    else this.userOrder.push(user.accountId);
    const owner = this.emailIndex.get(user.email.toLowerCase());
    if (owner && owner !== user.accountId) {
      throw new RangeError(`email ${user.email} already belongs to account ${owner}; emails are unique in an org`);
    }
    this.users.set(user.accountId, user);
    this.emailIndex.set(user.email.toLowerCase(), user.accountId);
  }

  getUser(accountId: string): SimUser | undefined {
    return this.users.get(accountId);
  }

  findUserByEmail(email: string): SimUser | undefined {
    const id = this.emailIndex.get(email.toLowerCase());
    return id === undefined ? undefined : this.users.get(id);
  }

  /** Users currently holding a seat (active membership). */
  countActiveMembers(): number {
    let count = 0;
    for (const user of this.users.values()) if (user.membershipStatus === 'active') count++;
    return count;
  }

  // ---- groups ------------------------------------------------------------------------------

  /** Adds or replaces a group (by id), keeping the name index right. */
  putGroup(group: SimGroup): void {
    const existing = this.groups.get(group.id);
    if (existing) this.groupNameIndex.delete(existing.name.toLowerCase());
    // A deleted group's id stays in the order; re-adding it must not list it twice.
    if (!this.groupOrderIds.has(group.id)) {
      this.groupOrderIds.add(group.id);
      this.groupOrder.push(group.id);
    }
    const owner = this.groupNameIndex.get(group.name.toLowerCase());
    if (owner && owner !== group.id) {
      throw new RangeError(`group name ${group.name} already belongs to group ${owner}; names are unique`);
    }
    this.groups.set(group.id, group);
    this.groupNameIndex.set(group.name.toLowerCase(), group.id);
    if (!this.groupMembers.has(group.id)) this.groupMembers.set(group.id, new Set());
  }

  getGroup(groupId: string): SimGroup | undefined {
    return this.groups.get(groupId);
  }

  findGroupByName(name: string): SimGroup | undefined {
    const id = this.groupNameIndex.get(name.toLowerCase());
    return id === undefined ? undefined : this.groups.get(id);
  }

  /** Drops a group with its memberships and role grants. */
  dropGroup(groupId: string): void {
    const group = this.groups.get(groupId);
    if (!group) return;
    for (const accountId of this.groupMembers.get(groupId) ?? []) this.userGroups.get(accountId)?.delete(groupId);
    this.groupMembers.delete(groupId);
    this.groupRoles.delete(groupId);
    this.groupNameIndex.delete(group.name.toLowerCase());
    this.groups.delete(groupId);
  }

  membersOf(groupId: string): ReadonlySet<string> {
    return this.groupMembers.get(groupId) ?? EMPTY;
  }

  groupsOf(accountId: string): ReadonlySet<string> {
    return this.userGroups.get(accountId) ?? EMPTY;
  }

  isMember(groupId: string, accountId: string): boolean {
    return this.groupMembers.get(groupId)?.has(accountId) ?? false;
  }

  /** Raw membership change (no rules, no audit): for the generator and the control endpoint. */
  link(groupId: string, accountId: string): void {
    if (!this.groups.has(groupId)) throw new RangeError(`no group ${groupId}`);
    if (!this.users.has(accountId)) throw new RangeError(`no user ${accountId}`);
    this.groupMembers.get(groupId)!.add(accountId);
    let groups = this.userGroups.get(accountId);
    if (!groups) this.userGroups.set(accountId, (groups = new Set()));
    groups.add(groupId);
  }

  unlink(groupId: string, accountId: string): void {
    this.groupMembers.get(groupId)?.delete(accountId);
    this.userGroups.get(accountId)?.delete(groupId);
  }

  // ---- roles -------------------------------------------------------------------------------

  /** Raw role grant (no rules, no audit). Returns false when it was already held. */
  grant(kind: 'user' | 'group', principalId: string, resourceId: string, role: string): boolean {
    const table = kind === 'user' ? this.userRoles : this.groupRoles;
    let byResource = table.get(principalId);
    if (!byResource) table.set(principalId, (byResource = new Map()));
    let roles = byResource.get(resourceId);
    if (!roles) byResource.set(resourceId, (roles = new Set()));
    if (roles.has(role)) return false;
    roles.add(role);
    return true;
  }

  /** Raw role revoke. Returns false when it was not held. */
  ungrant(kind: 'user' | 'group', principalId: string, resourceId: string, role: string): boolean {
    const byResource = (kind === 'user' ? this.userRoles : this.groupRoles).get(principalId);
    const roles = byResource?.get(resourceId);
    if (!roles?.delete(role)) return false;
    if (roles.size === 0) byResource!.delete(resourceId);
    return true;
  }

  rolesOf(kind: 'user' | 'group', principalId: string): ReadonlyMap<string, ReadonlySet<string>> {
    return (kind === 'user' ? this.userRoles : this.groupRoles).get(principalId) ?? EMPTY_MAP;
  }

  // ---- sites -------------------------------------------------------------------------------

  findSiteByResourceId(resourceId: string): SimSite | undefined {
    return this.sites.find((site) => site.resourceId === resourceId || site.id === resourceId);
  }

  /** The resource id that stands for the org itself (org-level roles such as org-admin). */
  get orgResourceId(): string {
    return `ari:cloud:platform::org/${this.orgId}`;
  }
}

const EMPTY: ReadonlySet<string> = new Set();
const EMPTY_MAP: ReadonlyMap<string, ReadonlySet<string>> = new Map();
