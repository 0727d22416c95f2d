/**
 * What the directory model tells the audit log when something changes. The audit log
 * (`audit-log.ts`) turns it into an Atlassian event (`GET /v1/orgs/{orgId}/events`).
 */
export interface AuditInput {
  /** Atlassian event action key, e.g. `user_suspended_from_org`, `group_created`, `user_added_to_group`. */
  action: string;
  /** Account id of the admin/API key owner that made the change. */
  actorId: string;
  /** What was acted on: users, groups, policies… and, for a role on a product, its site (id = the site's resource ARI). */
  objects: Array<{ type: 'user' | 'group' | 'policy' | 'role' | 'org' | 'directory' | 'site'; id: string; name?: string }>;
  /** Product the event concerns, e.g. `admin`, `jira-software`. Default `admin`. */
  product?: string;
  ip?: string;
  /** Free-form details shown in the event message. */
  message?: string;
  /** Defaults to the simulator clock's now. */
  at?: Date;
}

/** The part of the audit log the directory model depends on. */
export interface AuditSink {
  record(input: AuditInput): void;
}
