/**
 * `npm run jml -- ...`: runs a joiner / mover / leaver workflow locally (see `--help`).
 * stdout carries only the output JSON: anything else that writes through the global console
 * (handler logs with --log-level) goes to stderr.
 */
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

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, readStdin });
