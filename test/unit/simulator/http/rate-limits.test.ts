import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../sim-client.js';

let sim: TestSimulator;
beforeAll(async () => {
  // Frozen clock: windows only move when a test moves time.
  sim = await startTestSimulator({ timeScale: 0, rateLimits: { default: 5 } });
});
afterAll(() => sim.close());
beforeEach(() => sim.control.reset());

const ladPath = () => `${sim.v1}/directory/users/${sim.state.findUserByEmail('ada.lovelace@acme.example')!.accountId}/last-active-dates`;

describe('rate limits', () => {
  it('limits the default class per org and answers 429 with the gateway body and documented headers', async () => {
    // Act
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await sim.api('GET', `${sim.v2}/users/count`)).status);
    const limited = await sim.api('GET', `${sim.v1}/users`);

    // Assess
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ code: 429, message: expect.any(String) });
    expect(limited.headers.get('x-ratelimit-limit')).toBe('5');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-reset')).toBe(new Date(sim.state.clock.nowMs() + 60_000).toISOString());
    expect(limited.headers.get('retry-after')).not.toBeNull();
    // The Date header is simulated time: Reset - Date is how long to wait.
    expect(Date.parse(limited.headers.get('x-ratelimit-reset')!) - Date.parse(limited.headers.get('date')!)).toBe(60_000);
  });

  it('opens a new window once (simulated) time passes the reset', async () => {
    // Prepare
    for (let i = 0; i < 5; i++) await sim.api('GET', `${sim.v2}/users/count`);

    // Act
    const before = await sim.api('GET', `${sim.v2}/users/count`);
    sim.control.setClock({ advanceMs: 60_000 });
    const after = await sim.api('GET', `${sim.v2}/users/count`);

    // Assess
    expect([before.status, after.status]).toEqual([429, 200]);
    expect(after.headers.get('x-ratelimit-remaining')).toBe('4');
  });

  it('gives last-active-dates its own documented 200/min bucket', async () => {
    // Prepare
    for (let i = 0; i < 5; i++) await sim.api('GET', `${sim.v2}/users/count`);

    // Act
    const statuses: number[] = [];
    for (let i = 0; i < 201; i++) statuses.push((await sim.api('GET', ladPath())).status);
    const headers = (await sim.api('GET', ladPath())).headers;

    // Assess
    expect(statuses.filter((s) => s === 200)).toHaveLength(200);
    expect(statuses[200]).toBe(429);
    expect(headers.get('x-ratelimit-limit')).toBe('200');
  });

  it('runs minutes of rate-limited traffic in seconds with a time scale', async () => {
    // Prepare: at time scale 100 a one-minute window lasts 0.6 real seconds.
    sim.control.setClock({ timeScale: 100 });
    const bursts: number[][] = [];

    // Act: three bursts of 7, each a little over one simulated minute after the previous one.
    const started = sim.state.clock.nowMs();
    for (let burst = 0; burst < 3; burst++) {
      if (burst > 0) await new Promise((resolve) => setTimeout(resolve, 650));
      const responses = await Promise.all(Array.from({ length: 7 }, () => sim.api('GET', `${sim.v2}/users/count`)));
      bursts.push(responses.map((r) => r.status).sort());
    }
    const simulatedMs = sim.state.clock.nowMs() - started;
    sim.control.setClock({ timeScale: 0 });

    // Assess: every burst opened a fresh window: 5 allowed, 2 limited; over 2+ simulated minutes.
    expect(bursts).toEqual([0, 1, 2].map(() => [200, 200, 200, 200, 200, 429, 429]));
    expect(simulatedMs).toBeGreaterThanOrEqual(120_000);
  });

  it('can be reconfigured or switched off at run time', async () => {
    // Act
    sim.control.setRateLimits({ default: null });
    const statuses = await Promise.all(Array.from({ length: 20 }, () => sim.api('GET', `${sim.v2}/users/count`).then((r) => r.status)));
    sim.control.setRateLimits({ default: 5 });

    // Assess
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});
