import '../engine/polyfills.js';
import '../engine/process-defaults.js';
import { parseRuntimeCommandLine, runtimeUsage, RuntimeUsageError } from './runtime-options.js';
import { prepareDataFolder } from './store/data-folder.js';
import type { RunningRuntime } from './start-runtime.js';

/**
 * `npm start -- [options]`: the local runtime in the foreground. Exit 0 after a clean stop
 * (SIGINT/SIGTERM), 2 for a bad command line, 1 when it cannot start; a second Ctrl-C exits at once (130).
 */
async function main(): Promise<number> {
  let command;
  try {
    command = parseRuntimeCommandLine(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof RuntimeUsageError)) throw error;
    process.stderr.write(`jml runtime: ${error.message}. Run with --help for usage.\n`);
    return 2;
  }
  if (command.help) {
    process.stdout.write(runtimeUsage(process.env));
    return 0;
  }
  const log = (line: string) => process.stderr.write(`jml runtime: ${line}\n`);
  let runtime: RunningRuntime;
  let banner: string;
  try {
    // Before the rest of the runtime loads: a data folder that cannot be used fails within a second.
    if (command.options.dataDir !== undefined) prepareDataFolder(command.options.dataDir, log);
    const [{ startRuntime }, { runtimeBanner }] = await Promise.all([import('./start-runtime.js'), import('./runtime-banner.js')]);
    runtime = await startRuntime({ ...command.options, log });
    banner = runtimeBanner(runtime);
  } catch (error) {
    process.stderr.write(`jml runtime: cannot start: ${(error as Error).message}\n`);
    return 1;
  }
  const running = runtime;
  const stopped = new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(130);
      stopping = true;
      process.stderr.write(`jml runtime: ${signal}: stopping; running executions are kept for the next start\n`);
      running.close().then(() => resolve(0), (error: unknown) => {
        process.stderr.write(`jml runtime: error while stopping: ${(error as Error).message}\n`);
        resolve(1);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  // Printed once the signals are handled: whoever reads the banner may stop the runtime at once.
  process.stdout.write(`${banner}\n`);
  return stopped;
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`jml runtime: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
