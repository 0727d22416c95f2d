import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient, type HistoryEvent } from '@aws-sdk/client-sfn';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../local/simulator/index.js';
import { startRuntime, type RunningRuntime, type RuntimeOptions } from '../../../local/runtime/start-runtime.js';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy.js';

export const DAY = 86_400_000;
export const MINUTE = 60_000;
export const LEAVER_ARN = 'arn:aws:states:local:000000000000:stateMachine:jml-leaver';
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
