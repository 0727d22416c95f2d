/**
 * Inactivity sweep benchmark (`npm run bench:sweep`): one sweep of a 100,000-user simulated org
 * (realistic spread of last-active dates) with the simulator's rate limits ON and its clock running
 * BENCH_TIME_SCALE times faster, so rate-limit minutes pass in seconds. Prints, from one run:
 * - the calls per endpoint, counted on the wire, against the target (list pages + accounts acted on
 *   + the directory lookup + confirmations);
 * - the sweep's wall time against (a) the floor the simulator's limits imply for those calls and
 *   (b) the floor of the naive sweep (one last-active-dates call per user), both computed from the
 *   limits and the time scale, as ratios;
 * - state transitions per 1,000 users swept (target: at most 50).
 *
 * Env: BENCH_USERS (default 100000), BENCH_TIME_SCALE (default 5), BENCH_SUSPEND_DAYS (default 1920:
 * the policy's threshold, chosen so a few hundred accounts are acted on, within one run's cap).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadJmlConfigFile } from '../functions/lib/config/load-jml-config.js';
import { runWorkflow } from '../local/engine/run-workflow.js';
import { DEFAULT_CONFIG_FILE } from '../local/engine/handler-environment.js';
import { startSimulator } from '../local/simulator/index.js';
import { DOCUMENTED_RATE_LIMITS } from '../local/simulator/http/rate-limiter.js';
import { startRecordingProxy } from '../test/support/recording-proxy.js';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const TIME_SCALE = Number(process.env.BENCH_TIME_SCALE ?? 5);
const SUSPEND_DAYS = Number(process.env.BENCH_SUSPEND_DAYS ?? 1920);
/** Client pacing a little under the limits: a token bucket at exactly the rate can put one call too many into a fixed window. */
const PACE = 0.98;

const endpointOf = (method: string, path: string) =>
  `${method} ${path.replace(/^\/admin/, '').replace(/\/(orgs|directories|users|groups)\/(?!search$|count$)[^/]+/g, '/$1/{id}')}`;
/** Which simulator rate-limit bucket an endpoint draws from (local/simulator/http/server.ts). */
const bucketOf = (endpoint: string) => (endpoint.endsWith('/last-active-dates') ? 'lastActiveDates' : endpoint.endsWith('/events') ? 'events' : 'default');

