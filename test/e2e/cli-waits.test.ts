import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSimulator, type RunningSimulator } from '../../local/simulator/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ALAN = 'alan.turing@acme.example';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ rateLimits: false });
});
afterAll(async () => {
  await sim.close();
});

describe('jml run with real waits (child process)', () => {
  it('says until when and why it waits, and Ctrl-C stops there with the record and no further change', async () => {
    // Prepare
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(ATLASSIAN_|JML_)/.test(name)));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'local/cli.ts', 'run', 'leaver', '--input', JSON.stringify({ email: ALAN }),
        '--api-url', sim.baseUrl, '--org-id', sim.orgId],
      { cwd: ROOT, env: { ...env, ATLASSIAN_API_KEY: sim.apiKey }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/Ctrl-C stops here/.test(stderr)) resolve();
      });
      child.on('exit', () => reject(new Error(`the CLI exited before waiting:\n${stderr}`)));
    });

    // Act
    child.kill('SIGINT');
    const code = await exited;

    // Assess
    expect(stderr).toMatch(/⏸ grace period: removal at \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z; Ctrl-C stops here, nothing further is changed/);
    const until = Date.parse(/removal at (\S+);/.exec(stderr)![1]);
    expect(until - Date.now()).toBeGreaterThan(29.9 * 86_400_000); // the example config's 30 days, not a shortcut
    expect(stderr).not.toContain('TimeoutOverflowWarning');
    expect(code).toBe(130);
    const result = JSON.parse(stdout) as { status: string; message: string; record: { results: Record<string, unknown> } };
    expect(result.status).toBe('ABORTED');
    expect(Object.keys(result.record.results)).toEqual(['suspend', 'groupRemovals']);
    expect(sim.state.findUserByEmail(ALAN)?.membershipStatus).toBe('suspended');
  }, 60_000);
});
