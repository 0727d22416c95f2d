/**
 * `npm run jml -- ...`: runs a joiner / mover / leaver workflow locally (see `--help`).
 * stdout carries only the output JSON: anything else that writes through the global console
 * (handler logs with --log-level) goes to stderr.
 */
import './engine/process-defaults.js';
import { main } from './cli/main.js';

for (const method of ['log', 'info', 'debug', 'warn', 'trace'] as const) {
  console[method] = (...args: unknown[]) => console.error(...args);
}

async function readStdin(): Promise<string> {
  // A terminal means nothing was piped in: say so at once instead of waiting for Ctrl-D.
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// First Ctrl-C: stop the run cleanly (the engine makes no further call); a second one exits at once.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  process.stderr.write('\n  Ctrl-C: stopping; nothing further is changed (press again to exit at once)\n');
  interrupt.abort();
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  readStdin,
  signal: interrupt.signal,
});
// A stopped run may leave an in-flight request's socket open: do not wait for it.
if (interrupt.signal.aborted) process.exit();
