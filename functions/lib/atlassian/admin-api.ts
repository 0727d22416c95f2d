import { DEFAULT_ATLASSIAN_BASE_URL, type CreateDirectoryOptions } from './directory/create-directory.js';
import { AtlassianHttpClient } from './http/http-client.js';
import { V1DirectoryApi } from './v1/directory.js';
import { V1EventsApi } from './v1/events.js';
import { V1OrgsApi } from './v1/orgs.js';
import { V1PoliciesApi } from './v1/policies.js';
import { V1UserRolesApi } from './v1/user-roles.js';
import { V1UsersApi } from './v1/users.js';
import { V2DirectoriesApi } from './v2/directories.js';
import { V2GroupsApi } from './v2/groups.js';
import { V2InviteApi } from './v2/invite.js';
import { V2UsersApi } from './v2/users.js';
import { V2WorkspacesApi } from './v2/workspaces.js';

/**
 * Every typed operation of the Atlassian Admin API the project knows: the seed collection's
 * requests (v1 plus v2 workspaces) and the v2 directory API. For tools and scripts; Lambda
 * handlers use the smaller `Directory` from `createDirectory` instead.
 */
export interface AtlassianAdminApi {
  v1: {
    orgs: V1OrgsApi;
    users: V1UsersApi;
    events: V1EventsApi;
    policies: V1PoliciesApi;
    directory: V1DirectoryApi;
    userRoles: V1UserRolesApi;
  };
  v2: {
    directories: V2DirectoriesApi;
    users: V2UsersApi;
    groups: V2GroupsApi;
    invite: V2InviteApi;
    workspaces: V2WorkspacesApi;
  };
}

export type CreateAdminApiOptions = Omit<CreateDirectoryOptions, 'generation' | 'directoryId'>;

/** Builds the full typed client over one shared HTTP core (retries, pacer, timeout). */
export function createAdminApi(options: CreateAdminApiOptions): AtlassianAdminApi {
  const http = new AtlassianHttpClient({ ...options, baseUrl: options.baseUrl ?? DEFAULT_ATLASSIAN_BASE_URL });
  const org = options.orgId;
  return {
    v1: {
      orgs: new V1OrgsApi(http, org),
      users: new V1UsersApi(http, org),
      events: new V1EventsApi(http, org),
      policies: new V1PoliciesApi(http, org),
      directory: new V1DirectoryApi(http, org),
      userRoles: new V1UserRolesApi(http, org),
    },
    v2: {
      directories: new V2DirectoriesApi(http, org),
      users: new V2UsersApi(http, org),
      groups: new V2GroupsApi(http, org),
      invite: new V2InviteApi(http, org),
      workspaces: new V2WorkspacesApi(http, org),
    },
  };
}