async function main(): Promise<void> {
  const limits = DOCUMENTED_RATE_LIMITS as { default: number; lastActiveDates: number };
  process.env.JML_USER_SEARCH_PER_MINUTE = String(limits.default * TIME_SCALE * PACE);
  process.env.JML_LAST_ACTIVE_PER_MINUTE = String(limits.lastActiveDates * TIME_SCALE * PACE);
  const generation = performance.now();
  const sim = await startSimulator({ users: USERS, timeScale: TIME_SCALE });
  const proxy = await startRecordingProxy(sim.baseUrl);
  const reportDir = mkdtempSync(join(tmpdir(), 'jml-sweep-bench-'));
  const config = loadJmlConfigFile(DEFAULT_CONFIG_FILE);
  config.inactivity = { enforce: true, rules: [{ id: 'suspend-dormant', product: 'all', inactiveDays: SUSPEND_DAYS, action: 'suspend' }], exclude: { addedWithinDays: 30, groups: [] }, newAccessGraceDays: 30 };
  config.limits.maxSweepActions = { count: 200, percent: 1 };
  console.log(`org: ${USERS} users generated in ${((performance.now() - generation) / 1000).toFixed(1)} s; time scale ${TIME_SCALE} (1 simulated minute = ${(60 / TIME_SCALE).toFixed(1)} s); limits ${limits.default}/min (default), ${limits.lastActiveDates}/min (last-active-dates)`);
  try {
    const run = await runWorkflow({
      workflow: 'sweep',
      input: { reason: 'bench' },
      api: { baseUrl: proxy.baseUrl, apiKey: sim.apiKey, orgId: sim.orgId },
      config,
      reportDir,
    });
    const output = run.output as { decisions?: Record<string, number>; counts?: Record<string, number>; accounts?: number; report?: { html: string } } | undefined;
    if (run.status !== 'SUCCEEDED') throw new Error(`the sweep ended ${run.status}: ${run.error} ${run.cause}`);

    const perEndpoint = new Map<string, number>();
    for (const line of proxy.requests) {
      const [method, path] = line.split(' ') as [string, string];
      perEndpoint.set(endpointOf(method, path), (perEndpoint.get(endpointOf(method, path)) ?? 0) + 1);
    }
    // The audit log queries (one per grant action) fit in one window of the events limit: no floor of their own.
    const perBucket = { default: 0, lastActiveDates: 0, events: 0 };
    for (const [endpoint, n] of perEndpoint) perBucket[bucketOf(endpoint)] += n;
    const accounts = output?.accounts ?? 0;
    const acted = (output?.counts?.done ?? 0) + (output?.counts?.already ?? 0);
    const pages = perEndpoint.get('POST /v2/orgs/{id}/directories/{id}/users/search') ?? 0;
    const confirmations = perEndpoint.get('GET /v1/orgs/{id}/directory/users/{id}/last-active-dates') ?? 0;
    const total = proxy.requests.length;
    const auditQueries = perEndpoint.get('GET /v1/orgs/{id}/events') ?? 0;
    const lookups = total - pages - confirmations - acted * 3 - auditQueries;

    // Floors in simulated minutes: the scan, the confirmations and the actions follow each other.
    const floorMinutes = perBucket.default / limits.default + perBucket.lastActiveDates / limits.lastActiveDates;
    const naiveMinutes = Math.ceil(accounts / 100) / limits.default + accounts / limits.lastActiveDates;
    const realSeconds = (minutes: number) => (minutes * 60) / TIME_SCALE;
    const wall = run.durationMs / 1000;

    console.log(`\nsweep: ${run.status}, ${accounts} accounts considered, decisions ${JSON.stringify(output?.decisions)}, ${acted} acted on`);
    console.log('\ncalls per endpoint (on the wire):');
    for (const [endpoint, n] of [...perEndpoint].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(7)}  ${endpoint}`);
    console.log(`  ${String(total).padStart(7)}  total = ${pages} list pages + ${confirmations} confirmations + ${acted} accounts acted on x 3 (snapshot groups, snapshot roles, suspend) + ${lookups} lookups (directory, workspaces, access groups) + ${auditQueries} audit log queries (recent grants)`);
    console.log(`  calls vs target (pages + acted + lookups + audit log queries + confirmations = ${pages + acted + lookups + auditQueries + confirmations}): ${(total / (pages + acted + lookups + auditQueries + confirmations)).toFixed(2)}x (a suspension costs 3 calls: the leaver's snapshot, then the suspend)`);
    console.log(`  naive sweep: ${Math.ceil(accounts / 100)} list pages + ${accounts} last-active-dates calls = ${Math.ceil(accounts / 100) + accounts}; this sweep makes ${(((Math.ceil(accounts / 100) + accounts) / total)).toFixed(1)}x fewer`);
    console.log('\nwall time:');
    console.log(`  sweep             ${wall.toFixed(1)} s`);
    console.log(`  (a) its floor     ${realSeconds(floorMinutes).toFixed(1)} s  (${perBucket.default} calls at ${limits.default}/min + ${perBucket.lastActiveDates} at ${limits.lastActiveDates}/min = ${floorMinutes.toFixed(2)} simulated min)  ratio ${(wall / realSeconds(floorMinutes)).toFixed(2)}x (target <= 1.1x)`);
    console.log(`  (b) naive floor   ${realSeconds(naiveMinutes).toFixed(1)} s  (${naiveMinutes.toFixed(1)} simulated min = ${(naiveMinutes / 60).toFixed(1)} h at real speed)  the sweep takes ${(wall / realSeconds(naiveMinutes)).toFixed(4)}x of it (${(realSeconds(naiveMinutes) / wall).toFixed(0)}x faster)`);
    console.log(`\nstate transitions: ${run.transitions} = ${((run.transitions / accounts) * 1000).toFixed(2)} per 1,000 users swept (target <= 50)`);
    console.log(`report: ${output?.report?.html}`);
  } finally {
    await proxy.close();
    await sim.close();
    rmSync(reportDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
