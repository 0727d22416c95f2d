import type { RunningSimulator, SimulatorOptions } from '../index.js';
import { LARGE_ORG_USERS } from './flags.js';
import { helpText } from './help.js';
import { parseSimulatorFlags } from './parse-flags.js';
import { UsageError } from './usage-error.js';

/** Where the command writes: lines on stdout (help, banner) and stderr (progress, errors). */
export interface SimulatorCliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The command ended (help, a bad flag: exit code 2; a failed start: 1), or a simulator now runs. */
export type SimulatorCommandOutcome = { exitCode: number } | { running: RunningSimulator };

/**
 * `npm run simulator -- [flags]` without the process around it, so tests run it in-process:
 * checks the flags, prints help or starts the simulator and its banner. A bad flag is one line on
 * stderr and exit code 2.
 */
export async function runSimulatorCommand(argv: string[], io: SimulatorCliIo): Promise<SimulatorCommandOutcome> {
  try {
    const flags = parseSimulatorFlags(argv);
    if (flags === 'help') {
      io.stdout(`${helpText()}\n`);
      return { exitCode: 0 };
    }
    const started = performance.now();
    const sim = await listen({
      ...flags,
      onProgress: (flags.users ?? 0) >= LARGE_ORG_USERS
        ? (done, total) => io.stderr(`generating users: ${done} of ${total} (${Math.round((done / total) * 100)}%)\n`)
        : undefined,
    });
    io.stdout(banner(sim, performance.now() - started));
    return { running: sim };
  } catch (error) {
    io.stderr(`${error instanceof UsageError ? error.message : `The simulator failed to start: ${(error as Error).message}`}\n`);
    return { exitCode: error instanceof UsageError ? 2 : 1 };
  }
}

function banner(sim: RunningSimulator, elapsedMs: number): string {
  const summary = sim.control.summary();
  return [
    `Atlassian Admin API simulator ready in ${Math.round(elapsedMs)} ms`,
    `  base URL      ${sim.baseUrl}`,
    `  org id        ${sim.orgId}`,
    `  directory id  ${sim.directoryId}`,
    `  API key       ${sim.apiKey}`,
    `  control       ${sim.controlUrl}  (GET for the list of control endpoints)`,
    `  users         ${summary.users.total} (${summary.users.active} active, ${summary.users.suspended} suspended), groups ${summary.groups}`,
    `  newman        --env-var protocol=http --env-var host=127.0.0.1:${sim.port} --env-var basePath=admin/ --env-var orgId=${sim.orgId} --env-var BEARER_TOKEN=${sim.apiKey}`,
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

/** Starts the simulator; a port that cannot be had is the `--port` flag's fault, so say so. */
async function listen(options: SimulatorOptions & { port: number }): Promise<RunningSimulator> {
  // Loaded only once the flags are good: a bad flag answers without loading every route.
  const { startSimulator } = await import('../index.js');
  try {
    return await startSimulator(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`--port ${options.port} is already in use; pick another port between 1024 and 65535, or 0 for a free one.`);
    if (code === 'EACCES') throw new UsageError(`--port ${options.port} needs privileges this user lacks (ports below 1024 usually do); pick one between 1024 and 65535, or 0 for a free one.`);
    throw error;
  }
}
