import type { AtlassianHttpClient } from '../http/http-client.js';
import { apiPath } from '../http/request-path.js';
import { validateRequest } from '../request-validation.js';
import {
  OrganizationLevelRoleRequestSchema,
  RoleApiRequestSchema,
  V1InviteRequestSchema,
  V1InviteResponseSchema,
  type OrganizationLevelRoleRequest,
  type RoleApiRequest,
  type V1InviteRequest,
} from '../schemas/v1-directory.js';

/** v1 invite and per-user role endpoints (seed: Invite user, Grant / Revoke user access). */
export class V1UserRolesApi {
  constructor(
    private readonly http: AtlassianHttpClient,
    private readonly orgId: string,
  ) {}

  /** POST /v1/orgs/{orgId}/users/invite (202): ids of the users added. Retried only on 429. */
  async inviteUser(request: V1InviteRequest): Promise<string[]> {
    const operation = 'v1.inviteUser';
    const body = validateRequest(operation, V1InviteRequestSchema, request);
    const path = apiPath`/v1/orgs/${this.orgId}/users/invite`;
    return (await this.http.request({ operation, method: 'POST', path, body, schema: V1InviteResponseSchema })).data;
  }

  /** POST /v1/orgs/{orgId}/users/{userId}/roles/assign (204). Still live: v2 has no user-role write. */
  async assignUserRole(accountId: string, request: RoleApiRequest): Promise<void> {
    await this.send('v1.assignUserRole', apiPath`/v1/orgs/${this.orgId}/users/${accountId}/roles/assign`, RoleApiRequestSchema, request);
  }

  /** POST /v1/orgs/{orgId}/users/{userId}/roles/revoke (204). */
  async revokeUserRole(accountId: string, request: RoleApiRequest): Promise<void> {
    await this.send('v1.revokeUserRole', apiPath`/v1/orgs/${this.orgId}/users/${accountId}/roles/revoke`, RoleApiRequestSchema, request);
  }

  /** POST /v1/orgs/{orgId}/users/{userId}/role-assignments/assign: org-level roles (org admin). */
  async assignOrgRole(accountId: string, request: OrganizationLevelRoleRequest): Promise<void> {
    const path = apiPath`/v1/orgs/${this.orgId}/users/${accountId}/role-assignments/assign`;
    await this.send('v1.assignOrgRole', path, OrganizationLevelRoleRequestSchema, request);
  }

  /** POST /v1/orgs/{orgId}/users/{userId}/role-assignments/revoke. */
  async revokeOrgRole(accountId: string, request: OrganizationLevelRoleRequest): Promise<void> {
    const path = apiPath`/v1/orgs/${this.orgId}/users/${accountId}/role-assignments/revoke`;
    await this.send('v1.revokeOrgRole', path, OrganizationLevelRoleRequestSchema, request);
  }

  private async send<T>(operation: string, path: string, schema: import('zod').ZodType<T>, request: T): Promise<void> {
    const body = validateRequest(operation, schema, request);
    // Granting or revoking a role twice ends in the same state: safe to retry after a 5xx.
    await this.http.request({ operation, method: 'POST', path, body, retryMode: 'idempotent' });
  }
}
