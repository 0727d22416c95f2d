import { describe, expect, it } from 'vitest';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { LEAVER_ARN, expectRemovedOnceAfterGracePeriod, membershipOf, moveClock, sfnClient, useFreshOrgEachTest, type TestOrg } from './support/runtime-harness.js';
import { runRuntimeCommand, spawnRuntime, type RuntimeProcess } from './support/runtime-process.js';

const ALAN = 'alan.turing@acme.example';

describe('npm start as a process', () => {
  let org: TestOrg;
  let dataDir: string;
  const spawnOn = useFreshOrgEachTest<RuntimeProcess>(
    {
      start: (fresh) =>
        spawnRuntime(
          ['--port', '0', '--data', fresh.dataDir, '--clock', 'manual', '--sweep-schedule', 'off', '--api-url', fresh.org.api.baseUrl, '--org-id', fresh.org.api.orgId],
          { ATLASSIAN_API_KEY: fresh.org.api.apiKey },
        ),
      // A process still running when its test ends is killed outright.
      stop: async (runtime) => {
        if (runtime.child.exitCode === null && runtime.child.signalCode === null) {
          runtime.child.kill('SIGKILL');
          await runtime.exited;
        }
      },
    },
    (fresh) => ({ org, dataDir } = fresh),
  );

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

    // Assess
    expect(second.stdout()).toContain('resumed: 1 running execution(s), 1 of them in a Wait');
    // No HR secret in this environment: the banner says so per source, and what a delivery gets.
    expect(second.stdout()).toMatch(/^ {4}hibob: not configured: deliveries get 503; the HiBob webhook secret: set JML_HR_HIBOB_WEBHOOK_SECRET/m);
    await expectRemovedOnceAfterGracePeriod(org, second.endpoint, started.executionArn!, ALAN);
  });

  it('stops cleanly on SIGTERM (exit 0), and refuses a second runtime on the same data directory meanwhile', async () => {
    // Prepare
    const first = await spawnOn();

    // Act
    const second = await runRuntimeCommand(['--port', '0', '--data', dataDir]);
    first.child.kill('SIGTERM');

    // Assess
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/runtime\.sqlite is in use by another runtime: stop it, or give this one another --data directory/);
    expect(await first.exited).toBe(0);
    expect(first.stderr()).toContain('SIGTERM: stopping; running executions are kept for the next start');
  });

  it('--help lists which HR webhook sources this environment configures, naming variables, never values', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const help = await runRuntimeCommand(['--help'], { JML_HR_STANDARD_WEBHOOK_SECRET: secret });

    expect(help.code).toBe(0);
    expect(help.stdout).toContain('  standard: configured (JML_HR_STANDARD_WEBHOOK_SECRET)');
    expect(help.stdout).toMatch(/^ {2}bamboohr: not configured: deliveries get 503; .*set JML_HR_BAMBOOHR_WEBHOOK_KEY/m);
    expect(help.stdout).not.toContain(secret);
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
