/**
 * Simulator benchmark (`npm run bench:simulator`): requests/second for a mix of GETs over loopback,
 * compared with a trivial node:http server measured in the same run (the loopback ceiling of
 * this machine and this client), and the time to generate a 100,000-user org.
 *
 * Env: BENCH_SECONDS (per measurement, default 3), BENCH_CONCURRENCY (default 16), BENCH_USERS (default 100000).
 */
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createSimulatorState, DEMO_GROUPS, demoIds, startSimulator, type RunningSimulator } from '../local/simulator/index.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const USERS = Number(process.env.BENCH_USERS ?? 100_000);

interface Target { port: number; headers: Record<string, string>; paths: string[] }
interface LoadResult { requests: number; failures: number; seconds: number; perSecond: number }

/** Keeps CONCURRENCY requests in flight over keep-alive sockets for `seconds`; counts answers. */
async function load(target: Target, seconds: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let requests = 0;
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const one = (path: string) => new Promise<void>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: target.port, path, agent, headers: target.headers }, (res) => {
      if ((res.statusCode ?? 500) >= 300) failures++;
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });
  const worker = async () => {
    while (performance.now() < deadline) {
      await one(target.paths[next++ % target.paths.length]);
      requests++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests, failures, seconds: elapsed, perSecond: requests / elapsed };
}

async function rawServer(): Promise<Server> {
  const body = '{}';
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** A realistic read mix: v2 lists and lookups, v1 lists, last-active dates, audit log, org resources. */
function getMix(sim: RunningSimulator): string[] {
  const ids = demoIds();
  const o1 = `/admin/v1/orgs/${sim.orgId}`;
  const d2 = `/admin/v2/orgs/${sim.orgId}/directories/${sim.directoryId}`;
  const ada = ids.accountId('ada.lovelace@acme.example');
  return [
    `${d2}/users?limit=50`,
    `${d2}/users/${ada}`,
    `${d2}/groups?limit=20`,
    `${d2}/groups/${ids.groupId(DEMO_GROUPS.engineering)}`,
    `${d2}/users/${ada}/role-assignments`,
    `${o1}/users`,
    `${o1}/directory/users/${ada}/last-active-dates`,
    `${o1}/events?limit=20`,
    `${o1}/domains`,
    `${o1}/policies`,
    `/admin/v2/orgs/${sim.orgId}/directories`,
  ];
}

async function measureSimulator(users: number | undefined): Promise<{ result: LoadResult; paths: number }> {
  const sim = await startSimulator({ rateLimits: false, ...(users ? { users } : {}) });
  try {
    // Some audit events so the events endpoint has pages to read.
    for (let i = 0; i < 200; i++) sim.state.record({ action: 'user_added_to_group', objects: [{ type: 'user', id: `bench-${i}` }] });
    const target = { port: sim.port, headers: { authorization: `Bearer ${sim.apiKey}` }, paths: getMix(sim) };
    await load(target, 0.5); // warm up (JIT, sockets)
    return { result: await load(target, SECONDS), paths: target.paths.length };
  } finally {
    await sim.close();
  }
}

function fmt(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

async function main(): Promise<void> {
  console.log(`Simulator benchmark: ${SECONDS}s per measurement, ${CONCURRENCY} concurrent keep-alive requests, node ${process.version}\n`);

  const raw = await rawServer();
  const rawTarget = { port: (raw.address() as AddressInfo).port, headers: {}, paths: ['/'] };
  await load(rawTarget, 0.5);
  const baseline = await load(rawTarget, SECONDS);
  await new Promise<void>((resolve) => raw.close(() => resolve()));
  console.log(`baseline  raw node http ({} 200):        ${fmt(baseline.perSecond)} req/s (${baseline.requests} requests)`);

  const demo = await measureSimulator(undefined);
  console.log(`simulator demo org, ${demo.paths}-GET mix:         ${fmt(demo.result.perSecond)} req/s (${demo.result.requests} requests, ${demo.result.failures} non-2xx)`);
  console.log(`  = ${fmt((100 * demo.result.perSecond) / baseline.perSecond, 1)}% of raw node http`);

  const started = performance.now();
  const state = createSimulatorState({ users: USERS });
  const generateSeconds = (performance.now() - started) / 1000;
  console.log(`\ngenerate a ${fmt(USERS)}-user org:          ${fmt(generateSeconds, 2)} s (${fmt(state.users.size)} users, ${fmt(state.groups.size)} groups)`);

  const big = await measureSimulator(USERS);
  console.log(`simulator ${fmt(USERS)}-user org, same mix:  ${fmt(big.result.perSecond)} req/s (${big.result.failures} non-2xx)`);
  console.log(`  = ${fmt((100 * big.result.perSecond) / baseline.perSecond, 1)}% of raw node http`);
  if (demo.result.failures || big.result.failures) process.exitCode = 1;
}

await main();
