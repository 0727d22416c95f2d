import { describe, expect, it } from 'vitest';
import { CronError, nextRunAfter, parseCron, toEventBridgeCron } from '../../../functions/lib/schedule/cron-schedule.js';

describe('cron schedule (5 fields, IANA time zone)', () => {
  it('daily 06:00 UTC: later today, else tomorrow', () => {
    expect(nextRunAfter('0 6 * * *', 'UTC', new Date('2026-09-01T05:59:00Z')).toISOString()).toBe('2026-09-01T06:00:00.000Z');
    expect(nextRunAfter('0 6 * * *', 'UTC', new Date('2026-09-01T06:00:00Z')).toISOString()).toBe('2026-09-02T06:00:00.000Z');
  });

  it('06:00 in Amsterdam follows daylight saving time', () => {
    expect(nextRunAfter('0 6 * * *', 'Europe/Amsterdam', new Date('2026-07-01T00:00:00Z')).toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(nextRunAfter('0 6 * * *', 'Europe/Amsterdam', new Date('2026-12-01T00:00:00Z')).toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });

  it('a wall-clock time the zone skips (spring forward) is skipped; a repeated one runs once', () => {
    // 2026-03-29 02:30 does not exist in Amsterdam.
    expect(nextRunAfter('30 2 * * *', 'Europe/Amsterdam', new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-30T00:30:00.000Z');
    // 2026-10-25 02:30 happens twice: the first (CEST, 00:30Z) runs.
    expect(nextRunAfter('30 2 * * *', 'Europe/Amsterdam', new Date('2026-10-24T12:00:00Z')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('weekdays, steps, lists, names; day of month OR day of week when both are given', () => {
    expect(nextRunAfter('0 6 * * MON-FRI', 'UTC', new Date('2026-09-05T07:00:00Z')).toISOString()).toBe('2026-09-07T06:00:00.000Z'); // Sat -> Mon
    expect(nextRunAfter('*/15 * * * *', 'UTC', new Date('2026-09-01T10:07:00Z')).toISOString()).toBe('2026-09-01T10:15:00.000Z');
    expect(nextRunAfter('0 0 1 JAN,JUL *', 'UTC', new Date('2026-02-01T00:00:00Z')).toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(nextRunAfter('0 0 13 * 5', 'UTC', new Date('2026-09-01T00:00:00Z')).toISOString()).toBe('2026-09-04T00:00:00.000Z'); // a Friday before the 13th
    expect(nextRunAfter('0 0 29 2 *', 'UTC', new Date('2026-03-01T00:00:00Z')).toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it('wrong expressions and zones say what is wrong', () => {
    expect(() => parseCron('0 6 * *')).toThrow(/has 4 field\(s\); expected 5/);
    expect(() => parseCron('0 24 * * *')).toThrow(/hour field has "24": expected 0-23/);
    expect(() => parseCron('0 6 * FOO *')).toThrow(CronError);
    expect(() => nextRunAfter('0 6 * * *', 'Mars/Olympus', new Date())).toThrow(/unknown time zone "Mars\/Olympus"/);
    expect(() => nextRunAfter('0 0 31 2 *', 'UTC', new Date())).toThrow(/never matches/);
  });

  it('becomes an EventBridge Scheduler cron expression', () => {
    expect(toEventBridgeCron('0 6 * * *')).toBe('cron(0 6 * * ? *)');
    expect(toEventBridgeCron('30 5 * * 1-5')).toBe('cron(30 5 ? * 2-6 *)');
    expect(toEventBridgeCron('0 6 1 * *')).toBe('cron(0 6 1 * ? *)');
    expect(() => toEventBridgeCron('0 6 1 * 1')).toThrow(/supports one of them/);
  });
});
