import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DescribeExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { DAY, LEAVER_ARN, MINUTE, membershipOf, moveClock, sfnClient, startTestOrg, statusOf, tempDataDir, type TestOrg } from './support/runtime-harness.js';
import { runRuntimeCommand, spawnRuntime, type RuntimeProcess } from './support/runtime-process.js';

const ALAN = 'alan.turing@acme.example';
const REMOVE_USER = /^DELETE \/admin\/v2\/orgs\/[^/]+\/directories\/[^/]+\/users\/[^/]+$/;

describe('npm start as a process', () => {
  let org: TestOrg;
  let data: ReturnType<typeof tempDataDir>;
  const processes: RuntimeProcess[] = [];
  const spawnOn = async () => {
    const runtime = await spawnRuntime(
      ['--port', '0', '--data', data.dir, '--clock', 'manual', '--sweep-schedule', 'off', '--api-url', org.api.baseUrl, '--org-id', org.api.orgId],
      { ATLASSIAN_API_KEY: org.api.apiKey },
    );
    processes.push(runtime);
    return runtime;
  };

  beforeEach(async () => {
    org = await startTestOrg();
    data = tempDataDir();
  });
  afterEach(async () => {
    for (const runtime of processes.splice(0)) {
      if (runtime.child.exitCode === null && runtime.child.signalCode === null) {
        runtime.child.kill('SIGKILL');
        await runtime.exited;
      }
    }
    await org.close();
    data.remove();
  });

  it('killed with SIGKILL while a leaver waits in its grace period, it continues after a restart and removes the user exactly once', async () => {
    // Prepare
    const first = await spawnOn();
    const client = sfnClient(first.endpoint);
    const started = await client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name: 'leaver-alan-kill', input: JSON.stringify({ email: ALAN }) }));
    await moveClock(first.endpoint);
    expect(membershipOf(org, ALAN)).toBe('suspended');

    // Act: no chance to clean up
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const second = await spawnOn();
    const again = sfnClient(second.endpoint);

    // Assess
    expect(second.stdout()).toContain('resumed: 1 running execution(s), 1 of them in a Wait');
    await moveClock(second.endpoint, { advanceMs: 30 * DAY - MINUTE });
    expect(await statusOf(again, started.executionArn!)).toBe('RUNNING');
    expect(org.proxy.count('DELETE', REMOVE_USER)).toBe(0);
    await moveClock(second.endpoint, { advanceMs: 2 * MINUTE });
    const done = await again.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    expect(done.status).toBe('SUCCEEDED');
    expect(org.proxy.count('DELETE', REMOVE_USER)).toBe(1);
    expect(membershipOf(org, ALAN)).toBe('no_membership');
  });

  it('stops cleanly on SIGTERM (exit 0), and refuses a second runtime on the same data directory meanwhile', async () => {
    // Prepare
    const first = await spawnOn();

    // Act
    const second = await runRuntimeCommand(['--port', '0', '--data', data.dir]);
    first.child.kill('SIGTERM');

    // Assess
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/runtime\.sqlite is in use by another runtime: stop it, or give this one another --data directory/);
    expect(await first.exited).toBe(0);
    expect(first.stderr()).toContain('SIGTERM: stopping; running executions are kept for the next start');
  });

  it('refuses bad flags with one line and exit 2, before starting anything', async () => {
    // Act
    const results = await Promise.all([
      runRuntimeCommand(['--port', 'eighty']),
      runRuntimeCommand(['--api-url', 'https://api.atlassian.com/admin', '--org-id', 'o-1']),
      runRuntimeCommand(['--clock', 'fast']),
    ]);

    // Assess
    expect(results.map((result) => result.code)).toEqual([2, 2, 2]);
    expect(results.map((result) => result.stderr.trim())).toEqual([
      'jml runtime: --port must be a whole number from 0 to 65535, not "eighty". Run with --help for usage.',
      'jml runtime: --api-url needs the org API key in the ATLASSIAN_API_KEY environment variable. Run with --help for usage.',
      'jml runtime: --clock must be system or manual, not "fast". Run with --help for usage.',
    ]);
  });
});
