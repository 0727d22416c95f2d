import '../engine/polyfills.js';
import '../engine/process-defaults.js';
import { runtimeBanner } from './runtime-banner.js';
import { parseRuntimeCommandLine, runtimeUsage, RuntimeUsageError } from './runtime-options.js';
import { startRuntime } from './start-runtime.js';

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
  let runtime;
  try {
    runtime = await startRuntime({ ...command.options, log: (line) => process.stderr.write(`jml runtime: ${line}\n`) });
  } catch (error) {
    process.stderr.write(`jml runtime: cannot start: ${(error as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`${runtimeBanner(runtime)}\n`);
  const running = runtime;
  return new Promise<number>((resolve) => {
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
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`jml runtime: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
