import * as z from 'zod';
import { LinkPageModelSchema } from './common.js';

/** POST /v2/orgs/{orgId}/workspaces (SearchWorkspacesRequestV2 -> PageDataResponseV2). */
export const WorkspaceSchema = z.object({
  id: z.string().optional(),
  type: z.string().optional(),
  attributes: z
    .object({
      name: z.string().optional(),
      typeKey: z.string().optional(),
      type: z.string().optional(),
      owner: z.string().nullish(),
      status: z.string().optional(),
      hostUrl: z.string().nullish(),
      realm: z.string().optional(),
      regions: z.array(z.string()).optional(),
    })
    .loose()
    .optional(),
  links: z.object({ self: z.string() }).optional(),
  relationships: z.record(z.string(), z.unknown()).optional(),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const WorkspacePageSchema = z.object({
  data: z.array(WorkspaceSchema).default([]),
  links: LinkPageModelSchema.optional(),
  meta: z
    .object({
      pageSize: z.number().int().optional(),
      startIndex: z.number().int().nullish(),
      endIndex: z.number().int().nullish(),
      total: z.number().int().optional(),
    })
    .optional(),
});

/** The query language is recursive and open; keep it as JSON the caller builds. */
export const SearchWorkspacesRequestSchema = z.object({
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(1000).optional(),
  query: z.record(z.string(), z.unknown()).nullish(),
  sort: z.array(z.object({ field: z.string().optional(), order: z.enum(['asc', 'desc']).optional() })).nullish(),
});
export type SearchWorkspacesRequest = z.infer<typeof SearchWorkspacesRequestSchema>;
