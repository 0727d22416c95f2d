import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Starts the CLI, waits for its banner, returns the printed lines and a stop function. */
function startCli(args: string[]): Promise<{ lines: Map<string, string>; output: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/simulator/cli.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('exit', (code) => reject(new Error(`CLI exited early (${code}): ${output}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Press Ctrl-C')) return;
      child.removeAllListeners('exit');
      const lines = new Map(output.split('\n').map((line) => line.trim().split(/\s{2,}/)).filter((parts) => parts.length >= 2).map((parts) => [parts[0], parts[1]] as [string, string]));
      resolve({
        lines, output,
        stop: () => new Promise((done) => { child.once('exit', (code) => done(code)); child.kill('SIGINT'); }),
      });
    });
  });
}

describe('npm run simulator (cli.ts)', () => {
  it('starts on 127.0.0.1, prints base URL, org id and API key, serves requests and stops cleanly', async () => {
    // Prepare
    const cli = await startCli(['--port', '0', '--users', '40', '--seed', 'clitest', '--api-key', 'cli-key', '--faults', 'rate5xx=1@**/groups/stats']);

    // Act
    const baseUrl = cli.lines.get('base URL')!;
    const orgId = cli.lines.get('org id')!;
    const count = await fetch(`${baseUrl}/v2/orgs/${orgId}/directories/${cli.lines.get('directory id')}/users/count`, { headers: { Authorization: 'Bearer cli-key' } });
    const faulty = await fetch(`${baseUrl}/v2/orgs/${orgId}/directories/${cli.lines.get('directory id')}/groups/stats`, { headers: { Authorization: 'Bearer cli-key' } });
    const body = await count.json();
    const exitCode = await cli.stop();

    // Assess
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/admin$/);
    expect(cli.lines.get('API key')).toBe('cli-key');
    expect(body).toEqual({ count: 40 });
    expect(faulty.status).toBeGreaterThanOrEqual(500);
    expect(exitCode).toBe(0);
  });

  it('refuses bad arguments with the usage line', async () => {
    // Act
    const attempt = startCli(['--users', 'many']).then(() => 'started', (error: Error) => error.message);

    // Assess
    expect(await attempt).toMatch(/--users must be a whole number[\s\S]*Usage: npm run simulator/);
  });
});
