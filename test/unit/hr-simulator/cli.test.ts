import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useReceiver } from '../triggers/support/receiver-harness.js';

const run = promisify(execFile);
const CLI = new URL('../../../local/hr-simulator/cli.ts', import.meta.url).pathname;
const TSX = new URL('../../../node_modules/.bin/tsx', import.meta.url).pathname;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], { env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run hr-simulator -- send', () => {
  const receiver = useReceiver();

  it('sends a correctly signed HiBob employee.left to the receiver (202) and a broken one (401)', async () => {
    // Act
    const good = await cli(['send', 'hibob', 'employee.left', '--to', receiver.url(), '--employee', 'alan.turing@acme.example']);
    const broken = await cli(['send', 'bamboohr', 'employee.updated', '--changed', 'status', '--to', receiver.url(), '--employee', 'alan.turing@acme.example', '--break', 'wrong-signature']);

    // Assess
    expect(good).toMatchObject({ code: 0, stdout: expect.stringMatching(/^202 \{"status":"accepted"/) });
    expect(broken).toMatchObject({ code: 1, stdout: expect.stringMatching(/^401 \{"error":"invalid_signature"/) });
    expect(receiver.starts()).toHaveLength(1);
  }, 60_000);

  it('says what is wrong with a command line (exit 2)', async () => {
    const result = await cli(['send', 'workday', 'hire', '--to', receiver.url()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('send needs <source> (bamboohr, hibob, standard)');
  }, 60_000);
});
