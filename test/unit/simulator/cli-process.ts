import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runSimulatorCommand } from '../../../local/simulator/cli/run-simulator-command.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = ['--import', 'tsx', 'local/simulator/cli.ts'];

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the simulator's command in this process (the same code `npm run simulator` runs, without a
 * process start per case); a simulator it starts is closed again at once.
 */
export async function runSimulatorCommandHere(args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const outcome = await runSimulatorCommand(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  if ('running' in outcome) {
    await outcome.running.close();
    return { code: 0, stdout, stderr };
  }
  return { code: outcome.exitCode, stdout, stderr };
}

/** Runs `npm run simulator -- <args>` as a real child process that is expected to exit (bad flags, --help). */
export function runSimulatorCli(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...CLI, ...args], { cwd: repoRoot, timeout: 15_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }));
  });
}

export interface StartedCli {
  /** Banner lines by label: `base URL`, `org id`, `directory id`, `API key`, ... */
  lines: Map<string, string>;
  stdout: string;
  stderr: string;
  stop: () => Promise<number | null>;
}

/** Starts the simulator CLI, waits for its banner, returns the printed lines and a stop function. */
export function startSimulatorCli(args: string[]): Promise<StartedCli> {
  const child = spawn(process.execPath, [...CLI, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('exit', (code) => reject(new Error(`CLI exited early (${code}): ${stdout}${stderr}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!stdout.includes('Press Ctrl-C')) return;
      child.removeAllListeners('exit');
      const lines = new Map(stdout.split('\n').map((line) => line.trim().split(/\s{2,}/)).filter((parts) => parts.length >= 2).map((parts) => [parts[0], parts[1]] as [string, string]));
      resolve({
        lines, stdout, stderr,
        stop: () => new Promise((done) => { child.once('exit', (code) => done(code)); child.kill('SIGINT'); }),
      });
    });
  });
}
