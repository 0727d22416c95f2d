import { runHrSimulatorCli } from './cli-main.js';

/** `npm run hr-simulator -- serve | change | send` (`--help` for the usage); the work is in cli-main.ts. */
process.exitCode = await runHrSimulatorCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
