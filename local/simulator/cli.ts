import type { RunningSimulator, SimulatorOptions } from './index.js';
import { LARGE_ORG_USERS } from './cli/flags.js';
import { helpText } from './cli/help.js';
import { parseSimulatorFlags } from './cli/parse-flags.js';
import { UsageError } from './cli/usage-error.js';

/**
 * `npm run simulator -- [flags]` (`--help` lists them): starts the simulator on 127.0.0.1 and
 * runs until stopped (Ctrl-C). A bad flag is one line on stderr and exit code 2.
 */
async function main(argv: string[]): Promise<void> {
  const flags = parseSimulatorFlags(argv);
  if (flags === 'help') {
    console.log(helpText());
    return;
  }
  const started = performance.now();
  const sim = await listen({
    ...flags,
    onProgress: (flags.users ?? 0) >= LARGE_ORG_USERS
      ? (done, total) => process.stderr.write(`generating users: ${done} of ${total} (${Math.round((done / total) * 100)}%)\n`)
      : undefined,
  });
  // Before the banner: whoever waits for "Press Ctrl-C" may send SIGINT right away.
  const stop = () => {
    sim.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
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
}

/** Starts the simulator; a port that cannot be had is the `--port` flag's fault, so say so. */
async function listen(options: SimulatorOptions & { port: number }): Promise<RunningSimulator> {
  // Loaded only once the flags are good: a bad flag answers without loading every route.
  const { startSimulator } = await import('./index.js');
  try {
    return await startSimulator(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`--port ${options.port} is already in use; pick another port between 1024 and 65535, or 0 for a free one.`);
    if (code === 'EACCES') throw new UsageError(`--port ${options.port} needs privileges this user lacks (ports below 1024 usually do); pick one between 1024 and 65535, or 0 for a free one.`);
    throw error;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : `The simulator failed to start: ${(error as Error).message}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
