import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient, type DescribeExecutionCommandOutput, type HistoryEvent } from '@aws-sdk/client-sfn';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../local/simulator/index.js';
import { startRuntime, type RunningRuntime, type RuntimeOptions } from '../../../local/runtime/start-runtime.js';
import { startRecordingProxy, type RecordingProxy } from '../../support/recording-proxy.js';

export const DAY = 86_400_000;
export const MINUTE = 60_000;
export const LEAVER_ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:jml-leaver';
/** The Admin API call that removes a user from the directory (the leaver's last step). */
export const REMOVE_USER = /^DELETE \/admin\/v2\/orgs\/[^/]+\/directories\/[^/]+\/users\/[^/]+$/;
export const EXAMPLE_CONFIG = new URL('../../../config/jml.example.yaml', import.meta.url).pathname;

/** An org for runtime tests: the simulator (no rate limits), behind a proxy that records every call. */
export interface TestOrg {
  sim: RunningSimulator;
  proxy: RecordingProxy;
  api: { baseUrl: string; apiKey: string; orgId: string; directoryId: string };
  close(): Promise<void>;
}

export async function startTestOrg(options: SimulatorOptions = {}): Promise<TestOrg> {
  const sim = await startSimulator({ rateLimits: false, ...options });
  const proxy = await startRecordingProxy(sim.baseUrl);
  return {
    sim,
    proxy,
    api: { baseUrl: proxy.baseUrl, apiKey: sim.apiKey, orgId: sim.orgId, directoryId: sim.directoryId },
    close: async () => {
      await proxy.close();
      await sim.close();
    },
  };
}

/** A fresh data directory, removed by the returned cleanup. */
export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'jml-runtime-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A test org and data directory of one test. */
export interface FreshOrg {
  org: TestOrg;
  dataDir: string;
}

/**
 * For each test of the calling describe block: a fresh test org and data directory, handed to
 * `started`. The returned function starts a runtime on them (`runtimes.start`); after the test every
 * runtime it started is stopped (`runtimes.stop`), then the org closes and the data directory goes.
 */
export function useFreshOrgEachTest<R>(runtimes: { start(fresh: FreshOrg): Promise<R>; stop(runtime: R): Promise<void> }, started: (fresh: FreshOrg) => void): () => Promise<R> {
  let fresh: { org: TestOrg; data: ReturnType<typeof tempDataDir> } | undefined;
  const running: R[] = [];
  beforeEach(async () => {
    fresh = { org: await startTestOrg(), data: tempDataDir() };
    started({ org: fresh.org, dataDir: fresh.data.dir });
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((runtime) => runtimes.stop(runtime)));
    await fresh?.org.close();
    fresh?.data.remove();
  });
  return async () => {
    if (!fresh) throw new Error('The test org starts in beforeEach: start runtimes from inside a test.');
    const runtime = await runtimes.start({ org: fresh.org, dataDir: fresh.data.dir });
    running.push(runtime);
    return runtime;
  };
}

/**
 * One test org, data directory and in-process runtime (startTestRuntime's defaults) for the whole
 * describe block, handed to `started`; all three go after its last test.
 */
export function useSharedRuntime(started: (shared: { org: TestOrg; runtime: RunningRuntime }) => void): void {
  let shared: { org: TestOrg; data: ReturnType<typeof tempDataDir>; runtime: RunningRuntime } | undefined;
  beforeAll(async () => {
    const org = await startTestOrg();
    const data = tempDataDir();
    shared = { org, data, runtime: await startTestRuntime(org, data.dir) };
    started({ org, runtime: shared.runtime });
  });
  afterAll(async () => {
    await shared?.runtime.close();
    await shared?.org.close();
    shared?.data.remove();
  });
}

/** The runtime in-process on a free port, on a manual clock, against the test org. */
export function startTestRuntime(org: TestOrg, dataDir: string, options: RuntimeOptions = {}): Promise<RunningRuntime> {
  // The config-against-org check has its own test; here its reads would blur the calls each test counts.
  return startRuntime({ port: 0, dataDir, api: org.api, configFile: EXAMPLE_CONFIG, clock: 'manual', log: () => {}, verifyConfigAgainstOrg: false, sweepSchedule: false, ...options });
}

/** An SDK client as any AWS tool would make one: dummy credentials, region us-east-1, the runtime as endpoint. */
export function sfnClient(endpoint: string): SFNClient {
  return new SFNClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
}

/**
 * Moves the runtime's manual clock (`{}` = by 0 ms). The control endpoint answers once every
 * execution that was running states has reached its next wait or its end: a sync point for tests.
 */
export async function moveClock(endpoint: string, body: { advanceMs?: number; setTime?: string } = { advanceMs: 0 }): Promise<{ now: string; settled: boolean; pendingDeadlines: string[] }> {
  const response = await fetch(`${endpoint}/__control/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`clock control answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { now: string; settled: boolean; pendingDeadlines: string[] };
}

export async function statusOf(client: SFNClient, executionArn: string): Promise<string | undefined> {
  return (await client.send(new DescribeExecutionCommand({ executionArn }))).status;
}

/** The whole history, all pages. */
export async function fullHistory(client: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000, nextToken }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

/** Names of the top-level states entered, as the history records them. */
export function statesEnteredIn(events: HistoryEvent[]): string[] {
  return events.filter((event) => event.type?.endsWith('StateEntered')).map((event) => event.stateEnteredEventDetails?.name as string);
}

/** The simulator's view of a user's membership status. */
export function membershipOf(org: TestOrg, email: string): string {
  const user = org.sim.state.findUserByEmail(email);
  if (!user) throw new Error(`no user ${email} in the simulator`);
  return user.membershipStatus;
}

/**
 * Runs out the grace period of a leaver (the example's 30 days) waiting on the runtime at
 * `endpoint`: a minute before the deadline it is still RUNNING and nobody was removed; two minutes
 * later it has SUCCEEDED, having removed `email` exactly once. Returns the final DescribeExecution.
 */
export async function expectRemovedOnceAfterGracePeriod(org: TestOrg, endpoint: string, executionArn: string, email: string): Promise<DescribeExecutionCommandOutput> {
  const client = sfnClient(endpoint);
  await moveClock(endpoint, { advanceMs: 30 * DAY - MINUTE });
  expect(await statusOf(client, executionArn)).toBe('RUNNING');
  expect(org.proxy.count('DELETE', REMOVE_USER)).toBe(0);
  await moveClock(endpoint, { advanceMs: 2 * MINUTE });
  const done = await client.send(new DescribeExecutionCommand({ executionArn }));
  expect(done.status).toBe('SUCCEEDED');
  expect(org.proxy.count('DELETE', REMOVE_USER)).toBe(1);
  expect(membershipOf(org, email)).toBe('no_membership');
  return done;
}
