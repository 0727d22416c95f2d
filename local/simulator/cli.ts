import { parseArgs } from 'node:util';
import { startSimulator } from './index.js';

/**
 * `npm run simulator -- [--port N] [--users N] [--seed S] [--api-key KEY] [--faults SPEC] [--time-scale X] [--no-rate-limits]`
 * Starts the simulator on 127.0.0.1 and runs until stopped (Ctrl-C).
 * Fault SPEC: rules separated by `;`, each `key=value,...[@pattern]`, keys rate5xx, rate429,
 * rate429NoRetryAfter, dropRate, latencyMs, retryAfterSeconds; pattern a glob over the path
 * under /admin (optionally preceded by a method) or `re:<regex>`; or a JSON array of rules.
 * Example: --faults 'rate5xx=0.1@POST /v2/**;latencyMs=50'
 */
const USAGE = `Usage: npm run simulator -- [--port N] [--users N] [--seed S] [--api-key KEY] [--faults SPEC] [--time-scale X] [--no-rate-limits]`;

function positiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number >= 0; got "${raw}".\n${USAGE}`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      users: { type: 'string' },
      seed: { type: 'string' },
      'api-key': { type: 'string' },
      faults: { type: 'string' },
      'time-scale': { type: 'string' },
      'no-rate-limits': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const timeScale = values['time-scale'] === undefined ? undefined : Number(values['time-scale']);
  if (timeScale !== undefined && !(timeScale >= 0)) throw new Error(`--time-scale must be a number >= 0; got "${values['time-scale']}".`);
  const started = performance.now();
  const sim = await startSimulator({
    port: positiveInt('port', values.port) ?? 0,
    users: positiveInt('users', values.users),
    seed: values.seed,
    apiKey: values['api-key'],
    faults: values.faults,
    timeScale,
    rateLimits: values['no-rate-limits'] ? false : undefined,
  });
  const summary = sim.control.summary();
  console.log(`Atlassian Admin API simulator ready in ${Math.round(performance.now() - started)} ms`);
  console.log(`  base URL      ${sim.baseUrl}`);
  console.log(`  org id        ${sim.orgId}`);
  console.log(`  directory id  ${sim.directoryId}`);
  console.log(`  API key       ${sim.apiKey}`);
  console.log(`  control       ${sim.controlUrl}  (GET for the list of control endpoints)`);
  console.log(`  users         ${summary.users.total} (${summary.users.active} active, ${summary.users.suspended} suspended), groups ${summary.groups}`);
  console.log(`  newman        --env-var protocol=http --env-var host=127.0.0.1:${sim.port} --env-var basePath=admin/ --env-var orgId=${sim.orgId} --env-var BEARER_TOKEN=${sim.apiKey}`);
  console.log('Press Ctrl-C to stop.');
  const stop = () => {
    sim.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(2);
});
