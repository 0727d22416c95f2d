import * as z from 'zod';
import { emailAddressSchema } from '../email-address.js';

/**
 * Field schemas shared by the action inputs. Ids end up in URL paths, so whitespace and slashes
 * are refused up front with a message that says what a valid value looks like.
 */

const ID_PATTERN = /^[^\s/?#]+$/;

/** An Atlassian account id, e.g. `5b10ac8d82e05b22cc7d4ef5` or `557058:f0b2...`. */
export const AccountIdSchema = z
  .string({ message: 'accountId is required: the Atlassian account id of the user, e.g. 5b10ac8d82e05b22cc7d4ef5' })
  .trim()
  .min(1, { message: 'accountId is empty: pass the Atlassian account id of the user' })
  .max(128, { message: 'accountId is longer than 128 characters: pass an Atlassian account id, not a name or URL' })
  .regex(ID_PATTERN, { message: 'accountId must not contain spaces, "/", "?" or "#": pass the bare Atlassian account id' });

/** A directory group id. */
export const GroupIdSchema = z
  .string({ message: 'groupId must be a string: the id of a group in the directory' })
  .trim()
  .min(1, { message: 'groupId is empty: pass a group id, or use groupName instead' })
  .max(128, { message: 'groupId is longer than 128 characters: pass a group id, or use groupName instead' })
  .regex(ID_PATTERN, { message: 'groupId must not contain spaces, "/", "?" or "#": pass the bare group id, or use groupName' });

/** A group's display name, matched exactly (Atlassian group names are unique per directory). */
export const GroupNameSchema = z
  .string({ message: 'groupName must be a string' })
  .trim()
  .min(1, { message: 'groupName is empty: pass the exact group name' })
  .max(255, { message: 'groupName is longer than 255 characters' });

export const EmailSchema = emailAddressSchema({ invalid: 'email must be an email address such as jane.doe@example.com', field: 'email' });

/** A role on a resource: `resourceId` is an ARI such as `ari:cloud:jira::site/<id>`. */
export const RoleAssignmentFields = {
  resourceId: z
    .string({ message: 'resourceId is required: the ARI of the site or workspace, e.g. ari:cloud:jira::site/<cloudId>' })
    .trim()
    .min(1, { message: 'resourceId is empty: pass the ARI of the site or workspace' })
    .max(512, { message: 'resourceId is longer than 512 characters' }),
  role: z
    .string({ message: 'role is required, e.g. atlassian/user or atlassian/admin' })
    .trim()
    .min(1, { message: 'role is empty: pass a role such as atlassian/user' })
    .max(255, { message: 'role is longer than 255 characters' }),
};

export const RoleAssignmentSchema = z.strictObject(RoleAssignmentFields);

/** Shared fields of inputs that name a group either by id or by name (exactly one). */
export const GroupRefFields = {
  groupId: GroupIdSchema.optional(),
  groupName: GroupNameSchema.optional(),
};

/** Refinement for objects built from `GroupRefFields`: exactly one of groupId / groupName. */
export function exactlyOneGroupRef(value: { groupId?: string; groupName?: string }, ctx: z.RefinementCtx): void {
  const count = Number(value.groupId !== undefined) + Number(value.groupName !== undefined);
  if (count !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['groupId'],
      message:
        count === 0
          ? 'name the group: pass either groupId or groupName'
          : 'pass either groupId or groupName, not both (they could name different groups)',
    });
  }
}

/**
 * What the workflow's snapshot already knows about a group (name, IdP-synced or not), passed forward
 * so an action need not read it again: every read spends the org's rate limit.
 */
export const KnownGroupSchema = z.strictObject({ name: GroupNameSchema, synced: z.boolean({ message: 'known.synced must be true or false' }) });

/** A group named by id or by name, as accepted by the group actions. */
export type GroupRef = { groupId: string; groupName?: undefined } | { groupName: string; groupId?: undefined };
