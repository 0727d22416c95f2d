import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../sim-client.js';

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator({ apiKey: 'test-key' });
});
afterAll(() => sim.close());

describe('simulator HTTP front', () => {
  it('answers 401 with the gateway body for a missing or wrong bearer token, before anything else', async () => {
    // Act
    const missing = await sim.api('GET', `${sim.v1}/users`, undefined, { auth: null });
    const wrong = await sim.api('GET', `${sim.v1}/users`, undefined, { auth: 'nope' });
    const unknownRoute = await sim.api('GET', '/v9/whatever', undefined, { auth: null });

    // Assess
    for (const response of [missing, wrong, unknownRoute]) {
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ code: 401, message: expect.stringMatching(/Bearer/) });
    }
    expect(JSON.stringify(wrong.body)).not.toContain('test-key');
  });

  it('answers 404 ADMIN-404-1 for unknown endpoints, 405 for a wrong method, 404 outside /admin', async () => {
    // Act
    const unknown = await sim.api('GET', `${sim.v1}/nothing-here`);
    const wrongMethod = await sim.api('PUT', `${sim.v1}/users`);
    const outside = await fetch(`${sim.baseUrl.replace('/admin', '')}/other`);

    // Assess
    expect([unknown.status, unknown.body.errors[0].code]).toEqual([404, 'ADMIN-404-1']);
    expect([wrongMethod.status, wrongMethod.body.errors[0].code]).toEqual([405, 'ADMIN-405-1']);
    expect(outside.status).toBe(404);
  });

  it('answers 400 ADMIN-400-24 for malformed JSON, naming the problem', async () => {
    // Act
    const response = await sim.api('POST', `${sim.v2}/users/search`, undefined, { rawBody: '{"limit": 5,' });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ code: 'ADMIN-400-24', status: '400', id: expect.any(String), detail: expect.stringMatching(/not valid JSON/) });
  });

  it('sends X-RateLimit-* headers and a request id on normal responses', async () => {
    // Act
    const response = await sim.api('GET', `${sim.v1}/users`);

    // Assess
    expect(response.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(Number(response.headers.get('x-ratelimit-remaining'))).toBeLessThan(1000);
    expect(new Date(response.headers.get('x-ratelimit-reset')!).toISOString()).toBe(response.headers.get('x-ratelimit-reset'));
    expect(response.headers.get('x-request-id')).toMatch(/^sim-/);
  });

  it('serves many keep-alive requests concurrently', async () => {
    // Act
    const responses = await Promise.all(Array.from({ length: 50 }, () => sim.api('GET', `${sim.v2}/users/count`)));

    // Assess
    expect(new Set(responses.map((r) => `${r.status}:${r.body.count}`))).toEqual(new Set([`200:${sim.state.users.size}`]));
  });
});
