import * as z from 'zod';
import { AccountStatusSchema, LinkPageCursorSchema, LinkPageModelSchema } from './common.js';

/** v1 `users` is snake_case (User, Product). Product keys are kept open: Atlassian adds products. */
export const V1ProductSchema = z.object({
  key: z.string(),
  name: z.string(),
  url: z.string().optional(),
  last_active: z.string().optional(),
});

export const V1UserSchema = z.object({
  account_id: z.string(),
  account_type: z.string(),
  account_status: AccountStatusSchema,
  name: z.string(),
  picture: z.string(),
  email: z.string().optional(),
  access_billable: z.boolean().optional(),
  last_active: z.string().optional(),
  product_access: z.array(V1ProductSchema).optional(),
});
export type V1User = z.infer<typeof V1UserSchema>;

export const V1UserPageSchema = z.object({
  data: z.array(V1UserSchema).default([]),
  links: LinkPageModelSchema.optional(),
  meta: z.object({ total: z.number().int().optional() }).optional(),
});

/** v1 `users/search` is camelCase (PublicUser) and pages with a body cursor token. */
export const V1PublicUserSchema = z.object({
  accountId: z.string(),
  accountStatus: z.enum(['active', 'partial', 'inactive', 'closed']).optional(),
  accountType: z.string().optional(),
  email: z.string().optional(),
  emailVerified: z.boolean().optional(),
  name: z.string().optional(),
  nickname: z.string().optional(),
  statusInUserbase: z.boolean().optional(),
});
export type V1PublicUser = z.infer<typeof V1PublicUserSchema>;

export const V1UsersSearchPageSchema = z.object({ data: z.array(V1PublicUserSchema), links: LinkPageCursorSchema.optional() });

const StringFilterSchema = z.object({
  contains: z.string().optional(),
  eq: z.array(z.string().max(100)).max(100).optional(),
});

/** UsersSearchRequest: every field optional, `limit` 1..10000. */
export const V1UsersSearchRequestSchema = z.object({
  accountIds: z.array(z.string()).max(100).optional(),
  accountStatuses: z.array(z.enum(['ACTIVE', 'INACTIVE'])).optional(),
  accountTypes: z.array(z.enum(['atlassian', 'customer', 'app'])).optional(),
  cursor: z.string().optional(),
  emailDomains: StringFilterSchema.optional(),
  emailUsernames: StringFilterSchema.optional(),
  expand: z.array(z.enum(['NAME', 'EMAIL', 'EMAIL_VERIFIED', 'PRODUCT_LAST_ACCESS', 'GROUPS'])).optional(),
  isSuspended: z.boolean().optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
  namesOrNicknames: StringFilterSchema.optional(),
});
export type V1UsersSearchRequest = z.infer<typeof V1UsersSearchRequestSchema>;

/** GroupsSearchRequest (v1 `groups/search`). */
export const V1GroupsSearchRequestSchema = z.object({
  cursor: z.string().optional(),
  expand: z.array(z.enum(['USERS', 'META', 'ROLE_ASSIGNMENTS', 'MANAGEMENT_ACCESS'])).optional(),
  groupIds: z.array(z.string()).max(100).optional(),
  groupNames: StringFilterSchema.optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});
export type V1GroupsSearchRequest = z.infer<typeof V1GroupsSearchRequestSchema>;

export const V1PublicGroupSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  roleAssignments: z
    .array(z.object({ principalId: z.string().optional(), resourceId: z.string().optional(), roleId: z.string().optional() }))
    .optional(),
});
export type V1PublicGroup = z.infer<typeof V1PublicGroupSchema>;

export const V1GroupsSearchPageSchema = z.object({ data: z.array(V1PublicGroupSchema), links: LinkPageCursorSchema.optional() });
