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
});
