import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../../local/simulator/model/audit-log.js';
import { ModelError } from '../../../../local/simulator/model/model-error.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const MINUTE = 60_000;

/** A log on a hand-driven clock, with `count` events one minute apart (oldest first). */
function logWith(count: number) {
  let now = T0;
  const log = new AuditLog({ now: () => new Date(now), newId: (() => { let n = 0; return () => `ev-${n++}`; })() });
  for (let i = 0; i < count; i++) {
    log.record({ action: i % 2 ? 'group_created' : 'user_suspended_from_org', actorId: i % 3 ? 'alice' : 'bob', objects: [{ type: 'user', id: `u${i}`, name: `User ${i}` }] });
    now += MINUTE;
  }
  return { log, advance: (ms: number) => { now += ms; } };
}

describe('AuditLog.query', () => {
  it('returns events newest first, one page at a time, until the cursor runs out', () => {
    // Prepare
    const { log } = logWith(25);
    // Act
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = log.query({ limit: 10, ...(cursor ? { cursor } : {}) });
      pages.push(page.events.map((event) => event.id));
      cursor = page.nextCursor;
    } while (cursor);
    // Assess
    expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(Array.from({ length: 25 }, (_, i) => `ev-${24 - i}`));
  });

  it('keeps a page stable when new events arrive between pages', () => {
    const { log } = logWith(6);
    const first = log.query({ limit: 3 });
    log.record({ action: 'group_deleted', actorId: 'alice', objects: [] });
    const second = log.query({ limit: 3, cursor: first.nextCursor });
    expect(second.events.map((event) => event.id)).toEqual(['ev-2', 'ev-1', 'ev-0']);
  });

  it('applies every filter: action, actor, ip, product, location, q, from/to', () => {
    // Prepare
    const { log } = logWith(10);
    log.record({ action: 'user_invited', actorId: 'carol', objects: [{ type: 'user', id: 'n1', name: 'Newbie Person' }], ip: '198.51.100.7', product: 'jira-software', message: 'hello@x.example' });
    // Act + Assess
    expect(log.query({ limit: 50, action: 'group_created' }).events).toHaveLength(5);
    expect(log.query({ limit: 50, actors: ['bob'] }).events.map((e) => e.objects[0].id)).toEqual(['u9', 'u6', 'u3', 'u0']);
    expect(log.query({ limit: 50, ips: ['198.51.100.7'] }).events.map((e) => e.actor.id)).toEqual(['carol']);
    expect(log.query({ limit: 50, products: ['jira'] }).events).toHaveLength(1);
    expect(log.query({ limit: 50, products: ['confluence'] }).events).toHaveLength(0);
    expect(log.query({ limit: 50, locations: [{ city: 'austin', countryName: 'United States' }] }).events).toHaveLength(1);
    expect(log.query({ limit: 50, locations: [{ city: 'Sydney' }] }).events).toHaveLength(10);
    expect(log.query({ limit: 50, q: 'NEWBIE' }).events).toHaveLength(1);
    expect(log.query({ limit: 50, q: 'hello@x' }).events).toHaveLength(1);
    const range = log.query({ limit: 50, from: T0 + 2 * MINUTE, to: T0 + 4 * MINUTE });
    expect(range.events.map((e) => e.id)).toEqual(['ev-4', 'ev-3', 'ev-2']);
  });

  it('pages through a filtered view without returning other events', () => {
    const { log } = logWith(40);
    const first = log.query({ limit: 7, action: 'group_created' });
    const second = log.query({ limit: 7, action: 'group_created', cursor: first.nextCursor });
    const third = log.query({ limit: 7, action: 'group_created', cursor: second.nextCursor });
    expect([first, second, third].map((page) => page.events.length)).toEqual([7, 7, 6]);
    expect(third.nextCursor).toBeUndefined();
    expect([first, second, third].flatMap((page) => page.events).every((e) => e.action === 'group_created')).toBe(true);
  });

  it('orders back-dated events by their time, not by arrival', () => {
    const { log } = logWith(3);
    log.record({ action: 'user_logged_in', actorId: 'alice', objects: [], at: new Date(T0 + 30_000) });
    expect(log.query({ limit: 10 }).events.map((e) => e.id)).toEqual(['ev-2', 'ev-1', 'ev-3', 'ev-0']);
  });

  it('answers a cursor it did not issue with an invalidCursor error (400 ADMIN-400-1 on the wire)', () => {
    const { log } = logWith(3);
    const act = () => log.query({ limit: 10, cursor: 'not-a-cursor' });
    expect(act).toThrow(ModelError);
    expect(act).toThrow(expect.objectContaining({ kind: 'invalidCursor', message: expect.stringMatching(/without a cursor/) }));
  });
});

describe('AuditLog.poll (events stream)', () => {
  it('walks ascending and hands back a cursor that later yields only newer events', () => {
    // Prepare
    const { log } = logWith(5);
    // Act
    const first = log.poll({ limit: 3 });
    const second = log.poll({ limit: 3, cursor: first.nextCursor });
    const empty = log.poll({ limit: 3, cursor: second.nextCursor });
    log.record({ action: 'group_deleted', actorId: 'alice', objects: [] });
    const fresh = log.poll({ limit: 3, cursor: second.nextCursor });
    // Assess
    expect(first.events.map((e) => e.id)).toEqual(['ev-0', 'ev-1', 'ev-2']);
    expect(second.events.map((e) => e.id)).toEqual(['ev-3', 'ev-4']);
    expect(empty.events).toEqual([]);
    expect(empty.nextCursor).toBeDefined();
    expect(fresh.events.map((e) => e.id)).toEqual(['ev-5']);
  });

  it('walks descending when asked and stops at the oldest', () => {
    const { log } = logWith(4);
    const first = log.poll({ limit: 3, sortOrder: 'desc' });
    const second = log.poll({ limit: 3, sortOrder: 'desc', cursor: first.nextCursor });
    expect(first.events.map((e) => e.id)).toEqual(['ev-3', 'ev-2', 'ev-1']);
    expect(second.events.map((e) => e.id)).toEqual(['ev-0']);
    expect(second.nextCursor).toBeUndefined();
  });
});

describe('AuditLog lookups', () => {
  it('finds events by id, lists catalogued and recorded actions, and forgets everything on clear', () => {
    const { log } = logWith(2);
    log.record({ action: 'custom_thing_happened', actorId: 'alice', objects: [] });
    expect(log.get('ev-1')?.action).toBe('group_created');
    expect(log.get('nope')).toBeUndefined();
    const actions = log.actions();
    expect(actions.find((a) => a.id === 'custom_thing_happened')?.displayName).toBe('Custom thing happened');
    expect(actions.find((a) => a.id === 'user_suspended_from_org')?.groupDisplayName).toBe('User management');
    log.clear();
    expect(log.size).toBe(0);
    expect(log.query({ limit: 5 }).events).toEqual([]);
  });

  it('names the actor through the resolver', () => {
    const log = new AuditLog({ resolveActor: (id) => (id === 'a1' ? { name: 'Ada', email: 'ada@x.example' } : undefined) });
    const event = log.record({ action: 'group_created', actorId: 'a1', objects: [] });
    expect(event.actor).toEqual({ id: 'a1', name: 'Ada', email: 'ada@x.example' });
    expect(log.query({ limit: 5, q: 'ada@x' }).events).toHaveLength(1);
  });
});
