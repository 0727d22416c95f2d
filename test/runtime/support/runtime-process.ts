import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Every runtime child of this test file: whatever a failed or timed-out test left running is killed
 * when the file ends (and, failing that, when the worker exits), never left behind as an orphan.
 */
const children = new Set<ChildProcess>();
const killLeftovers = () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
};
afterAll(killLeftovers);
process.once('exit', killLeftovers);
function track<T extends ChildProcess>(child: T): T {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export interface RuntimeProcess {
  child: ChildProcess;
  endpoint: string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/**
 * `npm start` as a real process: node itself with tsx's loader (no npm/npx wrapper in between,
 * so a signal reaches the runtime). Resolves once it prints its endpoint.
 */
export function spawnRuntime(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RuntimeProcess> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(ATLASSIAN_|JML_)/.test(name)));
  const child = track(spawn(process.execPath, ['--import', 'tsx', 'local/runtime/cli.ts', ...args], { cwd: REPO, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const endpoint = /Step Functions API \(AWS JSON 1\.0\) at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (endpoint) resolve({ child, endpoint, stdout: () => stdout, stderr: () => stderr, exited });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    void exited.then((code) => reject(new Error(`the runtime exited (${code}) before serving:\n${stderr}`)));
  });
}

/** Runs the runtime's command line to completion (for option errors and --help). */
export async function runRuntimeCommand(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(ATLASSIAN_|JML_)/.test(name)));
  const child = track(spawn(process.execPath, ['--import', 'tsx', 'local/runtime/cli.ts', ...args], { cwd: REPO, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | string>((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? signal ?? 'unknown')));
  return { code, stdout, stderr };
}
