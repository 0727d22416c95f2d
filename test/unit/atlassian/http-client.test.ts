import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AtlassianHttpClient, type HttpClientOptions } from '../../../functions/lib/atlassian/http/http-client.js';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error;

/** A scripted fetch: answers with the next reply, recording every request. */
function scriptedFetch(replies: Reply[]) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const reply = replies.shift();
    if (!reply) throw new Error('no more scripted replies');
    if (reply instanceof Error) throw reply;
    const text = reply.body === undefined ? null : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return new Response(text, { status: reply.status, headers: reply.headers });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

function client(replies: Reply[], overrides: Partial<HttpClientOptions> = {}) {
  const { fetch, calls } = scriptedFetch(replies);
  const sleeps: number[] = [];
  const http = new AtlassianHttpClient({
    baseUrl: 'https://api.example.test/admin/',
    apiKey: async () => 'test-key',
    fetch,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    now: () => Date.parse('2026-07-01T10:00:00Z'),
    ...overrides,
  });
  return { http, calls, sleeps };
}

const Body = z.object({ id: z.string(), items: z.array(z.object({ n: z.number() })) });
const gateway429 = { status: 429, body: { code: 429, message: 'Rate limit exceeded' } };

describe('AtlassianHttpClient', () => {
  it('sends bearer auth, JSON body and query, and returns the validated body', async () => {
    // Prepare
    const { http, calls } = client([{ status: 200, body: { id: 'x', items: [{ n: 1 }], extra: true }, headers: { 'x-request-id': 'r1' } }]);
    // Act
    const result = await http.request({ operation: 'test.op', method: 'POST', path: '/v2/x', query: { a: 'b', list: ['1', '2'], skip: undefined }, body: { q: 1 }, schema: Body });
    // Assess
    expect(result).toEqual({ status: 200, data: { id: 'x', items: [{ n: 1 }] }, requestId: 'r1' });
    expect(calls[0].url).toBe('https://api.example.test/admin/v2/x?a=b&list=1&list=2');
    const headers = calls[0].init.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer test-key');
    expect(headers['Content-Type']).toBe('application/json');
    expect(calls[0].init.body).toBe('{"q":1}');
  });

  it('retries a 429 after the Retry-After wait, then succeeds', async () => {
    const { http, calls, sleeps } = client([{ ...gateway429, headers: { 'Retry-After': '2' } }, { status: 200, body: { id: 'x', items: [] } }]);
    const result = await http.request({ operation: 'op', method: 'GET', path: '/p', schema: Body });
    expect(result.data.id).toBe('x');
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  it('uses X-RateLimit-Reset when a 429 has no Retry-After', async () => {
    const { http, sleeps } = client([
      { ...gateway429, headers: { 'X-RateLimit-Reset': '2026-07-01T10:00:01.200Z' } },
      { status: 204 },
    ]);
    await http.request({ operation: 'op', method: 'DELETE', path: '/p' });
    expect(sleeps).toEqual([1200]);
  });

  it('backs off with full jitter when the server gives no hint', async () => {
    const { http, sleeps } = client([{ status: 503 }, { status: 502 }, { status: 204 }], { retry: { baseDelayMs: 100 } });
    await http.request({ operation: 'op', method: 'GET', path: '/p' });
    // random() = 0.5 of ceilings 100 and 200
    expect(sleeps).toEqual([50, 100]);
  });

  it('backs off on a 5xx even though it carries X-RateLimit-Reset (sent on every response)', async () => {
    const { http, sleeps } = client([{ status: 503, headers: { 'X-RateLimit-Reset': '2026-07-01T10:00:50Z' } }, { status: 204 }], { retry: { baseDelayMs: 100 } });
    await http.request({ operation: 'op', method: 'GET', path: '/p' });
    expect(sleeps).toEqual([50]);
  });

  it('ends in Atlassian.RateLimited once attempts are spent, keeping the details', async () => {
    const { http, calls } = client([gateway429, gateway429, gateway429], { retry: { maxAttempts: 3 } });
    const failure = http.request({ operation: 'v2.searchUsers', method: 'POST', path: '/p', retryMode: 'idempotent' });
    await expect(failure).rejects.toMatchObject({ name: 'Atlassian.RateLimited', status: 429, operation: 'v2.searchUsers' });
    await expect(failure).rejects.toThrow(/Gave up after 3 attempts/);
    expect(calls).toHaveLength(3);
  });

  it('ends in Atlassian.Transient after repeated 5xx on an idempotent request', async () => {
    const { http, calls } = client([{ status: 500 }, { status: 500 }], { retry: { maxAttempts: 2 } });
    await expect(http.request({ operation: 'op', method: 'PUT', path: '/p' })).rejects.toMatchObject({ name: 'Atlassian.Transient', status: 500 });
    expect(calls).toHaveLength(2);
  });

  it('does not retry a create (POST) after a 5xx: it may have been processed', async () => {
    const { http, calls } = client([{ status: 500 }, { status: 201 }]);
    await expect(http.request({ operation: 'v2.createGroup', method: 'POST', path: '/p' })).rejects.toMatchObject({ name: 'Atlassian.Transient' });
    expect(calls).toHaveLength(1);
  });

  it('does retry a create (POST) after a 429: it was not processed', async () => {
    const { http, calls } = client([gateway429, { status: 201 }]);
    await expect(http.request({ operation: 'v2.createGroup', method: 'POST', path: '/p' })).resolves.toMatchObject({ status: 201 });
    expect(calls).toHaveLength(2);
  });

  it('retries network failures of idempotent requests only', async () => {
    const reset = new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) });
    const idempotent = client([reset, { status: 204 }]);
    await expect(idempotent.http.request({ operation: 'op', method: 'GET', path: '/p' })).resolves.toMatchObject({ status: 204 });
    const create = client([reset]);
    await expect(create.http.request({ operation: 'op', method: 'POST', path: '/p' })).rejects.toThrow(/ECONNRESET/);
  });

  it('fails at once with Atlassian.Unreachable when the connection is refused, naming the URL', async () => {
    // Prepare
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
    const { http, calls, sleeps } = client([refused, { status: 204 }]);

    // Act
    const failure = http.request({ operation: 'v2.listDirectories', method: 'GET', path: '/p' });

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'Atlassian.Unreachable', operation: 'v2.listDirectories' });
    await expect(failure).rejects.toThrow(/could not connect to https:\/\/api\.example\.test\/admin \(ECONNREFUSED.*--api-url/);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('says a refused connection follows earlier answers, and still does not retry it', async () => {
    // Prepare
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) });
    const { http, calls } = client([{ status: 204 }, refused, { status: 204 }]);
    await http.request({ operation: 'op', method: 'GET', path: '/p' });

    // Act
    const failure = http.request({ operation: 'op', method: 'GET', path: '/p' });

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'Atlassian.Unreachable' });
    await expect(failure).rejects.toThrow(/answered earlier in this run/);
    expect(calls).toHaveLength(2);
  });

  it('gives up at once when the server asks for a wait beyond the total wait budget', async () => {
    const { http, calls, sleeps } = client([{ ...gateway429, headers: { 'Retry-After': '120' } }], { retry: { maxTotalWaitMs: 30_000 } });
    await expect(http.request({ operation: 'op', method: 'GET', path: '/p' })).rejects.toMatchObject({
      name: 'Atlassian.RateLimited',
      retryAfterMs: 120_000,
    });
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it.each([
    [400, 'Atlassian.BadRequest'],
    [401, 'Atlassian.Unauthorized'],
    [403, 'Atlassian.Forbidden'],
    [404, 'Atlassian.NotFound'],
    [409, 'Atlassian.Conflict'],
    [402, 'Atlassian.LicenseLimit'],
  ])('does not retry a permanent %i (%s)', async (status, name) => {
    const { http, calls } = client([{ status, body: { errors: [{ code: `ADMIN-${status}-1`, title: 'Nope' }] } }, { status: 204 }]);
    await expect(http.request({ operation: 'op', method: 'GET', path: '/p' })).rejects.toMatchObject({ name, status, code: `ADMIN-${status}-1` });
    expect(calls).toHaveLength(1);
  });

  it('times out a slow request as Atlassian.Transient', async () => {
    const hanging = (async (_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)))) as unknown as typeof fetch;
    const http = new AtlassianHttpClient({ baseUrl: 'https://x.test', apiKey: async () => 'k', fetch: hanging, timeoutMs: 20, retry: { maxAttempts: 1 } });
    await expect(http.request({ operation: 'v2.getUser', method: 'GET', path: '/p' })).rejects.toMatchObject({ name: 'Atlassian.Transient' });
    await expect(http.request({ operation: 'v2.getUser', method: 'GET', path: '/p' })).rejects.toThrow(/no answer within 20 ms/);
  });

  it('names the operation and field of an unexpected 2xx body', async () => {
    const { http } = client([{ status: 200, body: { id: 'x', items: [{ n: 'one' }] } }]);
    await expect(http.request({ operation: 'v2.searchUsers', method: 'GET', path: '/p', schema: Body })).rejects.toMatchObject({
      name: 'Atlassian.UnexpectedResponse',
      operation: 'v2.searchUsers',
      message: expect.stringContaining('field "items[0].n"'),
    });
  });

  it('reports a 2xx body that is not JSON as UnexpectedResponse', async () => {
    const { http } = client([{ status: 200, body: '<html>proxy</html>' }]);
    await expect(http.request({ operation: 'op', method: 'GET', path: '/p', schema: Body })).rejects.toMatchObject({
      name: 'Atlassian.UnexpectedResponse',
      message: expect.stringContaining('not JSON'),
    });
  });

  it('waits for the pacer before every attempt', async () => {
    let acquired = 0;
    const { http } = client([gateway429, { status: 204 }], { pacer: { acquire: async () => void acquired++ } });
    await http.request({ operation: 'op', method: 'GET', path: '/p' });
    expect(acquired).toBe(2);
  });
});
