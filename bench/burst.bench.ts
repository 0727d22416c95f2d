/**
 * `npm run bench:burst`: a layoff burst. 1,000 leavers are started through the Step Functions API of
 * the local runtime as fast as a client can send them, against a simulated org with its rate limits
 * on (the simulator's clock runs BENCH_TIME_SCALE times faster, so its minute windows pass in seconds).
 * Afterwards every user is checked through the Admin API. It prints the achieved time against the
 * floor those rate limits imply for the calls actually made (measured in the same run), and the
 * count of failed executions. Target: within 1.2x of the floor, 0 failed.
 *
 * Env: BENCH_LEAVERS (default 1000), BENCH_TIME_SCALE (default 10), BENCH_CONCURRENCY (runtime slots, default 64).
 */
import '../local/engine/process-defaults.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DescribeExecutionCommand, ListExecutionsCommand, SFNClient, StartExecutionCommand, type ExecutionStatus } from '@aws-sdk/client-sfn';
import { loadJmlConfigFile } from '../functions/lib/config/index.js';
import { startRuntime } from '../local/runtime/start-runtime.js';
import { DOCUMENTED_RATE_LIMITS } from '../local/simulator/http/rate-limiter.js';
import { startSimulator } from '../local/simulator/index.js';

const LEAVERS = Number(process.env.BENCH_LEAVERS ?? 1000);
const TIME_SCALE = Number(process.env.BENCH_TIME_SCALE ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
/** The simulator's documented default: requests per simulated minute per org. */
const LIMIT_PER_MINUTE = DOCUMENTED_RATE_LIMITS.default as number;

const work = mkdtempSync(join(tmpdir(), 'jml-bench-burst-'));
const sim = await startSimulator({ users: LEAVERS + 100, timeScale: TIME_SCALE, rateLimits: { default: LIMIT_PER_MINUTE } });
// Every Admin API request the handlers send (they run in this process) is counted on its way out.
const realFetch = globalThis.fetch;
let calls = 0;
globalThis.fetch = (input, init) => {
  if (String(input instanceof Request ? input.url : input).startsWith(sim.baseUrl)) calls++;
  return realFetch(input, init);
};

try {
  // The example rules, with the daily brake raised above the burst: this measures throughput, not the brake.
  const example = loadJmlConfigFile(new URL('../config/jml.example.yaml', import.meta.url).pathname);
  const configFile = join(work, 'config.json');
  writeFileSync(configFile, JSON.stringify({ ...example, limits: { ...example.limits, maxLeaversPerDay: LEAVERS * 2 } }));
  const runtime = await startRuntime({
    port: 0,
    dataDir: join(work, 'data'),
    // The org's limit as the shared pacer sees it, in real time.
    api: { baseUrl: sim.baseUrl, apiKey: sim.apiKey, orgId: sim.orgId, directoryId: sim.directoryId, requestsPerMinute: LIMIT_PER_MINUTE * TIME_SCALE },
    configFile,
    concurrency: CONCURRENCY,
    sweepSchedule: false,
    verifyConfigAgainstOrg: false,
    log: () => {},
  });
  const client = new SFNClient({ endpoint: runtime.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const leaverArn = runtime.stateMachines.find((machine) => machine.workflow === 'leaver')!.arn;
  // Ordinary members only: org admins and the config's protected accounts are refused by design.
  const protectedEmails = new Set(example.protectedAccounts.map((account) => ('email' in account ? String(account.email).toLowerCase() : '')));
  const people = [...sim.state.users.values()]
    .filter((user) => user.membershipStatus === 'active' && user.platformRoles.size === 0 && !protectedEmails.has(user.email.toLowerCase()))
    .slice(0, LEAVERS);
  if (people.length < LEAVERS) throw new Error(`the generated org has only ${people.length} plain active users`);

  // Act: start every leaver as fast as the client can, then wait until none is running.
  const started = performance.now();
  await Promise.all(
    people.map((person, index) =>
      client.send(new StartExecutionCommand({ stateMachineArn: leaverArn, name: `burst-${index}`, input: JSON.stringify({ email: person.email, graceDays: 0, reason: 'bench' }) })),
    ),
  );
  const acceptedMs = performance.now() - started;
  while (runtime.executor.stats().running + runtime.executor.stats().queued > 0) await new Promise((resolve) => setTimeout(resolve, 100));
  const wallSeconds = (performance.now() - started) / 1000;
  const callsMade = calls;

  // Assess through the APIs: execution outcomes from Step Functions, user states from the Admin API.
  const byStatus = async (statusFilter: ExecutionStatus) => {
    let count = 0;
    let nextToken: string | undefined;
    do {
      const page = await client.send(new ListExecutionsCommand({ stateMachineArn: leaverArn, statusFilter, maxResults: 1000, nextToken }));
      count += page.executions?.length ?? 0;
      nextToken = page.nextToken;
    } while (nextToken);
    return count;
  };
  const [succeeded, failed] = [await byStatus('SUCCEEDED'), await byStatus('FAILED')];
  let removed = 0;
  for (let i = 0; i < people.length; i += 50) {
    const answers = await Promise.all(
      people.slice(i, i + 50).map(async (person) => {
        for (;;) {
          const response = await realFetch(`${sim.baseUrl}/v2/orgs/${sim.orgId}/directories/${sim.directoryId}/users/${person.accountId}`, { headers: { authorization: `Bearer ${sim.apiKey}` } });
          if (response.status === 429) {
            await new Promise((resolve) => setTimeout(resolve, 200));
            continue;
          }
          if (response.status === 404) return true;
          const body = (await response.json()) as { data?: { status?: string; membershipStatus?: string }; status?: string; membershipStatus?: string };
          const user = body.data ?? body;
          return user.membershipStatus === 'no_membership' || user.status === 'for_deletion';
        }
      }),
    );
    removed += answers.filter(Boolean).length;
  }

  // The floor: the calls made, at the org's limit, in real seconds (the simulator's minute is 60/TIME_SCALE s).
  const floorSeconds = (callsMade / LIMIT_PER_MINUTE) * (60 / TIME_SCALE);
  console.log(`leavers:            ${LEAVERS} started through StartExecution in ${(acceptedMs / 1000).toFixed(2)} s (runtime slots: ${CONCURRENCY})`);
  console.log(`rate limit:         ${LIMIT_PER_MINUTE} requests per simulated minute, time scale ${TIME_SCALE} (a minute = ${(60 / TIME_SCALE).toFixed(1)} s)`);
  console.log(`Admin API calls:    ${callsMade} (${(callsMade / LEAVERS).toFixed(2)} per leaver, retries included)`);
  console.log(`floor:              ${floorSeconds.toFixed(1)} s (the calls made at the org's limit)`);
  console.log(`achieved:           ${wallSeconds.toFixed(1)} s = ${(wallSeconds / floorSeconds).toFixed(2)}x the floor (target <= 1.2x)`);
  console.log(`executions:         ${succeeded} SUCCEEDED, ${failed} FAILED (target 0 failed)`);
  console.log(`verified via API:   ${removed} of ${LEAVERS} users removed from the directory`);
  if (failed > 0) {
    const [first] = (await client.send(new ListExecutionsCommand({ stateMachineArn: leaverArn, statusFilter: 'FAILED', maxResults: 1 }))).executions ?? [];
    const described = await client.send(new DescribeExecutionCommand({ executionArn: first.executionArn }));
    console.log(`first failure:      ${described.error}: ${(described.cause ?? '').slice(0, 300)}`);
  }
  await runtime.close();
  if (failed > 0 || removed !== LEAVERS) process.exitCode = 1;
} finally {
  globalThis.fetch = realFetch;
  await sim.close();
  rmSync(work, { recursive: true, force: true });
}
