import * as z from 'zod';
import { LinkPageModelSchema, LinkSelfSchema } from './common.js';

/** GET /v1/orgs/{orgId}/events, /events/{eventId}, /event-actions (EventModel, EventPage, EventActions). */
const EventObjectSchema = z.object({
  id: z.string(),
  type: z.string().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  links: z.object({ self: z.string().optional(), alt: z.string().optional() }).optional(),
});

export const EventModelSchema = z.object({
  id: z.string(),
  type: z.literal('events'),
  attributes: z.object({
    time: z.string(),
    action: z.string(),
    actor: z.object({
      id: z.string(),
      name: z.string().optional(),
      email: z.string().optional(),
      auth: z.object({ authType: z.string(), tokenId: z.string().optional(), tokenLabel: z.string().optional() }).optional(),
    }),
    context: z.array(EventObjectSchema),
    container: z.array(EventObjectSchema).optional(),
    location: z
      .object({ ip: z.string().optional(), city: z.string().optional(), regionName: z.string().optional(), countryName: z.string().optional() })
      .optional(),
  }),
  message: z.object({ content: z.string().optional(), format: z.string().optional() }).optional(),
  links: LinkSelfSchema,
});
export type EventModel = z.infer<typeof EventModelSchema>;

export const EventPageSchema = z.object({
  data: z.array(EventModelSchema).default([]),
  links: LinkPageModelSchema.optional(),
  meta: z.object({ next: z.string().nullish(), page_size: z.number().int().optional() }).optional(),
});
export const EventSchema = z.object({ data: EventModelSchema });

export const EventActionModelSchema = z.object({
  id: z.string(),
  type: z.string(),
  attributes: z.object({ displayName: z.string(), groupDisplayName: z.string() }),
});
export type EventActionModel = z.infer<typeof EventActionModelSchema>;
export const EventActionsSchema = z.object({ data: z.array(EventActionModelSchema).default([]) });

/** Filters of GET /v1/orgs/{orgId}/events, all optional. */
export interface EventFilters {
  /** Free-text query. */
  q?: string;
  /** Start of the window: epoch millis or ISO-8601, as Atlassian accepts. */
  from?: string;
  to?: string;
  /** Event action key, e.g. `user_suspended_from_org`. */
  action?: string;
  actor?: string[];
  ip?: string[];
  product?: Array<'bitbucket' | 'confluence' | 'guard_detect' | 'jira' | 'loom'>;
  /** JSON-encoded list of `{ city, countryName }`. */
  location?: string;
  /** Page size 1..500. @default 30 (server) */
  limit?: number;
}
