import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, type RunningSimulator } from '../../../local/simulator/index.js';
import { AtlassianHttpClient } from '../../../functions/lib/atlassian/http/http-client.js';
import { directoryFor, recordingLogger, startTestSimulator } from './support/sim-client.js';

const CANARY = 'CANARY-api-key-7f3e9c1d-do-not-leak';
const ids = demoIds();

/** Everything an error could reveal: message, stack, JSON, inspect (with its cause chain). */
function everythingAbout(error: unknown): string {
  return [String(error), (error as Error)?.stack, JSON.stringify(error), inspect(error, { depth: 10 })].join('\n');
}

describe('the API key never leaks', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startTestSimulator({ apiKey: CANARY });
  });
  afterAll(() => sim.close());

  it('is absent from every log line and every error across successes, retries and failures', async () => {
    // Prepare
    const logger = recordingLogger();
    const directory = await directoryFor(sim, { apiKey: async () => CANARY, logger, retry: { maxAttempts: 2, baseDelayMs: 1 } });
    const alan = ids.accountId('alan.turing@acme.example');
    const errors: unknown[] = [];
    const capture = (p: Promise<unknown>) => p.catch((error: unknown) => void errors.push(error));
    // Act: happy paths, a retried 429, a 5xx give-up, a dropped connection, 404, 403, 409
    await directory.listUsers({ limit: 2 });
    sim.control.failNext({ count: 1, status: 429, retryAfterSeconds: 0 });
    await directory.findUserByAccountId(alan);
    sim.control.failNext({ count: 2, status: 503 });
    await capture(directory.findUserByAccountId(alan));
    sim.control.failNext({ count: 2, drop: true });
    await capture(directory.getUserGroups(alan));
    await capture(directory.suspendUser('00000000-0000-4000-8000-000000000000'));
    await capture(directory.addToGroup(ids.groupId('okta-all-staff'), alan));
    await capture(directory.createGroup('engineering'));
    // Assess
    expect(errors).toHaveLength(5);
    expect(logger.lines.length).toBeGreaterThan(5);
    for (const line of logger.lines) expect(line).not.toContain(CANARY);
    for (const error of errors) expect(everythingAbout(error)).not.toContain(CANARY);
  });

  it('is absent from a 401 caused by a wrong key', async () => {
    const wrongCanary = `${CANARY}-wrong`;
    const logger = recordingLogger();
    const directory = await directoryFor(sim, { apiKey: async () => wrongCanary, logger, directoryId: sim.directoryId });
    const error = await directory.listUsers().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'Atlassian.Unauthorized' });
    expect(everythingAbout(error)).not.toContain(CANARY);
    for (const line of logger.lines) expect(line).not.toContain(CANARY);
  });

  it('is redacted when a misbehaving server echoes it back in an error body', async () => {
    // Prepare: a proxy that reflects the Authorization header
    const echo = (async (_url: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>).Authorization;
      return new Response(JSON.stringify({ errors: [{ code: 'ADMIN-400-24', title: 'Bad header', detail: `got ${auth}` }] }), { status: 400 });
    }) as unknown as typeof fetch;
    const http = new AtlassianHttpClient({ baseUrl: 'https://x.test', apiKey: async () => CANARY, fetch: echo });
    // Act
    const error = await http.request({ operation: 'op', method: 'GET', path: '/p' }).catch((e: unknown) => e);
    // Assess
    expect(error).toMatchObject({ name: 'Atlassian.BadRequest', message: expect.stringContaining('[REDACTED]') });
    expect(everythingAbout(error)).not.toContain(CANARY);
  });
});
