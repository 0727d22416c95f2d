import { describe, expect, it } from 'vitest';
import { SimClock } from '../../../../local/simulator/model/clock.js';

describe('SimClock', () => {
  it('runs at the time scale, advances and jumps without losing time', () => {
    // Prepare
    let real = 1000;
    const clock = new SimClock({ start: new Date('2026-01-01T00:00:00Z'), timeScale: 60, realNowMs: () => real });

    // Act
    real += 1000;
    const afterOneRealSecond = clock.now().toISOString();
    clock.setTimeScale(1);
    real += 1000;
    const afterSlowDown = clock.now().toISOString();
    clock.advance(3_600_000);
    const afterAdvance = clock.now().toISOString();

    // Assess
    expect(afterOneRealSecond).toBe('2026-01-01T00:01:00.000Z');
    expect(afterSlowDown).toBe('2026-01-01T00:01:01.000Z');
    expect(afterAdvance).toBe('2026-01-01T01:01:01.000Z');
    expect(clock.toRealMs(60_000)).toBe(60_000);
    expect(() => clock.setTimeScale(-1)).toThrow(/timeScale/);
  });

  it('refuses a speed or a move that would leave the representable dates, and changes nothing', () => {
    // Prepare
    let real = 0;
    const clock = new SimClock({ start: new Date('2026-01-01T00:00:00Z'), timeScale: 1, realNowMs: () => real });

    // Act
    const refused = [() => clock.setTimeScale(1e308), () => clock.advance(-1e20), () => clock.advance(Number.NaN), () => clock.set(new Date(Number.NaN))]
      .map((change) => { try { change(); return 'applied'; } catch (error) { return (error as Error).message; } });
    real += 1000;

    // Assess
    expect(refused[0]).toMatch(/timeScale must be a number between 0 \(frozen\) and 1000000/);
    expect(refused.slice(1)).toEqual(Array(3).fill(expect.stringMatching(/between 1970-01-01 and 9999-12-31/)));
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:01.000Z');
    expect(clock.timeScale).toBe(1);
  });

  it('holds at the end of the range instead of running into invalid dates', () => {
    // Prepare
    let real = 0;
    const clock = new SimClock({ start: new Date('9999-12-31T23:59:00Z'), timeScale: 1_000_000, realNowMs: () => real });

    // Act
    real += 86_400_000;

    // Assess
    expect(clock.now().toISOString()).toBe('9999-12-31T23:59:59.999Z');
  });
});
