import type { z } from 'zod';
import type { AtlassianHttpClient } from '../http/http-client.js';
import { apiPath } from '../http/request-path.js';
import { iterateItems } from '../pagination.js';
import { validateRequest } from '../request-validation.js';
import {
  V2UserDetailsSchema,
  V2UserRoleAssignmentPageSchema,
  V2UserSearchPageSchema,
  V2UserSearchRequestSchema,
  type V2User,
  type V2UserDetails,
  type V2UserRoleAssignment,
  type V2UserSearchRequest,
} from '../schemas/v2-users.js';

export type V2UserSearchPage = z.infer<typeof V2UserSearchPageSchema>;
export type V2UserRoleAssignmentPage = z.infer<typeof V2UserRoleAssignmentPageSchema>;

/** v2 directory users: search, details, suspend / restore / remove, role assignments. */
export class V2UsersApi {
  constructor(
    private readonly http: AtlassianHttpClient,
    private readonly orgId: string,
  ) {}

  private user(directoryId: string, accountId: string): string {
    return apiPath`/v2/orgs/${this.orgId}/directories/${directoryId}/users/${accountId}`;
  }

  /** POST …/directories/{directoryId}/users/search: one page (body cursor token). */
  async searchUsers(directoryId: string, request: V2UserSearchRequest = {}): Promise<V2UserSearchPage> {
    const operation = 'v2.searchUsers';
    const body = validateRequest(operation, V2UserSearchRequestSchema, request);
    const path = apiPath`/v2/orgs/${this.orgId}/directories/${directoryId}/users/search`;
    return (await this.http.request({ operation, method: 'POST', path, body, schema: V2UserSearchPageSchema, retryMode: 'idempotent' })).data;
  }

  /** Every match of a user search. */
  iterateSearchUsers(directoryId: string, request: Omit<V2UserSearchRequest, 'cursor'> = {}): AsyncGenerator<V2User> {
    return iterateItems({
      operation: 'v2.searchUsers',
      fetchPage: (cursor) => this.searchUsers(directoryId, { ...request, cursor }),
      items: (page) => page.data,
      nextCursor: (page) => page.links?.next,
    });
  }

  /** GET …/directories/{directoryId}/users/{accountId}: department, job title, management source… */
  async getUser(directoryId: string, accountId: string): Promise<V2UserDetails> {
    const result = await this.http.request({ operation: 'v2.getUser', method: 'GET', path: this.user(directoryId, accountId), schema: V2UserDetailsSchema });
    return result.data.data;
  }

  /** POST …/users/{accountId}/suspend (204). Idempotent, so retried after 5xx. */
  async suspendUser(directoryId: string, accountId: string): Promise<void> {
    const path = `${this.user(directoryId, accountId)}/suspend`;
    await this.http.request({ operation: 'v2.suspendUser', method: 'POST', path, retryMode: 'idempotent' });
  }

  /** POST …/users/{accountId}/restore (204). Idempotent, so retried after 5xx. */
  async restoreUser(directoryId: string, accountId: string): Promise<void> {
    const path = `${this.user(directoryId, accountId)}/restore`;
    await this.http.request({ operation: 'v2.restoreUser', method: 'POST', path, retryMode: 'idempotent' });
  }

  /** DELETE …/users/{accountId} (204): removal from the directory is permanent. */
  async removeUser(directoryId: string, accountId: string): Promise<void> {
    await this.http.request({ operation: 'v2.removeUser', method: 'DELETE', path: this.user(directoryId, accountId) });
  }

  /** GET …/users/{accountId}/role-assignments: one page (`?cursor=` token). */
  async getUserRoleAssignments(
    directoryId: string,
    accountId: string,
    options: { cursor?: string; limit?: number; resourceIds?: string[] } = {},
  ): Promise<V2UserRoleAssignmentPage> {
    const path = `${this.user(directoryId, accountId)}/role-assignments`;
    const result = await this.http.request({
      operation: 'v2.getUserRoleAssignments',
      method: 'GET',
      path,
      query: options,
      schema: V2UserRoleAssignmentPageSchema,
    });
    return result.data;
  }

  /** Every role assignment of a user, one entry per resource. */
  iterateUserRoleAssignments(directoryId: string, accountId: string, options: { limit?: number } = {}): AsyncGenerator<V2UserRoleAssignment> {
    return iterateItems({
      operation: 'v2.getUserRoleAssignments',
      fetchPage: (cursor) => this.getUserRoleAssignments(directoryId, accountId, { ...options, cursor }),
      items: (page) => page.data,
      nextCursor: (page) => page.links?.next,
    });
  }
}
