import type { z } from 'zod';
import type { AtlassianHttpClient } from '../http/http-client.js';
import { apiPath } from '../http/request-path.js';
import { cursorFromNextUrl, iterateItems } from '../pagination.js';
import { validateRequest } from '../request-validation.js';
import {
  V1GroupsSearchPageSchema,
  V1GroupsSearchRequestSchema,
  V1UserPageSchema,
  V1UsersSearchPageSchema,
  V1UsersSearchRequestSchema,
  type V1GroupsSearchRequest,
  type V1PublicGroup,
  type V1PublicUser,
  type V1User,
  type V1UsersSearchRequest,
} from '../schemas/v1-users.js';

export type V1UserPage = z.infer<typeof V1UserPageSchema>;
export type V1UsersSearchPage = z.infer<typeof V1UsersSearchPageSchema>;
export type V1GroupsSearchPage = z.infer<typeof V1GroupsSearchPageSchema>;

/** v1 managed accounts, users/search and groups/search (seed: Users, Groups). */
export class V1UsersApi {
  constructor(
    private readonly http: AtlassianHttpClient,
    private readonly orgId: string,
  ) {}

  /** GET /v1/orgs/{orgId}/users: one page of managed accounts (snake_case). */
  async listUsers(cursor?: string): Promise<V1UserPage> {
    const path = apiPath`/v1/orgs/${this.orgId}/users`;
    return (await this.http.request({ operation: 'v1.listUsers', method: 'GET', path, query: { cursor }, schema: V1UserPageSchema })).data;
  }

  /** Every managed account, following `links.next` URLs. */
  iterateUsers(): AsyncGenerator<V1User> {
    return iterateItems({
      operation: 'v1.listUsers',
      fetchPage: (cursor) => this.listUsers(cursor),
      items: (page) => page.data,
      nextCursor: (page) => cursorFromNextUrl('v1.listUsers', page.links?.next),
    });
  }

  /** POST /v1/orgs/{orgId}/users/search: one page (camelCase); sunset 2026-06-30. */
  async searchUsers(request: V1UsersSearchRequest = {}): Promise<V1UsersSearchPage> {
    const operation = 'v1.searchUsers';
    const body = validateRequest(operation, V1UsersSearchRequestSchema, request);
    const path = apiPath`/v1/orgs/${this.orgId}/users/search`;
    return (await this.http.request({ operation, method: 'POST', path, body, schema: V1UsersSearchPageSchema, retryMode: 'idempotent' })).data;
  }

  /** Every match of a user search, sending `links.next` back as the body cursor. */
  iterateSearchUsers(request: Omit<V1UsersSearchRequest, 'cursor'> = {}): AsyncGenerator<V1PublicUser> {
    return iterateItems({
      operation: 'v1.searchUsers',
      fetchPage: (cursor) => this.searchUsers({ ...request, cursor }),
      items: (page) => page.data,
      nextCursor: (page) => page.links?.next,
    });
  }

  /** POST /v1/orgs/{orgId}/groups/search: one page; sunset 2026-06-30. */
  async searchGroups(request: V1GroupsSearchRequest = {}): Promise<V1GroupsSearchPage> {
    const operation = 'v1.searchGroups';
    const body = validateRequest(operation, V1GroupsSearchRequestSchema, request);
    const path = apiPath`/v1/orgs/${this.orgId}/groups/search`;
    return (await this.http.request({ operation, method: 'POST', path, body, schema: V1GroupsSearchPageSchema, retryMode: 'idempotent' })).data;
  }

  /** Every match of a group search. */
  iterateSearchGroups(request: Omit<V1GroupsSearchRequest, 'cursor'> = {}): AsyncGenerator<V1PublicGroup> {
    return iterateItems({
      operation: 'v1.searchGroups',
      fetchPage: (cursor) => this.searchGroups({ ...request, cursor }),
      items: (page) => page.data,
      nextCursor: (page) => page.links?.next,
    });
  }
}
