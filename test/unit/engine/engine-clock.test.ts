import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_MS, systemClock } from '../../../local/engine/engine-clock.js';
import { ManualClock } from '../../../local/engine/manual-clock.js';

const DAY = 86_400_000;

afterEach(() => {
  vi.useRealTimers();
});

describe('systemClock.sleepUntil', () => {
  it('waits a deadline 40 days away in full, in timers Node can hold, with no overflow', async () => {
    // Prepare
    vi.useFakeTimers();
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    let woke = false;
    const deadline = Date.now() + 40 * DAY;

    // Act
    const sleeping = systemClock.sleepUntil(deadline).then(() => (woke = true));
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS + 1); // past one timer's cap: a shortcut would wake here
    const wokeEarly = woke;
    await vi.advanceTimersByTimeAsync(40 * DAY - (MAX_TIMER_MS + 1) - 1);
    const wokeOneMsEarly = woke;
    await vi.advanceTimersByTimeAsync(1);
    await sleeping;
    process.off('warning', onWarning);

    // Assess
    expect(wokeEarly).toBe(false);
    expect(wokeOneMsEarly).toBe(false);
    expect(woke).toBe(true);
    expect(Date.now()).toBeGreaterThanOrEqual(deadline);
    expect(warnings).not.toContain('TimeoutOverflowWarning');
  });

  it('rejects with an AbortError when the signal aborts', async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleepUntil(Date.now() + 60 * DAY, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('ManualClock', () => {
  it('wakes sleepers in deadline order only when time passes their deadline', async () => {
    // Prepare
    const clock = new ManualClock(0);
    const woke: string[] = [];
    const late = clock.sleepUntil(30 * DAY).then(() => woke.push('30d'));
    const early = clock.sleepUntil(10 * DAY).then(() => woke.push('10d'));

    // Act
    clock.advance(10 * DAY - 1);
    await Promise.resolve();
    const beforeFirst = [...woke];
    clock.advance(40 * DAY);
    await Promise.all([late, early]);

    // Assess
    expect(beforeFirst).toEqual([]);
    expect(woke).toEqual(['10d', '30d']);
    expect(clock.pendingDeadlines()).toEqual([]);
  });

  it('refuses to move backwards or by a non-finite amount, and stays intact', () => {
    const clock = new ManualClock(1_000);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => clock.setTime(999)).toThrow(/only moves forward/);
    expect(clock.now()).toBe(1_000);
  });
});
