import { DEFAULT_ATLASSIAN_BASE_URL, type CreateDirectoryOptions } from './create-directory.js';
import { createDirectoryIdResolver } from './directory-id.js';
import { AtlassianHttpClient } from '../http/http-client.js';
import type { InventoryUser, OrgInventory, OrgWorkspace } from './org-inventory.js';
import { collect } from '../pagination.js';
import type { V2User } from '../schemas/v2-users.js';
import { toDirectoryGroup } from './v2-mappers.js';
import { V2GroupsApi } from '../v2/groups.js';
import { V2UsersApi } from '../v2/users.js';
import { V2WorkspacesApi } from '../v2/workspaces.js';

/** The most names one search request takes (the v2 spec's limits). */
const GROUP_NAMES_PER_SEARCH = 100;
const EMAILS_PER_SEARCH = 100;
const ACCOUNT_IDS_PER_SEARCH = 10;
/** The workspaces endpoint's largest page: one request for almost every org. */
const WORKSPACES_PER_PAGE = 1000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

const toInventoryUser = (user: V2User): InventoryUser => ({ accountId: user.accountId, email: user.email ?? '' });

/**
 * The `OrgInventory` over the v2 API: group and user searches that take up to 100 names each (so
 * a config costs one request per kind, not one per name), the workspaces search, and one
 * `GET /v2/orgs/{orgId}/directories` for the directory id. Reads only, retried like every read.
 */
export class V2OrgInventory implements OrgInventory {
  private readonly groups: V2GroupsApi;
  private readonly users: V2UsersApi;
  private readonly workspaces: V2WorkspacesApi;
  private readonly directoryId: () => Promise<string>;

  constructor(options: Omit<CreateDirectoryOptions, 'generation'>) {
    const baseUrl = options.baseUrl ?? DEFAULT_ATLASSIAN_BASE_URL;
    const http = new AtlassianHttpClient({ ...options, baseUrl });
    this.groups = new V2GroupsApi(http, options.orgId);
    this.users = new V2UsersApi(http, options.orgId);
    this.workspaces = new V2WorkspacesApi(http, options.orgId);
    this.directoryId = createDirectoryIdResolver(http, options.orgId, options.directoryId, baseUrl);
  }

  async findGroupsByName(names: readonly string[]) {
    if (names.length === 0) return [];
    const dir = await this.directoryId();
    const found = [];
    for (const batch of chunks(names, GROUP_NAMES_PER_SEARCH)) {
      found.push(...(await collect(this.groups.iterateSearchGroups(dir, { groupNames: batch, limit: GROUP_NAMES_PER_SEARCH }))));
    }
    return found.map(toDirectoryGroup);
  }

  async findUsersByEmail(emails: readonly string[]): Promise<InventoryUser[]> {
    return this.searchUsers(emails, EMAILS_PER_SEARCH, (batch) => ({ emails: batch }));
  }

  async findUsersByAccountId(accountIds: readonly string[]): Promise<InventoryUser[]> {
    return this.searchUsers(accountIds, ACCOUNT_IDS_PER_SEARCH, (batch) => ({ accountIds: batch }));
  }

  async listWorkspaces(): Promise<OrgWorkspace[]> {
    const workspaces = await collect(this.workspaces.iterateWorkspaces({ limit: WORKSPACES_PER_PAGE }));
    return workspaces.flatMap((workspace) =>
      workspace.id
        ? [{
            id: workspace.id,
            ...(workspace.attributes?.typeKey ? { typeKey: workspace.attributes.typeKey } : {}),
            ...(workspace.attributes?.name ? { name: workspace.attributes.name } : {}),
            ...(workspace.attributes?.hostUrl ? { hostUrl: workspace.attributes.hostUrl } : {}),
          }]
        : [],
    );
  }

  private async searchUsers(values: readonly string[], perSearch: number, filter: (batch: string[]) => { emails: string[] } | { accountIds: string[] }) {
    if (values.length === 0) return [];
    const dir = await this.directoryId();
    const found: InventoryUser[] = [];
    for (const batch of chunks(values, perSearch)) {
      const users = await collect(this.users.iterateSearchUsers(dir, { ...filter(batch), limit: 100 }));
      found.push(...users.map(toInventoryUser));
    }
    return found;
  }
}
