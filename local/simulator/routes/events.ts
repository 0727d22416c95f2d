import { auditLogOf } from '../model/audit.js';
import type { EventPageResult } from '../model/audit-log.js';
import type { Route, SimRequest } from '../http/route.js';
import { applicationError } from '../http/wire-error.js';
import type { SimulatorState } from '../model/simulator-state.js';
import { eventActionView, eventView } from './event-views.js';
import { parseEventQuery, parsePollQuery } from './event-query.js';
import { json } from './respond.js';

/**
 * Audit log endpoints. All draw from the `events` rate-limit class (10/min per API key and path).
 * Pages carry the cursor twice, as the spec shows: `meta.next` (the token) and `links.next`
 * (a full URL with every filter kept).
 */
function pageBody(req: SimRequest, state: SimulatorState, page: EventPageResult, withProcessedAt: boolean) {
  const self = `${req.baseUrl}${req.path}`;
  const selfQuery = req.query.toString();
  const nextQuery = new URLSearchParams(req.query);
  if (page.nextCursor) nextQuery.set('cursor', page.nextCursor);
  return {
    data: page.events.map((event) => eventView(event, state.orgId, req.baseUrl, withProcessedAt)),
    links: {
      self: selfQuery ? `${self}?${selfQuery}` : self,
      ...(page.nextCursor ? { next: `${self}?${nextQuery.toString()}` } : {}),
    },
    meta: { page_size: page.events.length, ...(page.nextCursor ? { next: page.nextCursor } : {}) },
  };
}

export const eventRoutes: Route<SimulatorState>[] = [
  {
    method: 'GET',
    pattern: '/v1/orgs/:orgId/events',
    openApiPath: '/v1/orgs/{orgId}/events',
    rateLimit: 'events',
    handle(req, state) {
      return json(200, pageBody(req, state, auditLogOf(state).query(parseEventQuery(req.query)), false));
    },
  },
  {
    method: 'GET',
    pattern: '/v1/orgs/:orgId/events-stream',
    openApiPath: '/v1/orgs/{orgId}/events-stream',
    rateLimit: 'events',
    handle(req, state) {
      return json(200, pageBody(req, state, auditLogOf(state).poll(parsePollQuery(req.query)), true));
    },
  },
  {
    method: 'GET',
    pattern: '/v1/orgs/:orgId/events/:eventId',
    openApiPath: '/v1/orgs/{orgId}/events/{eventId}',
    rateLimit: 'events',
    handle(req, state) {
      const event = auditLogOf(state).get(req.params.eventId);
      if (!event) {
        throw applicationError(404, 'ADMIN-404-4', 'Event not found', `No event with id ${req.params.eventId}; find ids with GET /v1/orgs/{orgId}/events.`);
      }
      return json(200, { data: eventView(event, state.orgId, req.baseUrl) });
    },
  },
  {
    method: 'GET',
    pattern: '/v1/orgs/:orgId/event-actions',
    openApiPath: '/v1/orgs/{orgId}/event-actions',
    rateLimit: 'events',
    handle(_req, state) {
      return json(200, { data: auditLogOf(state).actions().map(eventActionView) });
    },
  },
];
