import type { z } from 'zod';
import type { AtlassianHttpClient } from '../http/http-client.js';
import { apiPath } from '../http/request-path.js';
import { iterateItems } from '../pagination.js';
import { DirectoryPageSchema, type DirectoryModel } from '../schemas/v2-users.js';

export type DirectoryPage = z.infer<typeof DirectoryPageSchema>;

/** GET /v2/orgs/{orgId}/directories: where a v2 directory id comes from. */
export class V2DirectoriesApi {
  constructor(
    private readonly http: AtlassianHttpClient,
    private readonly orgId: string,
  ) {}

  /** One page of the org's directories (`links.next` is a `?cursor=` token). */
  async listDirectories(options: { cursor?: string; limit?: number; accountId?: string; searchTerm?: string } = {}): Promise<DirectoryPage> {
    const path = apiPath`/v2/orgs/${this.orgId}/directories`;
    return (await this.http.request({ operation: 'v2.listDirectories', method: 'GET', path, query: options, schema: DirectoryPageSchema })).data;
  }

  /** Every directory of the org. */
  iterateDirectories(options: { limit?: number } = {}): AsyncGenerator<DirectoryModel> {
    return iterateItems({
      operation: 'v2.listDirectories',
      fetchPage: (cursor) => this.listDirectories({ ...options, cursor }),
      items: (page) => page.data,
      nextCursor: (page) => page.links?.next,
    });
  }
}
