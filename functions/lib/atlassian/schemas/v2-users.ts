import * as z from 'zod';
import { AccountStatusSchema, LinkPageCursorSchema, MembershipStatusSchema } from './common.js';

/** GET /v2/orgs/{orgId}/directories (MultiDirectoryUserDirectoryPage). */
export const DirectorySchema = z.object({ directoryId: z.string(), name: z.string().optional(), icon: z.string().optional() });
export type DirectoryModel = z.infer<typeof DirectorySchema>;
export const DirectoryPageSchema = z.object({ data: z.array(DirectorySchema).default([]), links: LinkPageCursorSchema.optional() });

const ProductAccessSchema = z.object({ id: z.string().optional(), key: z.string().optional(), lastActiveTimestamp: z.string().optional() });

/** Fields shared by MultiDirectoryUser (search) and MultiDirectoryUserDetailsData (details). camelCase. */
const userFields = {
  accountId: z.string(),
  accountStatus: AccountStatusSchema.optional(),
  accountType: z.string().optional(),
  addedToOrg: z.string().optional(),
  avatar: z.string().optional(),
  claimStatus: z.enum(['managed', 'unmanaged']).optional(),
  counts: z.object({ resources: z.number().int().optional() }).optional(),
  department: z.string().optional(),
  email: z.string().optional(),
  emailVerified: z.boolean().optional(),
  jobTitle: z.string().optional(),
  location: z.string().optional(),
  managementSource: z.enum(['invited', 'synced']).nullish(),
  membershipStatus: MembershipStatusSchema.optional(),
  mfaEnabled: z.boolean().optional(),
  name: z.string().optional(),
  nickname: z.string().optional(),
  organization: z.string().optional(),
  picture: z.string().optional(),
  // Open string: Atlassian adds platform roles over time.
  platformRoles: z.array(z.string()).optional(),
  status: z.string().optional(),
  timeZone: z.string().optional(),
};

export const V2UserSchema = z.object({
  ...userFields,
  groups: z.array(z.object({ id: z.string(), name: z.string().nullish() })).optional(),
  productAccess: z.array(ProductAccessSchema).optional(),
  links: z.object({ self: z.string().optional() }).optional(),
});
export type V2User = z.infer<typeof V2UserSchema>;

export const V2UserDetailsSchema = z.object({ data: z.object({ ...userFields, deactivatedOn: z.string().optional() }) });
export type V2UserDetails = z.infer<typeof V2UserDetailsSchema>['data'];

export const V2UserSearchPageSchema = z.object({ data: z.array(V2UserSchema), links: LinkPageCursorSchema.optional() });

const ids = (max: number) => z.array(z.string()).min(1).max(max);

/** MultiDirectoryUserSearchRequest (newest spec). `searchTerm` and `emails` are mutually exclusive. */
export const V2UserSearchRequestSchema = z
  .object({
    accountIds: ids(10).optional(),
    accountStatus: z.array(AccountStatusSchema).min(1).max(3).optional(),
    claimStatus: z.enum(['managed', 'unmanaged']).optional(),
    cursor: z.string().optional(),
    directoryIds: ids(10).optional(),
    emailDomains: ids(10).optional(),
    emails: ids(100).optional(),
    expand: z.array(z.enum(['platformRoles', 'counts.resources', 'productAccess', 'groups'])).optional(),
    groupIds: ids(10).optional(),
    limit: z.number().int().min(1).max(100).optional(),
    membershipStatus: z.array(MembershipStatusSchema).min(1).max(3).optional(),
    mfaEnabled: z.boolean().optional(),
    resourceIds: ids(20).optional(),
    roleIds: ids(10).optional(),
    searchTerm: z.string().optional(),
    sortBy: z.array(z.object({ field: z.literal('nick_name'), direction: z.enum(['asc', 'desc']) })).length(1).optional(),
    status: z.array(z.enum(['active', 'suspended', 'not_invited', 'deactivated', 'for_deletion'])).min(1).max(4).optional(),
  })
  .refine((request) => !(request.searchTerm !== undefined && request.emails !== undefined), {
    message: 'searchTerm and emails are mutually exclusive: send one or the other',
  });
export type V2UserSearchRequest = z.infer<typeof V2UserSearchRequestSchema>;

/** GET …/users/{accountId}/role-assignments (MultiDirectoryUserRoleAssignmentPage, newest spec). */
export const V2UserRoleAssignmentSchema = z.object({
  resourceId: z.string().optional(),
  resourceOwner: z.string().optional(),
  directoryId: z.string().nullish(),
  roleAssignments: z
    .array(z.object({ role: z.string().optional(), roleAssignmentMethods: z.array(z.string()).optional() }))
    .optional(),
  /** Deprecated in the newest spec; read as a fallback. */
  roles: z.array(z.string()).optional(),
  userDirectoryStatus: MembershipStatusSchema.nullish(),
});
export type V2UserRoleAssignment = z.infer<typeof V2UserRoleAssignmentSchema>;
export const V2UserRoleAssignmentPageSchema = z.object({
  data: z.array(V2UserRoleAssignmentSchema).default([]),
  links: LinkPageCursorSchema.optional(),
});
