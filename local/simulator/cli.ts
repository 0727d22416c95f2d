import { runSimulatorCommand } from './cli/run-simulator-command.js';

/**
 * `npm run simulator -- [flags]` (`--help` lists them): starts the simulator on 127.0.0.1 and
 * runs until stopped (Ctrl-C). A bad flag is one line on stderr and exit code 2.
 */
// Before the banner is read: whoever waits for "Press Ctrl-C" may send SIGINT right away.
let stop: (() => void) | undefined;
let stopRequested = false;
const onSignal = () => (stop ? stop() : (stopRequested = true));
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

const outcome = await runSimulatorCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
if ('exitCode' in outcome) {
  process.exit(outcome.exitCode);
} else {
  const sim = outcome.running;
  stop = () => {
    sim.close().then(() => process.exit(0), () => process.exit(1));
  };
  if (stopRequested) stop();
}
