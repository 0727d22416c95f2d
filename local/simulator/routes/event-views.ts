import type { AuditEvent } from '../model/audit-log.js';
import type { EventActionInfo } from '../model/event-action-catalog.js';

/** Wire shape of one audit event (`EventModel`; the stream adds `processedAt`). */
export function eventView(event: AuditEvent, orgId: string, baseUrl: string, withProcessedAt = false) {
  const { city, countryName, regionName, ip } = event.location;
  return {
    id: event.id,
    type: 'events' as const,
    attributes: {
      time: new Date(event.time).toISOString(),
      ...(withProcessedAt ? { processedAt: new Date(event.processedAt).toISOString() } : {}),
      action: event.action,
      actor: {
        id: event.actor.id,
        ...(event.actor.name ? { name: event.actor.name } : {}),
        ...(event.actor.email ? { email: event.actor.email } : {}),
        links: { self: `${baseUrl}/v1/orgs/${orgId}/users/${event.actor.id}` },
      },
      context: event.objects.map((object) => ({
        id: object.id,
        type: object.type,
        ...(object.name ? { attributes: { name: object.name } } : {}),
      })),
      container: [{ id: orgId, type: 'ATLASSIAN_ORG', links: { alt: `https://admin.atlassian.com/o/${orgId}/overview` } }],
      location: { ip, ...(city ? { city } : {}), ...(regionName ? { regionName } : {}), ...(countryName ? { countryName } : {}) },
    },
    ...(event.message ? { message: { content: event.message, format: 'SIMPLE' } } : {}),
    links: { self: `${baseUrl}/v1/orgs/${orgId}/events/${event.id}` },
  };
}

/** Wire shape of one event action (`EventActionModel`). */
export function eventActionView(action: EventActionInfo) {
  return {
    id: action.id,
    type: 'event-actions',
    attributes: { displayName: action.displayName, groupDisplayName: action.groupDisplayName },
  };
}
