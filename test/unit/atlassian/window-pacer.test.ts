import { describe, expect, it } from 'vitest';
import type { PacerClock } from '../../../functions/lib/atlassian/http/pacer.js';
import { WindowPacer } from '../../../functions/lib/atlassian/http/window-pacer.js';

/** A clock whose sleeps advance time at once, recording each wait. */
function fakeClock(): PacerClock & { sleeps: number[]; time: number } {
  const clock = {
    time: 0,
    sleeps: [] as number[],
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
    },
  };
  return clock;
}

describe('WindowPacer (at most N requests in any window)', () => {
  it('lets the first N through at once, then waits until the oldest leaves the window', async () => {
    // Prepare: the audit log's 10 requests/min
    const clock = fakeClock();
    const pacer = new WindowPacer({ limit: 10, windowMs: 60_000 }, clock);

    // Act: twelve requests at the same instant
    await Promise.all(Array.from({ length: 12 }, () => pacer.acquire()));

    // Assess: ten free, the 11th and 12th a window later
    expect(clock.sleeps).toEqual([60_000, 60_000]);
  });

  it('never lets more than N into any window, however the requests are spread', async () => {
    // Prepare
    const clock = fakeClock();
    const pacer = new WindowPacer({ limit: 3, windowMs: 1000 }, clock);
    const starts: number[] = [];

    // Act: one request every 100 ms for 3 s of arrivals; each starts when its wait ends
    for (let i = 0; i < 30; i++) {
      clock.time = Math.max(clock.time, i * 100);
      const before = clock.sleeps.length;
      await pacer.acquire();
      starts.push(clock.time + (clock.sleeps[before] ?? 0));
      clock.time = starts.at(-1) as number;
    }

    // Assess
    for (const start of starts) expect(starts.filter((other) => other >= start && other < start + 1000).length).toBeLessThanOrEqual(3);
  });

  it('refuses a limit that is not a whole number of requests', () => {
    expect(() => new WindowPacer({ limit: 0 })).toThrow(/limit must be an integer >= 1/);
    expect(() => new WindowPacer({ limit: 2.5 })).toThrow(/10 requests per minute/);
    expect(() => new WindowPacer({ limit: 1, windowMs: 0 })).toThrow(/windowMs/);
  });
});
