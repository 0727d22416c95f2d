import type { AuditInput, AuditSink } from './audit-input.js';
import { decodeEventCursor, encodeEventCursor, type EventPosition } from './event-cursor.js';
import { listEventActions, type EventActionInfo } from './event-action-catalog.js';
import { DEFAULT_EVENT_IP, locateIp, type IpLocation } from './ip-location.js';

/** One recorded audit event (the simulator's own form; `routes/events.ts` renders the wire shape). */
export interface AuditEvent {
  id: string;
  /** Insertion order, unique: the tie-breaker for equal times and the order of the events stream. */
  seq: number;
  /** When it happened, epoch ms. */
  time: number;
  /** When the log accepted it, epoch ms (the events stream's `processedAt`). */
  processedAt: number;
  action: string;
  actor: { id: string; name?: string; email?: string };
  objects: AuditInput['objects'];
  product: string;
  location: IpLocation;
  message?: string;
  /** Lower-cased text the `q` filter searches. */
  searchText: string;
}

/** Filters of `GET /v1/orgs/{orgId}/events`, already parsed. Lists match any of their values. */
export interface EventQuery {
  q?: string;
  /** Inclusive bounds, epoch ms. */
  from?: number;
  to?: number;
  action?: string;
  actors?: string[];
  ips?: string[];
  /** Product families (`jira` also matches `jira-software`). */
  products?: string[];
  locations?: Array<{ city?: string; countryName?: string }>;
  limit: number;
  cursor?: string;
}

/** Parameters of `GET /v1/orgs/{orgId}/events-stream`. */
export interface EventPollQuery {
  from?: number;
  to?: number;
  limit: number;
  cursor?: string;
  sortOrder?: 'asc' | 'desc';
}

export interface EventPageResult {
  events: AuditEvent[];
  /** Present when there may be more (always, for an ascending stream: it is the polling cursor). */
  nextCursor?: string;
}

export interface AuditLogOptions {
  /** The simulator clock. Default: wall clock. */
  now?: () => Date;
  /** Looks up the actor's display name and email when an event is recorded. */
  resolveActor?: (accountId: string) => { name?: string; email?: string } | undefined;
  /** Event id factory. Default: random UUID. */
  newId?: () => string;
}

/**
 * The org audit log. Append-only: events are kept twice, by insertion (the stream) and sorted by
 * (time, seq) (the query API), so pages are binary searches plus a short scan, even for large logs.
 */
export class AuditLog implements AuditSink {
  private readonly byInsertion: AuditEvent[] = [];
  private readonly byTime: AuditEvent[] = [];
  private readonly byId = new Map<string, AuditEvent>();
  /** Distinct actions seen, kept on record so `event-actions` does not scan the log. */
  private readonly seenActions = new Set<string>();
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly options: AuditLogOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  /** Number of events recorded. */
  get size(): number {
    return this.byInsertion.length;
  }

  /** Appends one event (called by every mutating model operation). */
  record(input: AuditInput): AuditEvent {
    const processedAt = this.now().getTime();
    const time = input.at ? input.at.getTime() : processedAt;
    const actor = { id: input.actorId, ...this.options.resolveActor?.(input.actorId) };
    const location = locateIp(input.ip ?? DEFAULT_EVENT_IP);
    const product = input.product ?? 'admin';
    const searchText = [
      input.action, actor.id, actor.name, actor.email, product, location.ip, location.city, location.countryName,
      input.message, ...input.objects.flatMap((object) => [object.id, object.name]),
    ].filter(Boolean).join(' ').toLowerCase();
    const event: AuditEvent = {
      id: this.newId(), seq: this.byInsertion.length, time, processedAt, action: input.action, actor,
      objects: input.objects.map((object) => ({ ...object })), product, location, searchText,
      ...(input.message ? { message: input.message } : {}),
    };
    this.byInsertion.push(event);
    // Events almost always arrive in time order: append; back-dated ones are inserted in place.
    const last = this.byTime[this.byTime.length - 1];
    if (!last || last.time <= time) this.byTime.push(event);
    else this.byTime.splice(this.upperBound({ time, seq: event.seq }), 0, event);
    this.byId.set(event.id, event);
    this.seenActions.add(event.action);
    return event;
  }

  /** The event with this id, if any. */
  get(id: string): AuditEvent | undefined {
    return this.byId.get(id);
  }

