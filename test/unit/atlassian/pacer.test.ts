import { describe, expect, it } from 'vitest';
import { TokenBucketPacer, toPacer, type PacerClock } from '../../../functions/lib/atlassian/http/pacer.js';

/** A clock whose sleeps advance time instantly, recording each wait. */
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

describe('TokenBucketPacer', () => {
  it('lets a burst through, then spaces requests at the configured rate', async () => {
    // Prepare
    const clock = fakeClock();
    const pacer = new TokenBucketPacer({ ratePerSecond: 2, burst: 2 }, clock);
    // Act: four requests at the same instant
    await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire(), pacer.acquire()]);
    // Assess: two free, then 500 ms and 1000 ms reservations
    expect(clock.sleeps).toEqual([500, 1000]);
  });

  it('refills with elapsed time, never above the burst size', async () => {
    const clock = fakeClock();
    const pacer = new TokenBucketPacer({ ratePerSecond: 1, burst: 1 }, clock);
    await pacer.acquire();
    clock.time += 10_000;
    await pacer.acquire();
    await pacer.acquire();
    expect(clock.sleeps).toEqual([1000]);
  });

  it('rejects a non-positive rate with a hint', () => {
    expect(() => new TokenBucketPacer({ ratePerSecond: 0 })).toThrow(/200 requests\/min is 3.33/);
    expect(() => new TokenBucketPacer({ ratePerSecond: 1, burst: 0 })).toThrow(/burst/);
  });

  it('toPacer accepts options or a ready pacer', () => {
    const ready = { acquire: async () => undefined };
    expect(toPacer(ready)).toBe(ready);
    expect(toPacer({ ratePerSecond: 5 })).toBeInstanceOf(TokenBucketPacer);
    expect(toPacer(undefined)).toBeUndefined();
  });
});
