import * as z from 'zod';
import { LinkPageModelSchema, LinkSelfSchema } from './common.js';

/** GET /v1/orgs and /v1/orgs/{orgId} (OrgModel, OrgPage). */
export const OrgModelSchema = z.object({
  id: z.string(),
  type: z.literal('orgs'),
  attributes: z.object({ name: z.string().optional() }),
  relationships: z.object({
    domains: z.object({ links: z.object({ related: z.string() }) }).optional(),
    users: z.object({ links: z.object({ related: z.string() }) }).optional(),
  }),
  links: LinkSelfSchema,
});
export type OrgModel = z.infer<typeof OrgModelSchema>;

export const OrgPageSchema = z.object({ data: z.array(OrgModelSchema).default([]), links: LinkPageModelSchema.optional() });
export const OrgSchema = z.object({ data: OrgModelSchema });

/** GET /v1/orgs/{orgId}/domains and /domains/{domainId} (DomainModel, DomainPage). */
export const DomainModelSchema = z.object({
  id: z.string(),
  type: z.literal('domains'),
  attributes: z.object({
    name: z.string().optional(),
    claim: z.object({ type: z.string().optional(), status: z.string().optional() }).optional(),
  }),
  links: LinkSelfSchema,
});
export type DomainModel = z.infer<typeof DomainModelSchema>;

export const DomainPageSchema = z.object({ data: z.array(DomainModelSchema).default([]), links: LinkPageModelSchema.optional() });
export const DomainSchema = z.object({ data: DomainModelSchema });
