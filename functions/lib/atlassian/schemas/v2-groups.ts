import * as z from 'zod';
import { LinkPageCursorSchema } from './common.js';

/** MultiDirectoryGroup (search results and the `data` of group details). */
export const V2GroupSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  description: z.string().nullish(),
  directoryId: z.string().optional(),
  externalSynced: z.boolean().optional(),
  managedBy: z.string().optional(),
  managementAccess: z
    .object({ deletable: z.boolean().optional(), modifiable: z.boolean().optional(), readable: z.boolean().optional() })
    .optional(),
  counts: z.object({ resources: z.number().int().optional(), users: z.number().int().optional() }).optional(),
  links: z.object({ self: z.string().optional() }).optional(),
});
export type V2Group = z.infer<typeof V2GroupSchema>;

export const V2GroupDetailsSchema = z.object({ data: V2GroupSchema });
export const V2GroupSearchPageSchema = z.object({ data: z.array(V2GroupSchema), links: LinkPageCursorSchema.optional() });

const ids = (max: number) => z.array(z.string()).min(1).max(max);

/** MultiDirectoryGroupSearchRequest. */
export const V2GroupSearchRequestSchema = z.object({
  accountIds: ids(10).optional(),
  cursor: z.string().optional(),
  directoryIds: ids(10).optional(),
  expand: z.array(z.enum(['counts.resources', 'counts.users'])).min(1).max(2).optional(),
  groupIds: ids(10).optional(),
  groupNames: ids(100).optional(),
  limit: z.number().int().min(1).max(100).optional(),
  resourceIds: ids(20).optional(),
  resourceOwners: ids(10).optional(),
  roleIds: ids(10).optional(),
  searchTerm: z.string().optional(),
  sortBy: z.array(z.object({ field: z.literal('name'), direction: z.enum(['asc', 'desc']) })).length(1).optional(),
});
export type V2GroupSearchRequest = z.infer<typeof V2GroupSearchRequestSchema>;

/** POST …/groups: 201 with no body in the spec; tolerate a body that carries the new group. */
export const V2CreateGroupRequestSchema = z.object({ name: z.string().min(1), description: z.string().optional() });
export const V2CreateGroupResponseSchema = z
  .union([V2GroupSchema, z.object({ data: V2GroupSchema }), z.object({}).loose()])
  .optional();

/** POST …/groups/{groupId}/memberships. */
export const V2AddMembershipRequestSchema = z.object({ accountId: z.string().min(1) });

/** POST …/groups/{groupId}/role-assignments/assign|revoke. */
export const V2GroupRoleRequestSchema = z.object({ resourceId: z.string().min(1), roleId: z.string().min(1) });
export type V2GroupRoleRequest = z.infer<typeof V2GroupRoleRequestSchema>;

/** GET …/groups/{groupId}/role-assignments (MultiDirectoryGroupRoleAssignmentPage). */
export const V2GroupRoleAssignmentSchema = z.object({
  resourceId: z.string().optional(),
  resourceOwner: z.string().optional(),
  defaultRole: z.string().nullish(),
  roles: z.array(z.string()).optional(),
});
export type V2GroupRoleAssignment = z.infer<typeof V2GroupRoleAssignmentSchema>;
export const V2GroupRoleAssignmentPageSchema = z.object({
  data: z.array(V2GroupRoleAssignmentSchema).default([]),
  links: LinkPageCursorSchema.optional(),
});
