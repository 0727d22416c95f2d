import '../engine/polyfills.js';
import '../engine/process-defaults.js';
import { parseRuntimeCommandLine, runtimeUsage, RuntimeUsageError } from './runtime-options.js';
import { prepareDataFolder } from './store/data-folder.js';
import type { RunningRuntime } from './start-runtime.js';
import { RuntimeLog } from './runtime-log.js';

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
  // Text lines say where they come from; JSON lines are objects for a log collector, as they are.
  const prefix = command.options.logFormat === 'json' ? '' : 'jml runtime: ';
  const write = (line: string) => process.stderr.write(`${prefix}${line}\n`);
  const own = new RuntimeLog(write, command.options.logFormat);
  // The SDK (the hr-event workflow's StartExecution) warns on Node 20 about its releases of 2027, as jml knows.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  if (command.options.logFormat === 'json') {
    // Node prints process warnings as text lines; a JSON log takes them as objects instead.
    process.removeAllListeners('warning');
    process.on('warning', (warning) => own.message(`${warning.name}: ${warning.message}`, 'warn'));
  }
  let runtime: RunningRuntime;
  let banner: string;
  try {
    // Before the rest of the runtime loads: a data folder that cannot be used fails within a second.
    if (command.options.dataDir !== undefined) prepareDataFolder(command.options.dataDir, own.message);
    const [{ startRuntime }, { runtimeBanner }] = await Promise.all([import('./start-runtime.js'), import('./runtime-banner.js')]);
    runtime = await startRuntime({ ...command.options, log: write });
    banner = runtimeBanner(runtime);
  } catch (error) {
    own.message(`cannot start: ${(error as Error).message}`);
    return 1;
  }
  const running = runtime;
  const stopped = new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(130);
      stopping = true;
      own.message(`${signal}: stopping; running executions are kept for the next start`);
      running.close().then(() => resolve(0), (error: unknown) => {
        own.message(`error while stopping: ${(error as Error).message}`);
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
