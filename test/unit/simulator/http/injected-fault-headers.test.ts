import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../sim-client.js';

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator({ rateLimits: { default: 50 } });
});
afterAll(() => sim.close());
beforeEach(() => sim.control.reset());

const countPath = () => `${sim.v2}/users/count`;

describe('injected errors carry X-RateLimit-* like every Atlassian response', () => {
  it('shows the bucket as it stands on an injected 5xx, without counting the faulted request', async () => {
    // Prepare
    const served = await sim.api('GET', countPath());
    sim.control.failNext({ pattern: '**/users/count', count: 2, status: 500 });

    // Act
    const first = await sim.api('GET', countPath());
    const second = await sim.api('GET', countPath());
    const next = await sim.api('GET', countPath());

    // Assess
    expect([served.status, first.status, second.status, next.status]).toEqual([200, 500, 500, 200]);
    for (const failed of [first, second]) {
      expect(failed.headers.get('x-ratelimit-limit')).toBe('50');
      expect(failed.headers.get('x-ratelimit-remaining')).toBe('49');
      expect(failed.headers.get('x-ratelimit-reset')).toBe(served.headers.get('x-ratelimit-reset'));
    }
    expect(next.headers.get('x-ratelimit-remaining')).toBe('48');
  });

  it('adds them to probabilistic 5xx too (gateway bodies included)', async () => {
    // Prepare: a frozen clock on a whole second, so Reset - Date is exact (Date has second precision).
    sim.control.setClock({ now: '2026-11-01T12:00:00Z', timeScale: 0 });
    sim.control.setFaults([{ pattern: '**/users/count', rate5xx: 1 }]);

    // Act
    const failed = await sim.api('GET', countPath());

    // Assess
    expect([500, 502, 503]).toContain(failed.status);
    expect(failed.headers.get('x-ratelimit-limit')).toBe('50');
    expect(failed.headers.get('x-ratelimit-remaining')).toBe('50');
    expect(Date.parse(failed.headers.get('x-ratelimit-reset')!) - Date.parse(failed.headers.get('date')!)).toBe(60_000);
  });

  it('sends none when rate limiting is switched off, as for served requests', async () => {
    // Prepare
    sim.control.setRateLimits({ default: null });
    sim.control.failNext({ pattern: '**/users/count', count: 1, status: 503 });

    // Act
    const failed = await sim.api('GET', countPath());

    // Assess
    expect(failed.status).toBe(503);
    expect(failed.headers.get('x-ratelimit-limit')).toBeNull();
  });
});
