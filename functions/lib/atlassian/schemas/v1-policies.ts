import * as z from 'zod';
import { LinkPageModelSchema } from './common.js';

/** /v1/orgs/{orgId}/policies… (PolicyModel, Resource, PolicyCreateInput, PolicyUpdateInput). */
const ResourceLinksSchema = z.object({ ticket: z.string().optional() });
const ResourceMetaSchema = z.object({
  scheduledDate: z.string().optional(),
  migrationStartDateTime: z.string().optional(),
  migrationEndDataTime: z.string().optional(),
  atlassianAccountId: z.string().optional(),
});

/** AllowIfContainedRule (ip-allowlist, data-residency): e.g. `{ in: ['10.0.0.0/8'] }`. */
export const AllowIfContainedRuleSchema = z.object({ in: z.array(z.string()) });

export const PolicyResourceSchema = z.object({
  id: z.string(),
  applicationStatus: z.string(),
  links: ResourceLinksSchema.optional(),
  meta: ResourceMetaSchema.optional(),
});

export const PolicyModelSchema = z.object({
  id: z.string(),
  type: z.literal('policy'),
  attributes: z.object({
    type: z.string(),
    name: z.string().optional(),
    status: z.enum(['enabled', 'disabled']).optional(),
    // Responses may carry rule shapes newer than the spec: read them loosely.
    rule: z.record(z.string(), z.unknown()).optional(),
    resources: z.array(PolicyResourceSchema).optional(),
  }),
});
export type PolicyModel = z.infer<typeof PolicyModelSchema>;

export const PolicySchema = z.object({ data: PolicyModelSchema });
export const PolicyPageSchema = z.object({
  data: z.array(PolicyModelSchema).default([]),
  links: LinkPageModelSchema.optional(),
  meta: z.object({ next: z.string().nullish(), page_size: z.number().int().optional() }).optional(),
});

export const ResourceInputSchema = z.object({
  id: z.string().min(1),
  links: ResourceLinksSchema.optional(),
  meta: ResourceMetaSchema.optional(),
});
export type ResourceInput = z.infer<typeof ResourceInputSchema>;

export const ResourceUpdateInputSchema = z.object({ links: ResourceLinksSchema.optional(), meta: ResourceMetaSchema.optional() });
export type ResourceUpdateInput = z.infer<typeof ResourceUpdateInputSchema>;

const PolicyAttributesInputSchema = z.object({
  type: z.enum(['ip-allowlist', 'data-residency']),
  name: z.string().optional(),
  status: z.enum(['enabled', 'disabled']).optional(),
  rule: AllowIfContainedRuleSchema.optional(),
  resources: z.array(ResourceInputSchema).optional(),
});

export const PolicyCreateInputSchema = z.object({
  data: z.object({ type: z.literal('policy'), attributes: PolicyAttributesInputSchema }),
});
export type PolicyCreateInput = z.infer<typeof PolicyCreateInputSchema>;

export const PolicyUpdateInputSchema = z.object({
  data: z.object({ id: z.string().optional(), type: z.literal('policy'), attributes: PolicyAttributesInputSchema }),
});
export type PolicyUpdateInput = z.infer<typeof PolicyUpdateInputSchema>;
