import * as z from 'zod';
import { emailAddressSchema } from '../../email-address.js';
import { CursorNextPageSchema, PlatformAndProductRoleSchema, ProductRoleSchema } from './common.js';

/** POST /v1/orgs/{orgId}/directory/groups. */
export const V1CreateGroupRequestSchema = z.object({ name: z.string().min(1) });
export const V1CreateGroupResponseSchema = z.object({ groupId: z.string(), message: z.string().optional() });

/** POST …/directory/groups/{groupId}/memberships: snake_case `account_id`. */
export const V1AddMembershipRequestSchema = z.object({ account_id: z.string().min(1) });

/** POST …/directory/groups/{groupId}/roles/assign|revoke (GroupRoleAssignmentInput). */
export const RoleAssociationSchema = z.object({ resource: z.string().min(1), role: ProductRoleSchema });
export type RoleAssociation = z.infer<typeof RoleAssociationSchema>;
export const GroupRoleAssignmentInputSchema = z.object({ roleAssociations: z.array(RoleAssociationSchema).min(1) });
export type GroupRoleAssignmentInput = z.infer<typeof GroupRoleAssignmentInputSchema>;
export const GroupRoleChangeResponseSchema = z.object({ message: z.string() });

/** POST /v1/orgs/{orgId}/users/{userId}/roles/assign|revoke (RoleApiRequest). */
export const RoleApiRequestSchema = z.object({ role: PlatformAndProductRoleSchema, resource: z.string().optional() });
export type RoleApiRequest = z.infer<typeof RoleApiRequestSchema>;

/** POST /v1/orgs/{orgId}/users/{userId}/role-assignments/assign|revoke (org-level roles). */
export const OrganizationLevelRoleRequestSchema = z.object({ role: z.literal('atlassian/org-admin') });
export type OrganizationLevelRoleRequest = z.infer<typeof OrganizationLevelRoleRequestSchema>;

/** POST /v1/orgs/{orgId}/users/invite (InviteApiRequest): one email, one optional role. */
export const V1InviteRequestSchema = z.object({
  email: emailAddressSchema({ invalid: 'expected an email address' }),
  notificationText: z.string().optional(),
  permissionRule: RoleAssociationSchema.optional(),
  sendNotification: z.boolean().optional(),
});
export type V1InviteRequest = z.infer<typeof V1InviteRequestSchema>;
/** 202: the ids of the users added. */
export const V1InviteResponseSchema = z.array(z.string());

/** GET …/directory/users/{accountId}/last-active-dates: `data` is an object, snake_case. */
export const UserProductLastActiveSchema = z.object({
  id: z.string(),
  key: z.string(),
  last_active: z.string().optional(),
  last_active_timestamp: z.string().optional(),
});
export type UserProductLastActiveWire = z.infer<typeof UserProductLastActiveSchema>;

export const LastActiveDatesPageSchema = z.object({
  data: z.object({
    product_access: z.array(UserProductLastActiveSchema),
    added_to_org: z.string().nullish(),
    added_to_org_timestamp: z.string().nullish(),
  }),
  links: CursorNextPageSchema.optional(),
});
export type LastActiveDatesPage = z.infer<typeof LastActiveDatesPageSchema>;
