import * as z from 'zod';

/**
 * Zod views of what the directory actions hand to the workflow-logic actions through the state
 * (findUser's and getUserAccess's outputs). Loose objects: a field the directory adds later
 * must not break a running workflow.
 */

export const DirectoryUserShape = z.looseObject({
  accountId: z.string().min(1),
  email: z.string(),
  name: z.string().optional(),
  membershipStatus: z.enum(['active', 'suspended', 'no_membership']).optional(),
  managementSource: z.enum(['invited', 'synced']).nullable().optional(),
  department: z.string().optional(),
  jobTitle: z.string().optional(),
  location: z.string().optional(),
  platformRoles: z.array(z.string()).default([]),
});
export type DirectoryUserView = z.output<typeof DirectoryUserShape>;

/** findUser's output. */
export const LookupShape = z.union([
  z.looseObject({ found: z.literal(true), user: DirectoryUserShape }),
  z.looseObject({ found: z.literal(false) }),
]);
export type LookupView = z.output<typeof LookupShape>;

export const RoleShape = z.looseObject({ resourceId: z.string().min(1), role: z.string().min(1) });

/** getUserAccess's output. */
export const UserAccessShape = z.looseObject({
  accountId: z.string().optional(),
  groups: z.array(z.looseObject({ id: z.string().optional(), name: z.string(), synced: z.boolean().default(false) })),
  roles: z.array(RoleShape),
});
export type UserAccessView = z.output<typeof UserAccessShape>;
