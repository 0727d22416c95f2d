import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { main } from '../../local/cli/main.js';

/**
 * process.env without the variables the engine sets for the handlers: earlier runs in this worker
 * must not leak an API, key or config into the next command line.
 */
function cleanEnv(overrides: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(ATLASSIAN_|JML_)/.test(name)));
  return { ...inherited, ...overrides };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `jml` in-process with captured streams (fast); `env` is merged over a clean copy of process.env.
 * `now` is the wall clock the CLI reads (a test that ages a remembered config check moves it).
 */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}, stdin = '', now?: () => number): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: cleanEnv(env),
    readStdin: async () => stdin,
    ...(now ? { now } : {}),
  });
  return { code, stdout, stderr };
}

/**
 * Runs a repository script as a real child process (`npx tsx <script> ...`). `stdin` is written
 * and closed (empty by default), as `cmd < file` or `cmd < /dev/null` would.
 */
export function runScript(script: string, argv: string[], env: NodeJS.ProcessEnv = {}, stdin = ''): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile('npx', ['tsx', script, ...argv], { cwd: fileURLToPath(new URL('../..', import.meta.url)), env: cleanEnv(env), timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }));
    child.stdin?.end(stdin);
  });
}

/** An HTTP server that answers every request with one status and counts the requests. */
export async function startCountingServer(status: number, body: unknown): Promise<{ url: string; requests: string[]; server: Server }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`, requests, server };
}