  /** One page of events matching every filter, newest first. An undecodable cursor throws ADMIN-400-1. */
  query(query: EventQuery): EventPageResult {
    const matches = compileFilter(query);
    const afterCursor = query.cursor ? this.lowerBound(decodeEventCursor(query.cursor)) - 1 : this.byTime.length - 1;
    const ceiling = query.to === undefined ? this.byTime.length - 1 : this.upperBound({ time: query.to, seq: Number.MAX_SAFE_INTEGER }) - 1;
    const start = Math.min(afterCursor, ceiling);
    const floor = query.from === undefined ? 0 : this.lowerBound({ time: query.from, seq: -1 });
    const events: AuditEvent[] = [];
    for (let index = start; index >= floor; index--) {
      const event = this.byTime[index];
      if (!matches(event)) continue;
      if (events.length === query.limit) return { events, nextCursor: encodeEventCursor(events[events.length - 1]) };
      events.push(event);
    }
    return { events };
  }

  /**
   * One page of the events stream, in processing order (ascending by default). An ascending page
   * always returns a cursor: on the last page it is where to poll from for newer events.
   */
  poll(query: EventPollQuery): EventPageResult {
    const inRange = (event: AuditEvent) =>
      (query.from === undefined || event.time >= query.from) && (query.to === undefined || event.time <= query.to);
    const after = query.cursor ? decodeEventCursor(query.cursor).seq : undefined;
    const events: AuditEvent[] = [];
    if (query.sortOrder === 'desc') {
      for (let seq = (after ?? this.byInsertion.length) - 1; seq >= 0; seq--) {
        const event = this.byInsertion[seq];
        if (!inRange(event)) continue;
        if (events.length === query.limit) return { events, nextCursor: encodeEventCursor(events[events.length - 1]) };
        events.push(event);
      }
      return { events };
    }
    let seq = after === undefined ? 0 : after + 1;
    for (; seq < this.byInsertion.length && events.length < query.limit; seq++) {
      if (inRange(this.byInsertion[seq])) events.push(this.byInsertion[seq]);
    }
    return { events, nextCursor: encodeEventCursor({ time: 0, seq: seq - 1 }) };
  }

  /** The localized event actions: the catalogue plus every action recorded so far. */
  actions(): EventActionInfo[] {
    return listEventActions(this.seenActions);
  }

  /** Forgets every event (control-plane reset). */
  clear(): void {
    this.byInsertion.length = 0;
    this.byTime.length = 0;
    this.byId.clear();
    this.seenActions.clear();
  }

  /** First index whose (time, seq) is >= position. */
  private lowerBound(position: EventPosition): number {
    let low = 0;
    let high = this.byTime.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(this.byTime[mid], position) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** First index whose (time, seq) is > position. */
  private upperBound(position: EventPosition): number {
    let low = 0;
    let high = this.byTime.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(this.byTime[mid], position) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function compare(a: EventPosition, b: EventPosition): number {
  return a.time - b.time || a.seq - b.seq;
}

/** Builds one predicate from the query's filters (checked cheapest first). */
function compileFilter(query: EventQuery): (event: AuditEvent) => boolean {
  const q = query.q?.trim().toLowerCase();
  const actors = query.actors?.length ? new Set(query.actors) : undefined;
  const ips = query.ips?.length ? new Set(query.ips) : undefined;
  const products = query.products?.length ? query.products.map((product) => product.toLowerCase()) : undefined;
  const locations = query.locations?.length
    ? query.locations.map((location) => ({ city: location.city?.toLowerCase(), country: location.countryName?.toLowerCase() }))
    : undefined;
  return (event) =>
    (query.to === undefined || event.time <= query.to) &&
    (query.from === undefined || event.time >= query.from) &&
    (query.action === undefined || event.action === query.action) &&
    (actors === undefined || actors.has(event.actor.id)) &&
    (ips === undefined || ips.has(event.location.ip)) &&
    (products === undefined || products.some((product) => event.product === product || event.product.startsWith(`${product}-`))) &&
    (locations === undefined ||
      locations.some(
        (location) =>
          (location.city === undefined || location.city === event.location.city?.toLowerCase()) &&
          (location.country === undefined || location.country === event.location.countryName?.toLowerCase()),
      )) &&
    (!q || event.searchText.includes(q));
}
