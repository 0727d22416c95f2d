/**
 * Leaver burst benchmark (`npx tsx bench/leaver-burst.bench.ts`): N leavers started at once in one
 * process against a rate-limited simulator whose clock runs TIME_SCALE times faster (the workflows'
 * Retry pauses are scaled by the same factor, nothing else is shortened but the grace period). Three
 * setups, measured in the same run on fresh orgs:
 *   before  the previous Retry (RateLimited and Transient together: 2 s x2, 5 attempts, cap 30 s), no pacer
 *   retry   the current Retry (RateLimited on its own: 10 s x2, 10 attempts, cap 120 s), no pacer (AWS: one process per Lambda)
 *   paced   the current Retry plus one shared pacer for the org (the local runtime)
 * and prints, per setup, FAILED executions, users left half-done, RateLimited retries, state transitions
 * and the wall time as a ratio to `before`.
 *
 * Env: BENCH_LEAVERS (default 200), BENCH_TIME_SCALE (default 5), BENCH_LIMIT (requests per simulated
 * minute, default 1200, i.e. 100 per real second at scale 5).
 */
import { performance } from 'node:perf_hooks';
import type { AslStateMachine } from '../local/engine/asl-types.js';
import { forEachState } from '../local/engine/asl-types.js';
import { runWorkflow } from '../local/engine/run-workflow.js';
import { loadWorkflowDefinition } from '../local/engine/workflow-definition.js';
import { startSimulator } from '../local/simulator/index.js';

const LEAVERS = Number(process.env.BENCH_LEAVERS ?? 200);
const TIME_SCALE = Number(process.env.BENCH_TIME_SCALE ?? 5);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 1200);

const PREVIOUS_RETRY = [
  { ErrorEquals: ['Atlassian.RateLimited', 'Atlassian.Transient'], IntervalSeconds: 2, BackoffRate: 2, MaxAttempts: 5, MaxDelaySeconds: 30, JitterStrategy: 'FULL' },
];

interface Setup { name: string; definition: AslStateMachine; paced: boolean }
interface Result { name: string; failed: number; errors: string; halfDone: number; removed: number; rateLimitedRetries: number; transitions: number; seconds: number }

function withPreviousRetry(definition: AslStateMachine): AslStateMachine {
  const copy = structuredClone(definition);
  forEachState(copy, (_name, state) => {
    if (state.Type === 'Task') (state as Record<string, unknown>).Retry = structuredClone(PREVIOUS_RETRY);
  });
  return copy;
}

async function measure(setup: Setup): Promise<Result> {
  // A fresh org per setup (own org id), so the daily leaver budget of one setup does not brake the next.
  const sim = await startSimulator({ seed: `burst-${setup.name}`, users: LEAVERS + 60, timeScale: TIME_SCALE, rateLimits: { default: LIMIT } });
  try {
    const people = [...sim.state.users.values()].filter((u) => u.membershipStatus === 'active' && u.platformRoles.size === 0).slice(-LEAVERS);
    const config = { accessRules: [{ id: 'everyone', grant: { groups: ['confluence-users'] } }], limits: { maxLeaversPerDay: LEAVERS } };
    const started = performance.now();
    const runs = await Promise.all(
      people.map((person) =>
        runWorkflow({
          workflow: 'leaver',
          definition: setup.definition,
          input: { email: person.email },
          api: { baseUrl: sim.baseUrl, apiKey: sim.apiKey, orgId: sim.orgId, ...(setup.paced ? { requestsPerMinute: LIMIT * TIME_SCALE } : {}) },
          config,
          shortenWaits: true,
          shortenRetries: false,
          retryTimeScale: TIME_SCALE,
          httpMaxAttempts: 1,
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const status = (accountId: string) => sim.state.users.get(accountId)?.membershipStatus;
    return {
      name: setup.name,
      failed: runs.filter((run) => run.status !== 'SUCCEEDED').length,
      errors: [...new Set(runs.filter((run) => run.status !== 'SUCCEEDED').map((run) => run.error))].join(', '),
      halfDone: people.filter((person) => status(person.accountId) === 'suspended').length,
      removed: people.filter((person) => status(person.accountId) === 'no_membership').length,
      rateLimitedRetries: runs.flatMap((run) => run.trace).filter((e) => e.kind === 'StateRetried' && e.error === 'Atlassian.RateLimited').length,
      transitions: runs.reduce((sum, run) => sum + run.transitions, 0),
      seconds,
    };
  } finally {
    await sim.close();
  }
}

const current = await loadWorkflowDefinition('leaver');
const setups: Setup[] = [
  { name: 'before', definition: withPreviousRetry(current), paced: false },
  { name: 'retry', definition: current, paced: false },
  { name: 'paced', definition: current, paced: true },
];
console.log(`${LEAVERS} leavers at once; limit ${LIMIT}/simulated minute, time scale ${TIME_SCALE} (${Math.round((LIMIT * TIME_SCALE) / 60)} requests per real second)`);
const results: Result[] = [];
for (const setup of setups) results.push(await measure(setup));
const baseline = results[0].seconds;
for (const r of results) {
  console.log(
    `${r.name.padEnd(7)} FAILED ${String(r.failed).padStart(4)}  suspended half-done ${String(r.halfDone).padStart(4)}  removed ${String(r.removed).padStart(4)}/${LEAVERS}` +
      `  RateLimited retries ${String(r.rateLimitedRetries).padStart(5)}  transitions ${r.transitions}  time ${r.seconds.toFixed(1)} s = x${(r.seconds / baseline).toFixed(2)} of before` +
      (r.errors ? `  (${r.errors})` : ''),
  );
}
