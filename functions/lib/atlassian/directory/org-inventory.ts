import type { DirectoryGroup } from '../directory.js';

/**
 * Read-only, batched lookups of what an org has: groups by name, users by email or account id,
 * and its workspaces (the sites and products roles are granted on). For checking a config against
 * the org before anything runs; each method asks for many names at once because the org's rate
 * limit is shared with the workflows.
 */
export interface OrgInventory {
  /** The groups among `names` that exist (names compare case-insensitively). */
  findGroupsByName(names: readonly string[]): Promise<DirectoryGroup[]>;
  /** The directory users with these emails (any membership status, including removed). */
  findUsersByEmail(emails: readonly string[]): Promise<InventoryUser[]>;
  /** The directory users with these account ids. */
  findUsersByAccountId(accountIds: readonly string[]): Promise<InventoryUser[]>;
  /** Every workspace of the org. */
  listWorkspaces(): Promise<OrgWorkspace[]>;
}

export interface InventoryUser {
  accountId: string;
  email: string;
}

/** A workspace: a product instance on a site, e.g. the Jira of acme.atlassian.net. */
export interface OrgWorkspace {
  /** The workspace id (for sited products the site's cloud id, the last part of its ARI). */
  id: string;
  /** Product key, e.g. `jira-software`, `confluence`. */
  typeKey?: string;
  name?: string;
  hostUrl?: string;
}
