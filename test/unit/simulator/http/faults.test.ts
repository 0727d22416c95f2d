import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../sim-client.js';

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator({ faults: 'rate5xx=1@GET /v2/**/groups/stats' });
});
afterAll(() => sim.close());
beforeEach(() => sim.control.reset());

const countPath = () => `${sim.v2}/users/count`;

describe('fault injection', () => {
  it('applies start-up faults (from the --faults syntax) only to matching requests', async () => {
    // Act
    const stats = await sim.api('GET', `${sim.v2}/groups/stats`);
    const count = await sim.api('GET', countPath());

    // Assess
    expect([500, 502, 503]).toContain(stats.status);
    expect(count.status).toBe(200);
  });

  it('fails exactly the next N matching requests with a scripted status, then recovers', async () => {
    // Prepare
    sim.control.failNext({ pattern: 'POST **/suspend', count: 2, status: 503 });
    const alan = sim.state.findUserByEmail('alan.turing@acme.example')!.accountId;

    // Act
    const unrelated = await sim.api('GET', countPath());
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await sim.api('POST', `${sim.v2}/users/${alan}/suspend`)).status);

    // Assess
    expect(unrelated.status).toBe(200);
    expect(statuses).toEqual([503, 503, 204]);
  });

  it('injects 429 with Retry-After, and 429 with only X-RateLimit-* headers', async () => {
    // Prepare
    sim.control.setFaults([{ pattern: 'GET /v2/**/users/count', rate429: 1, retryAfterSeconds: 7 }, { pattern: '**/groups/count', rate429NoRetryAfter: 1 }]);

    // Act
    const withRetryAfter = await sim.api('GET', countPath());
    const without = await sim.api('GET', `${sim.v2}/groups/count`);

    // Assess
    expect([withRetryAfter.status, withRetryAfter.headers.get('retry-after')]).toEqual([429, '7']);
    expect(withRetryAfter.body).toEqual({ code: 429, message: expect.any(String) });
    expect([without.status, without.headers.get('retry-after')]).toEqual([429, null]);
    expect(without.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(without.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(Number.isNaN(Date.parse(without.headers.get('x-ratelimit-reset')!))).toBe(false);
  });

  it('drops connections without a response', async () => {
    // Prepare
    sim.control.setFaults([{ pattern: '**/users/count', dropRate: 1 }]);

    // Act
    const outcome = await sim.api('GET', countPath()).then(() => 'answered', (error: Error) => error.name);

    // Assess
    expect(outcome).toBe('TypeError');
  });

  it('adds latency before answering', async () => {
    // Prepare
    sim.control.setFaults([{ pattern: '**/users/count', latencyMs: 150 }]);

    // Act
    const started = performance.now();
    const response = await sim.api('GET', countPath());
    const elapsed = performance.now() - started;

    // Assess: never faster than the injected delay (an upper bound would be a speed test).
    expect(response.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(145);
  });

  it('is deterministic under a seed: the same rules give the same sequence of faults', async () => {
    // Prepare
    const rules = [{ rate5xx: 0.3, rate429: 0.2, pattern: '**/users/count' }];
    const sequence = async () => {
      sim.control.setFaults(rules);
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await sim.api('GET', countPath())).status);
      return statuses;
    };

    // Act
    const first = await sequence();
    const second = await sequence();

    // Assess
    expect(second).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
  });

  it('can be read, changed and cleared over the control endpoint', async () => {
    // Act
    const put = await sim.controlApi('PUT', '/faults', [{ pattern: 'POST /v2/**', rate5xx: 0.5 }]);
    const next = await sim.controlApi('POST', '/faults/next', { pattern: '**/users/count', status: 500, count: 1 });
    const failed = await sim.api('GET', countPath());
    const cleared = await sim.controlApi('DELETE', '/faults');
    const read = await sim.controlApi('GET', '/faults');
    const invalid = await sim.controlApi('PUT', '/faults', [{ rate5xx: 2 }]);

    // Assess
    expect(put.body.rules).toEqual([{ pattern: 'POST /v2/**', rate5xx: 0.5 }]);
    expect(next.body.scripted).toEqual([{ pattern: '**/users/count', remaining: 1, status: 500 }]);
    expect([failed.status, failed.body.errors[0].code]).toEqual([500, 'ADMIN-500-1']);
    expect(cleared.status).toBe(204);
    expect(read.body).toEqual({ rules: [], scripted: [] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatch(/rate5xx/);
  });
});
