import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoIds, type RunningSimulator } from '../../../local/simulator/index.js';
import type { Directory } from '../../../functions/lib/atlassian/directory.js';
import { directoryFor, recordingLogger, startTestSimulator } from './support/sim-client.js';

const ids = demoIds();
const alan = ids.accountId('alan.turing@acme.example');
const SEARCH = 'POST /v2/orgs/*/directories/*/users/search';
const GET_USER = 'GET /v2/orgs/*/directories/*/users/*';

describe('retries under injected faults (simulator over loopback)', () => {
  let sim: RunningSimulator;
  let logger: ReturnType<typeof recordingLogger>;
  let directory: Directory;

  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    sim.control.reset();
    sim.control.setClock({ now: new Date().toISOString() });
    logger = recordingLogger();
    directory = await directoryFor(sim, { directoryId: sim.directoryId, logger, retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } });
  });

  const retries = () => logger.lines.filter((line) => line.startsWith('warn Retrying')).length;

  it('retries a 429 with Retry-After and succeeds', async () => {
    // Prepare
    sim.control.failNext({ pattern: GET_USER, count: 2, status: 429, retryAfterSeconds: 0 });
    // Act
    const user = await directory.findUserByAccountId(alan);
    // Assess
    expect(user?.accountId).toBe(alan);
    expect(retries()).toBe(2);
  });

  it('retries a 429 without Retry-After by waiting until X-RateLimit-Reset', async () => {
    // Prepare: move the simulator clock back so its reset (now + 60 s) is 50 ms from real now
    sim.control.setClock({ now: new Date(Date.now() - 59_950).toISOString() });
    sim.control.failNext({ pattern: GET_USER, count: 1, status: 429, retryAfterSeconds: null });
    // Act
    const user = await directory.findUserByAccountId(alan);
    // Assess
    expect(user?.accountId).toBe(alan);
    const retryLine = logger.lines.find((line) => line.startsWith('warn Retrying'))!;
    const delayMs = JSON.parse(retryLine.slice(retryLine.indexOf('{'))).delayMs as number;
    expect(delayMs).toBeGreaterThan(0);
    expect(delayMs).toBeLessThanOrEqual(60);
  });

  it('ends in Atlassian.RateLimited once attempts are spent', async () => {
    sim.control.failNext({ pattern: GET_USER, count: 5, status: 429, retryAfterSeconds: 0 });
    await expect(directory.findUserByAccountId(alan)).rejects.toMatchObject({
      name: 'Atlassian.RateLimited',
      status: 429,
      operation: 'v2.getUser',
      message: expect.stringContaining('Gave up after 3 attempts'),
    });
  });

  it('gives up at once with RateLimited and retryAfterMs when X-RateLimit-Reset is beyond the wait budget', async () => {
    sim.control.failNext({ pattern: GET_USER, count: 1, status: 429, retryAfterSeconds: null });
    const failure = await directory.findUserByAccountId(alan).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'Atlassian.RateLimited' });
    expect((failure as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(50_000);
    expect(retries()).toBe(0);
  });

  it('retries 5xx on a search (a read) and succeeds', async () => {
    sim.control.failNext({ pattern: SEARCH, count: 2, status: 503 });
    const page = await directory.listUsers({ limit: 3 });
    expect(page.users).toHaveLength(3);
    expect(retries()).toBe(2);
  });

  it('ends in Atlassian.Transient after 5xx on every attempt', async () => {
    sim.control.failNext({ pattern: SEARCH, count: 3, status: 500 });
    await expect(directory.listUsers()).rejects.toMatchObject({ name: 'Atlassian.Transient', status: 500, operation: 'v2.searchUsers' });
  });

  it('retries a dropped connection on an idempotent write (suspend)', async () => {
    sim.control.failNext({ pattern: 'POST /v2/orgs/*/directories/*/users/*/suspend', count: 1, drop: true });
    await expect(directory.suspendUser(alan)).resolves.toBe('done');
    expect(sim.state.users.get(alan)?.membershipStatus).toBe('suspended');
  });

  it('does not retry a 5xx on create group (it might have been created)', async () => {
    sim.control.failNext({ pattern: 'POST /v2/orgs/*/directories/*/groups', count: 1, status: 500 });
    await expect(directory.createGroup('maybe-created')).rejects.toMatchObject({ name: 'Atlassian.Transient' });
    expect(retries()).toBe(0);
  });

  it('retries a 429 on invite (not processed) and succeeds', async () => {
    sim.control.failNext({ pattern: 'POST /v2/orgs/*/users/invite', count: 1, status: 429, retryAfterSeconds: 0 });
    await expect(directory.inviteUser({ email: 'retry.me@acme.example' })).resolves.toMatchObject({ outcome: 'done' });
    expect(retries()).toBe(1);
  });

  it('times out a slow request as Atlassian.Transient', async () => {
    sim.control.setFaults([{ pattern: GET_USER, latencyMs: 300 }]);
    const slow = await directoryFor(sim, { directoryId: sim.directoryId, timeoutMs: 50, retry: { maxAttempts: 1 } });
    await expect(slow.findUserByAccountId(alan)).rejects.toMatchObject({ name: 'Atlassian.Transient', message: expect.stringContaining('within 50 ms') });
  });

  it('paces a batch with the client-side token bucket so it stays under the server limit', async () => {
    // Prepare: 10 requests per simulated minute, and a simulated minute lasts 100 ms (x600).
    const limited = await startTestSimulator({ rateLimits: { default: 10 }, timeScale: 600 });
    try {
      const paced = await directoryFor(limited, { directoryId: limited.directoryId, pacer: { ratePerSecond: 40, burst: 1 }, logger });
      // Act: 25 lookups need at least three rate-limit windows
      for (let i = 0; i < 25; i++) await paced.findUserByAccountId(alan);
      // Assess: the pacer spread them out, so the server never had to answer 429
      expect(retries()).toBe(0);
    } finally {
      await limited.close();
    }
  });
});
