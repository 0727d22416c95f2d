import type { z } from 'zod';
import type { AtlassianHttpClient } from '../http/http-client.js';
import { apiPath } from '../http/request-path.js';
import { cursorFromNextUrl, iterateItems } from '../pagination.js';
import {
  EventActionsSchema,
  EventPageSchema,
  EventSchema,
  type EventActionModel,
  type EventFilters,
  type EventModel,
} from '../schemas/v1-events.js';

export type EventPage = z.infer<typeof EventPageSchema>;

/**
 * v1 audit log (seed: Events). Atlassian allows about 10 requests/min per user and per path here:
 * give the client a pacer when reading many pages.
 */
export class V1EventsApi {
  constructor(
    private readonly http: AtlassianHttpClient,
    private readonly orgId: string,
  ) {}

  /** GET /v1/orgs/{orgId}/events with every documented filter; one page. */
  async listEvents(filters: EventFilters = {}, cursor?: string): Promise<EventPage> {
    const path = apiPath`/v1/orgs/${this.orgId}/events`;
    const query = { ...filters, cursor };
    return (await this.http.request({ operation: 'v1.listEvents', method: 'GET', path, query, schema: EventPageSchema })).data;
  }

  /** Every event matching the filters, following `links.next` URLs. */
  iterateEvents(filters: EventFilters = {}): AsyncGenerator<EventModel> {
    return iterateItems({
      operation: 'v1.listEvents',
      fetchPage: (cursor) => this.listEvents(filters, cursor),
      items: (page) => page.data,
      nextCursor: (page) => cursorFromNextUrl('v1.listEvents', page.links?.next),
    });
  }

  /** GET /v1/orgs/{orgId}/events/{eventId}. */
  async getEvent(eventId: string): Promise<EventModel> {
    const path = apiPath`/v1/orgs/${this.orgId}/events/${eventId}`;
    return (await this.http.request({ operation: 'v1.getEvent', method: 'GET', path, schema: EventSchema })).data.data;
  }

  /** GET /v1/orgs/{orgId}/event-actions: every action key the audit log can contain. */
  async listEventActions(): Promise<EventActionModel[]> {
    const path = apiPath`/v1/orgs/${this.orgId}/event-actions`;
    return (await this.http.request({ operation: 'v1.listEventActions', method: 'GET', path, schema: EventActionsSchema })).data.data;
  }
}
