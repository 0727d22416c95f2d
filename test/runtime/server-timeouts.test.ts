import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_TIMEOUTS as HR_SIMULATOR_DEFAULTS } from '../../local/hr-simulator/server-timeouts.js';
import { startHrSimulator } from '../../local/hr-simulator/index.js';
import { Router } from '../../local/runtime/http/router.js';
import { createRuntimeServer } from '../../local/runtime/http/runtime-server.js';
import type { RunningRuntime } from '../../local/runtime/start-runtime.js';
import { DEFAULT_SERVER_TIMEOUTS, type ServerTimeouts } from '../../local/simulator/http/server-timeouts.js';
import { startSimulator } from '../../local/simulator/index.js';
import { startWebhookServer } from '../../local/webhooks/webhook-routes.js';
import { slowClient } from '../support/raw-http.js';
import { startTestOrg, startTestRuntime, tempDataDir, type TestOrg } from './support/runtime-harness.js';

/** Short timeouts injected for the test; the servers' own defaults are 10 s (headers) and 30 s (request). */
const SHORT: ServerTimeouts = { headersMs: 300, requestMs: 600, keepAliveMs: 400 };
/** Node checks deadlines every quarter of the headers timeout: allow that and a loaded machine's slack. */
const SLACK_MS = 1_500;
/** Without timeouts the connection would stay open for minutes: the client gives up here. */
const GIVE_UP_MS = 5_000;

interface ServerUnderTest {
  name: string;
  port(): number;
}

describe('every server closes a slow or short request within its timeouts (Node answers 408)', () => {
  let org: TestOrg;
  let data: ReturnType<typeof tempDataDir>;
  let runtime: RunningRuntime;
  let runtimeFront: Server;
  const runtimeLog: string[] = [];
  const closers: Array<() => Promise<unknown>> = [];
  const servers: ServerUnderTest[] = [];

  beforeAll(async () => {
    // The runtime's routes behind its HTTP front, with the short timeouts (startRuntime uses the defaults).
    org = await startTestOrg();
    data = tempDataDir();
    runtime = await startTestRuntime(org, data.dir);
    let frontPort = 0;
    runtimeFront = createRuntimeServer(runtime.router, () => frontPort, (line) => runtimeLog.push(line), SHORT);
    await new Promise<void>((resolve) => runtimeFront.listen(0, '127.0.0.1', resolve));
    frontPort = (runtimeFront.address() as AddressInfo).port;
    servers.push({ name: 'runtime', port: () => frontPort });

    const sim = await startSimulator({ serverTimeouts: SHORT, rateLimits: false });
    closers.push(() => sim.close());
    servers.push({ name: 'Atlassian simulator', port: () => sim.port });

    const hr = await startHrSimulator({ serverTimeouts: SHORT });
    closers.push(() => hr.close());
    servers.push({ name: 'HR simulator', port: () => Number(new URL(hr.url).port) });

    const webhooks = await startWebhookServer({ handler: async () => ({ statusCode: 200, body: '{}' }), timeouts: SHORT });
    closers.push(() => webhooks.close());
    servers.push({ name: 'webhook server', port: () => Number(new URL(webhooks.url).port) });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      runtimeFront?.close(() => resolve());
      runtimeFront?.closeAllConnections();
    });
    await Promise.all(closers.map((close) => close()));
    await runtime?.close();
    await org?.close();
    data?.remove();
  });

  it.each(['runtime', 'Atlassian simulator', 'HR simulator', 'webhook server'])('%s: a body shorter than its Content-Length (100 announced, 10 sent) gets 408 and the connection closed', async (name) => {
    // Act
    const result = await slowClient(serverNamed(name).port(), 'short-body', GIVE_UP_MS);

    // Assess
    expect(result.closedAfterMs, 'still open: no request timeout').toBeDefined();
    expect(result.closedAfterMs).toBeLessThan(SHORT.requestMs + SLACK_MS);
    expect(result.answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it.each(['runtime', 'Atlassian simulator', 'HR simulator', 'webhook server'])('%s: headers dripped one line every 50 ms (slowloris) get 408 after the headers timeout', async (name) => {
    // Act
    const result = await slowClient(serverNamed(name).port(), 'header-drip', GIVE_UP_MS);

    // Assess
    expect(result.closedAfterMs, 'still open: no headers timeout').toBeDefined();
    expect(result.closedAfterMs).toBeLessThan(SHORT.headersMs + SLACK_MS);
    expect(result.answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('runtime: an idle keep-alive connection is closed after the keep-alive timeout; the timed-out requests left no error in its log', async () => {
    // Prepare
    const port = serverNamed('runtime').port();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(performance.now())));

    // Act
    const sentAt = performance.now();
    socket.write(`GET /__control/clock HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    const closedAt = await Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), GIVE_UP_MS))]);
    socket.destroy();

    // Assess
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    // Node 20 closes an idle keep-alive socket about a second after keepAliveTimeout.
    expect(closedAt - sentAt).toBeLessThan(SHORT.keepAliveMs + 1_000 + SLACK_MS);
    expect(runtimeLog).toEqual([]);
  });

  it('the servers\' own defaults: headers 10 s, whole request 30 s, keep-alive 5 s, checked every second', () => {
    // Act
    const server = createRuntimeServer(new Router(), () => 0, () => {});

    // Assess
    expect({ headers: server.headersTimeout, request: server.requestTimeout, keepAlive: server.keepAliveTimeout }).toEqual({ headers: 10_000, request: 30_000, keepAlive: 5_000 });
    // The HR simulator keeps its own copy (it imports nothing of the project): the same values.
    expect(HR_SIMULATOR_DEFAULTS).toEqual(DEFAULT_SERVER_TIMEOUTS);
  });

  function serverNamed(name: string): ServerUnderTest {
    const found = servers.find((server) => server.name === name);
    if (!found) throw new Error(`no server ${name}`);
    return found;
  }
});
