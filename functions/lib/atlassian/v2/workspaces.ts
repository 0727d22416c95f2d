import type { z } from 'zod';
import type { AtlassianHttpClient } from '../http/http-client.js';
import { apiPath } from '../http/request-path.js';
import { iterateItems } from '../pagination.js';
import { validateRequest } from '../request-validation.js';
import { SearchWorkspacesRequestSchema, WorkspacePageSchema, type SearchWorkspacesRequest, type Workspace } from '../schemas/v2-workspaces.js';

export type WorkspacePage = z.infer<typeof WorkspacePageSchema>;

/** POST /v2/orgs/{orgId}/workspaces (seed: Workspaces): the sites / products a role can be granted on. */
export class V2WorkspacesApi {
  constructor(
    private readonly http: AtlassianHttpClient,
    private readonly orgId: string,
  ) {}

  /** One page of workspaces matching the query (body cursor). */
  async searchWorkspaces(request: SearchWorkspacesRequest = {}): Promise<WorkspacePage> {
    const operation = 'v2.searchWorkspaces';
    const body = validateRequest(operation, SearchWorkspacesRequestSchema, request);
    const path = apiPath`/v2/orgs/${this.orgId}/workspaces`;
    return (await this.http.request({ operation, method: 'POST', path, body, schema: WorkspacePageSchema, retryMode: 'idempotent' })).data;
  }

  /** Every workspace matching the query. */
  iterateWorkspaces(request: Omit<SearchWorkspacesRequest, 'cursor'> = {}): AsyncGenerator<Workspace> {
    return iterateItems({
      operation: 'v2.searchWorkspaces',
      // The spec: when a cursor is sent, no other property may be present (it carries the query).
      fetchPage: (cursor) => this.searchWorkspaces(cursor ? { cursor } : request),
      items: (page) => page.data,
      nextCursor: (page) => tokenFromLink(page.links?.next),
    });
  }
}

/** `links.next` is typed as a URL (LinkPageModel) but the request takes a body cursor: accept both. */
function tokenFromLink(next: string | undefined): string | undefined {
  if (!next) return undefined;
  if (!/^https?:\/\//.test(next)) return next;
  return new URL(next).searchParams.get('cursor') ?? undefined;
}
