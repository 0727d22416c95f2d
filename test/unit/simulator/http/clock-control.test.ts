import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../sim-client.js';

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator({ timeScale: 0 });
});
afterAll(() => sim.close());

const FROZEN_AT = '2026-11-01T12:00:00.000Z';

// Each of these used to answer 400 and still change the clock (or answer 200 and break it).
const BAD_CHANGES: Array<[string, unknown, RegExp]> = [
  ['a huge timeScale', { timeScale: 1e308 }, /timeScale must be between 0 \(frozen\) and 1000000/],
  ['a huge negative advanceMs', { advanceMs: -1e20 }, /advanceMs must be at least/],
  ['a huge positive advanceMs', { advanceMs: 1e20 }, /advanceMs must be at most/],
  ['an advanceMs past year 9999', { now: '9999-12-31T00:00:00Z', advanceMs: 86_400_000 * 2 }, /would leave the range/],
  ['a now outside the range', { now: '+275760-09-13T00:00:00.000Z' }, /now must be an ISO-8601 date-time between/],
  ['a now that is no date', { now: 'next tuesday' }, /now must be an ISO-8601/],
  ['a good now with a bad timeScale', { now: '2030-01-01T00:00:00Z', timeScale: -1 }, /timeScale must be between/],
  ['a number as text', { advanceMs: '1000' }, /advanceMs must be a number/],
  ['an unknown key', { speed: 2 }, /speed/],
];

describe('PUT /__control/clock refuses bad changes without touching the clock', () => {
  it.each(BAD_CHANGES)('%s', async (_name, change, message) => {
    // Prepare
    sim.control.setClock({ now: FROZEN_AT, timeScale: 0 });

    // Act
    const refused = await sim.controlApi('PUT', '/clock', change);
    const clock = await sim.controlApi('GET', '/clock');
    const state = await sim.controlApi('GET', '/state');
    const reset = await sim.controlApi('POST', '/reset');
    const api = await sim.api('GET', `${sim.v2}/users/count`);

    // Assess
    expect([refused.status, refused.body.error]).toEqual([400, expect.stringMatching(message)]);
    expect(clock.body).toEqual({ now: FROZEN_AT, timeScale: 0 });
    expect([state.status, reset.status, api.status]).toEqual([200, 200, 200]);
    expect(api.headers.get('date')).toBe(new Date(FROZEN_AT).toUTCString());
  });

  it('still applies good changes, now then advanceMs, at the largest allowed speed', async () => {
    // Act
    const moved = await sim.controlApi('PUT', '/clock', { now: '2027-01-01T00:00:00Z', advanceMs: 60_000, timeScale: 0 });
    const fastest = await sim.controlApi('PUT', '/clock', { timeScale: 1_000_000 });
    const frozen = await sim.controlApi('PUT', '/clock', { timeScale: 0 });

    // Assess
    expect(moved.body).toEqual({ now: '2027-01-01T00:01:00.000Z', timeScale: 0 });
    expect(fastest.status).toBe(200);
    expect(frozen.status).toBe(200);
    expect(Date.parse(frozen.body.now)).toBeGreaterThanOrEqual(Date.parse('2027-01-01T00:01:00Z'));
  });

  it('refuses the same bad changes in-process (sim.control.setClock)', () => {
    // Prepare
    sim.control.setClock({ now: FROZEN_AT, timeScale: 0 });

    // Act
    const attempts = [{ timeScale: 1e308 }, { advanceMs: -1e20 }, { now: '2030-01-01T00:00:00Z', timeScale: Number.NaN }]
      .map((change) => { try { sim.control.setClock(change); return 'applied'; } catch { return 'refused'; } });

    // Assess
    expect(attempts).toEqual(['refused', 'refused', 'refused']);
    expect(sim.control.summary().clock).toEqual({ now: FROZEN_AT, timeScale: 0 });
  });
});
