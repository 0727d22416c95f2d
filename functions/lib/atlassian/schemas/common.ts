import * as z from 'zod';

/**
 * Shapes shared by many Atlassian responses. Unknown extra fields are stripped (Atlassian adds
 * fields over time); fields the spec marks required stay required so a broken body fails early.
 */

/** `links` of v1 GET lists: `next` is a full URL carrying `cursor=`. */
export const LinkPageModelSchema = z.object({
  self: z.string().optional(),
  prev: z.string().optional(),
  next: z.string().optional(),
});

/** `links` of search and v2 lists: `next` is an opaque cursor token. */
export const LinkPageCursorSchema = z.object({
  self: z.string().optional(),
  prev: z.string().optional(),
  next: z.string().optional(),
});

/** `links` of last-active-dates: only `next`, a cursor. */
export const CursorNextPageSchema = z.object({ next: z.string().optional() });

export const LinkSelfSchema = z.object({ self: z.string() });

/** The `{ message }` body many v1 directory mutations answer with. */
export const MessageBodySchema = z.object({ message: z.string().optional() }).optional();

/** Roles the API accepts in role requests (RoleApiRequest.role). */
export const PlatformAndProductRoleSchema = z.enum([
  'atlassian/user',
  'atlassian/user-access-admin',
  'atlassian/admin',
  'atlassian/guest',
  'atlassian/contributor',
  'atlassian/customer',
  'atlassian/basic',
  'atlassian/stakeholder',
  'atlassian/site-admin',
  'atlassian/org-admin',
]);

/** Product roles grantable on a resource (RoleAssociation.role, invite permission rules). */
export const ProductRoleSchema = z.enum([
  'atlassian/user',
  'atlassian/admin',
  'atlassian/guest',
  'atlassian/customer',
  'atlassian/contributor',
  'atlassian/basic',
  'atlassian/stakeholder',
]);

export const AccountStatusSchema = z.enum(['active', 'inactive', 'closed']);
export const MembershipStatusSchema = z.enum(['active', 'suspended', 'no_membership']);
