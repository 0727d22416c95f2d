import type { z } from 'zod';
import type { AtlassianHttpClient } from '../http/http-client.js';
import { apiPath } from '../http/request-path.js';
import { iterateItems } from '../pagination.js';
import { validateRequest } from '../request-validation.js';
import {
  V2AddMembershipRequestSchema,
  V2CreateGroupRequestSchema,
  V2CreateGroupResponseSchema,
  V2GroupDetailsSchema,
  V2GroupRoleAssignmentPageSchema,
  V2GroupRoleRequestSchema,
  V2GroupSchema,
  V2GroupSearchPageSchema,
  V2GroupSearchRequestSchema,
  type V2Group,
  type V2GroupRoleAssignment,
  type V2GroupRoleRequest,
  type V2GroupSearchRequest,
} from '../schemas/v2-groups.js';

export type V2GroupSearchPage = z.infer<typeof V2GroupSearchPageSchema>;
export type V2GroupRoleAssignmentPage = z.infer<typeof V2GroupRoleAssignmentPageSchema>;

/** v2 directory groups: search, get, create, delete, memberships, role assignments. */
export class V2GroupsApi {
  constructor(
    private readonly http: AtlassianHttpClient,
    private readonly orgId: string,
  ) {}

  private groups(directoryId: string): string {
    return apiPath`/v2/orgs/${this.orgId}/directories/${directoryId}/groups`;
  }

  private group(directoryId: string, groupId: string): string {
    return `${this.groups(directoryId)}${apiPath`/${groupId}`}`;
  }

  /** POST …/groups/search: one page (body cursor token). */
  async searchGroups(directoryId: string, request: V2GroupSearchRequest = {}): Promise<V2GroupSearchPage> {
    const operation = 'v2.searchGroups';
    const body = validateRequest(operation, V2GroupSearchRequestSchema, request);
    const path = `${this.groups(directoryId)}/search`;
    return (await this.http.request({ operation, method: 'POST', path, body, schema: V2GroupSearchPageSchema, retryMode: 'idempotent' })).data;
  }

  /** Every match of a group search. */
  iterateSearchGroups(directoryId: string, request: Omit<V2GroupSearchRequest, 'cursor'> = {}): AsyncGenerator<V2Group> {
    return iterateItems({
      operation: 'v2.searchGroups',
      fetchPage: (cursor) => this.searchGroups(directoryId, { ...request, cursor }),
      items: (page) => page.data,
      nextCursor: (page) => page.links?.next,
    });
  }

  /** GET …/groups/{groupId}. */
  async getGroup(directoryId: string, groupId: string): Promise<V2Group> {
    const path = this.group(directoryId, groupId);
    return (await this.http.request({ operation: 'v2.getGroup', method: 'GET', path, schema: V2GroupDetailsSchema })).data.data;
  }

  /**
   * POST …/groups (201). The spec documents no response body; when one carries the new group it is
   * returned, else `undefined` (look it up by name). Retried only on 429: a retry could duplicate.
   */
  async createGroup(directoryId: string, name: string, description?: string): Promise<V2Group | undefined> {
    const operation = 'v2.createGroup';
    const body = validateRequest(operation, V2CreateGroupRequestSchema, { name, description });
    const result = await this.http.request({ operation, method: 'POST', path: this.groups(directoryId), body, schema: V2CreateGroupResponseSchema });
    const data: unknown = result.data && 'data' in result.data ? result.data.data : result.data;
    const group = V2GroupSchema.safeParse(data);
    return group.success ? group.data : undefined;
  }

  /** DELETE …/groups/{groupId} (204). */
  async deleteGroup(directoryId: string, groupId: string): Promise<void> {
    await this.http.request({ operation: 'v2.deleteGroup', method: 'DELETE', path: this.group(directoryId, groupId) });
  }

  /** POST …/groups/{groupId}/memberships (204; 409 when already a member or over a license limit). */
  async addUserToGroup(directoryId: string, groupId: string, accountId: string): Promise<void> {
    const operation = 'v2.addUserToGroup';
    const body = validateRequest(operation, V2AddMembershipRequestSchema, { accountId });
    const path = `${this.group(directoryId, groupId)}/memberships`;
    await this.http.request({ operation, method: 'POST', path, body, retryMode: 'idempotent' });
  }

  /** DELETE …/groups/{groupId}/memberships/{accountId} (204). */
  async removeUserFromGroup(directoryId: string, groupId: string, accountId: string): Promise<void> {
    const path = `${this.group(directoryId, groupId)}${apiPath`/memberships/${accountId}`}`;
    await this.http.request({ operation: 'v2.removeUserFromGroup', method: 'DELETE', path });
  }

  /** GET …/groups/{groupId}/role-assignments: one page (`?cursor=` token). */
  async getGroupRoleAssignments(
    directoryId: string,
    groupId: string,
    options: { cursor?: string; limit?: number } = {},
  ): Promise<V2GroupRoleAssignmentPage> {
    const path = `${this.group(directoryId, groupId)}/role-assignments`;
    const result = await this.http.request({
      operation: 'v2.getGroupRoleAssignments',
      method: 'GET',
      path,
      query: options,
      schema: V2GroupRoleAssignmentPageSchema,
    });
    return result.data;
  }

  /** Every role assignment of a group, one entry per resource. */
  iterateGroupRoleAssignments(directoryId: string, groupId: string, options: { limit?: number } = {}): AsyncGenerator<V2GroupRoleAssignment> {
    return iterateItems({
      operation: 'v2.getGroupRoleAssignments',
      fetchPage: (cursor) => this.getGroupRoleAssignments(directoryId, groupId, { ...options, cursor }),
      items: (page) => page.data,
      nextCursor: (page) => page.links?.next,
    });
  }

  /** POST …/groups/{groupId}/role-assignments/assign (200). */
  async assignGroupRole(directoryId: string, groupId: string, request: V2GroupRoleRequest): Promise<void> {
    await this.changeRole('v2.assignGroupRole', `${this.group(directoryId, groupId)}/role-assignments/assign`, request);
  }

  /** POST …/groups/{groupId}/role-assignments/revoke (204). */
  async revokeGroupRole(directoryId: string, groupId: string, request: V2GroupRoleRequest): Promise<void> {
    await this.changeRole('v2.revokeGroupRole', `${this.group(directoryId, groupId)}/role-assignments/revoke`, request);
  }

  private async changeRole(operation: string, path: string, request: V2GroupRoleRequest): Promise<void> {
    const body = validateRequest(operation, V2GroupRoleRequestSchema, request);
    await this.http.request({ operation, method: 'POST', path, body, retryMode: 'idempotent' });
  }
}
