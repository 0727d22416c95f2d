import * as z from 'zod';
import { emailAddressSchema } from '../../email-address.js';

/** POST /v2/orgs/{orgId}/users/invite (MultidirectoryInviteApiRequest): up to 25 emails. */
export const V2InviteRequestSchema = z.object({
  emails: z.array(emailAddressSchema({ invalid: 'expected an email address' })).min(1).max(25),
  additionalGroups: z.array(z.string()).optional(),
  permissionRules: z.array(z.object({ resource: z.string().min(1), role: z.string().min(1) })).optional(),
  notificationText: z.string().optional(),
  sendNotification: z.boolean().optional(),
});
export type V2InviteRequest = z.infer<typeof V2InviteRequestSchema>;

const AttemptStatusSchema = z.enum(['INVITED', 'ERROR']);

/** 200 (all invited) or 206 (at least one failed): one entry per email. */
export const V2InviteResponseSchema = z.object({
  data: z
    .array(
      z.object({
        email: z.string().optional(),
        id: z.string().optional(),
        results: z
          .array(
            z.object({
              groupAssignmentResult: z
                .array(z.object({ group: z.string().optional(), status: AttemptStatusSchema.optional(), statusReason: z.string().nullish() }))
                .optional(),
              roleAssignmentResult: z
                .array(
                  z.object({
                    resource: z.string().optional(),
                    role: z.string().optional(),
                    status: AttemptStatusSchema.optional(),
                    statusReason: z.string().nullish(),
                  }),
                )
                .optional(),
            }),
          )
          .optional(),
      }),
    )
    .default([]),
});
export type V2InviteResponse = z.infer<typeof V2InviteResponseSchema>;
