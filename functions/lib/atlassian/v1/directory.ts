import type { AtlassianHttpClient } from '../http/http-client.js';
import { apiPath } from '../http/request-path.js';
import { iteratePages } from '../pagination.js';
import { validateRequest } from '../request-validation.js';
import { MessageBodySchema } from '../schemas/common.js';
import {
  GroupRoleAssignmentInputSchema,
  GroupRoleChangeResponseSchema,
  LastActiveDatesPageSchema,
  V1AddMembershipRequestSchema,
  V1CreateGroupRequestSchema,
  V1CreateGroupResponseSchema,
  type GroupRoleAssignmentInput,
  type LastActiveDatesPage,
} from '../schemas/v1-directory.js';

/**
 * v1 `directory/*` endpoints (seed: Directory). Atlassian sunset all of them except
 * last-active-dates on 2026-06-30; they stay for orgs and simulators that still serve them.
 */
export class V1DirectoryApi {
  constructor(
    private readonly http: AtlassianHttpClient,
    private readonly orgId: string,
  ) {}

  private user(accountId: string): string {
    return apiPath`/v1/orgs/${this.orgId}/directory/users/${accountId}`;
  }

  private group(groupId: string): string {
    return apiPath`/v1/orgs/${this.orgId}/directory/groups/${groupId}`;
  }

  /** GET …/directory/users/{accountId}/last-active-dates: one page (`links.next` is a cursor). */
  async getLastActiveDates(accountId: string, cursor?: string): Promise<LastActiveDatesPage> {
    const path = `${this.user(accountId)}/last-active-dates`;
    const result = await this.http.request({ operation: 'v1.getLastActiveDates', method: 'GET', path, query: { cursor }, schema: LastActiveDatesPageSchema });
    return result.data;
  }

  /** Every page of a user's last-active dates (about 200 requests/min per org: pace sweeps). */
  iterateLastActiveDates(accountId: string): AsyncGenerator<LastActiveDatesPage> {
    return iteratePages({
      operation: 'v1.getLastActiveDates',
      fetchPage: (cursor) => this.getLastActiveDates(accountId, cursor),
      nextCursor: (page) => page.links?.next,
    });
  }

  /** DELETE …/directory/users/{accountId} (204): removes the user from the directory, permanently. */
  async removeUser(accountId: string): Promise<void> {
    await this.http.request({ operation: 'v1.removeUser', method: 'DELETE', path: this.user(accountId) });
  }

  /** POST …/directory/users/{accountId}/suspend-access. Idempotent, so retried after 5xx. */
  async suspendUser(accountId: string): Promise<void> {
    const path = `${this.user(accountId)}/suspend-access`;
    await this.http.request({ operation: 'v1.suspendUser', method: 'POST', path, schema: MessageBodySchema, retryMode: 'idempotent' });
  }

  /** POST …/directory/users/{accountId}/restore-access. Idempotent, so retried after 5xx. */
  async restoreUser(accountId: string): Promise<void> {
    const path = `${this.user(accountId)}/restore-access`;
    await this.http.request({ operation: 'v1.restoreUser', method: 'POST', path, schema: MessageBodySchema, retryMode: 'idempotent' });
  }

  /** POST …/directory/groups: returns the new group id. Retried only on 429 (a retry could duplicate). */
  async createGroup(name: string): Promise<{ groupId: string }> {
    const operation = 'v1.createGroup';
    const body = validateRequest(operation, V1CreateGroupRequestSchema, { name });
    const path = apiPath`/v1/orgs/${this.orgId}/directory/groups`;
    const result = await this.http.request({ operation, method: 'POST', path, body, schema: V1CreateGroupResponseSchema });
    return { groupId: result.data.groupId };
  }

  /** DELETE …/directory/groups/{groupId}; `forceIfNotEmpty` deletes a group that still has members. */
  async deleteGroup(groupId: string, options: { forceIfNotEmpty?: boolean } = {}): Promise<void> {
    const query = { forceIfNotEmpty: options.forceIfNotEmpty };
    await this.http.request({ operation: 'v1.deleteGroup', method: 'DELETE', path: this.group(groupId), query, schema: MessageBodySchema });
  }

  /** POST …/directory/groups/{groupId}/memberships (`account_id`, snake_case). */
  async addUserToGroup(groupId: string, accountId: string): Promise<void> {
    const operation = 'v1.addUserToGroup';
    const body = validateRequest(operation, V1AddMembershipRequestSchema, { account_id: accountId });
    const path = `${this.group(groupId)}/memberships`;
    await this.http.request({ operation, method: 'POST', path, body, schema: MessageBodySchema, retryMode: 'idempotent' });
  }

  /** DELETE …/directory/groups/{groupId}/memberships/{accountId}. */
  async removeUserFromGroup(groupId: string, accountId: string): Promise<void> {
    const path = `${this.group(groupId)}${apiPath`/memberships/${accountId}`}`;
    await this.http.request({ operation: 'v1.removeUserFromGroup', method: 'DELETE', path, schema: MessageBodySchema });
  }

  /** POST …/directory/groups/{groupId}/roles/assign (202; applied within ~30 s). */
  async assignGroupRoles(groupId: string, input: GroupRoleAssignmentInput): Promise<string> {
    return this.changeGroupRoles('v1.assignGroupRoles', `${this.group(groupId)}/roles/assign`, input);
  }

  /** POST …/directory/groups/{groupId}/roles/revoke (202; applied within ~30 s). */
  async revokeGroupRoles(groupId: string, input: GroupRoleAssignmentInput): Promise<string> {
    return this.changeGroupRoles('v1.revokeGroupRoles', `${this.group(groupId)}/roles/revoke`, input);
  }

  private async changeGroupRoles(operation: string, path: string, input: GroupRoleAssignmentInput): Promise<string> {
    const body = validateRequest(operation, GroupRoleAssignmentInputSchema, input);
    const result = await this.http.request({ operation, method: 'POST', path, body, schema: GroupRoleChangeResponseSchema, retryMode: 'idempotent' });
    return result.data.message;
  }
}
