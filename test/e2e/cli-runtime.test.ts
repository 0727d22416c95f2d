import { mkdtempSync, rmSync } from 'node:fs';
import { startRuntime, type RunningRuntime } from '../../local/runtime/start-runtime.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runScript, type CliResult } from './cli-harness.js';

/**
 * End to end: the `jml` execution commands against the durable local runtime (`npm start`),
 * started in-process with a manual clock so the leaver's 30-day grace period holds still.
 */

type LocalRuntime = RunningRuntime;

const LEAVER = 'linus.torvalds@acme.example'; // an ordinary member of the demo org
const NAME = 'e2e-leaver-HR-4711';

/**
 * Repeats a command until `done` holds: the runtime works through the leaver's Tasks in the
 * background. Bounded by attempts, not by time; the grace-period wait itself is on the manual clock.
 */
async function until(argv: () => string[], done: (result: CliResult) => boolean, attempts = 200): Promise<CliResult> {
  let result = await runCli(argv());
  for (let attempt = 1; attempt < attempts && !done(result); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    result = await runCli(argv());
  }
  return result;
}

describe(
  'jml execution commands against the local runtime',
  () => {
    let runtime: LocalRuntime;
    let dataDir: string;
    const on = () => ['--endpoint', runtime.endpoint];

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'jml-cli-runtime-'));
      runtime = await startRuntime({ port: 0, dataDir, clock: 'manual', log: () => {}, sweepSchedule: false });
    });
    afterAll(async () => {
      await runtime?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('starts a leaver, lists, describes and shows it waiting out the grace period, then stops it', async () => {
      // Act: start
      const started = await runCli(['start', 'leaver', '--input', JSON.stringify({ email: LEAVER, reason: 'HR-4711' }), '--name', NAME, '--json', ...on()]);

      // Assess
      expect(started.code).toBe(0);
      const { executionArn } = JSON.parse(started.stdout) as { executionArn: string };
      expect(executionArn).toBe(`arn:aws:states:us-east-1:000000000000:execution:jml-leaver:${NAME}`);

      // Act / Assess: it is listed as running
      const running = await runCli(['executions', '--status', 'RUNNING', '--json', ...on()]);
      expect(running.code).toBe(0);
      expect(JSON.parse(running.stdout)).toContainEqual(expect.objectContaining({ name: NAME, workflow: 'leaver', status: 'RUNNING' }));

      // Act / Assess: describe shows it running, once through its Tasks in the grace-period wait
      const described = await until(() => ['describe', NAME, '--json', ...on()], (result) => result.stdout.includes('"WaitGracePeriod"'));
      expect(described.code).toBe(0);
      expect(JSON.parse(described.stdout)).toMatchObject({ status: 'RUNNING', currentState: { name: 'WaitGracePeriod', type: 'Wait', waitingUntil: expect.any(String) } });

      // Act / Assess: history as a real process shows the states done and the wait with its end
      const history = await runScript('local/cli.ts', ['history', NAME, ...on()]);
      expect(history.code).toBe(0);
      expect(history.stdout).toMatch(/^SuspendUser +Task +succeeded /m);
      expect(history.stdout).toMatch(/^WaitGracePeriod +Wait +waiting until \d{4}-\d\d-\d\dT/m);

      // Act / Assess: stop
      const stopped = await runCli(['stop', NAME, '--cause', 'HR withdrew the termination', ...on()]);
      expect(stopped.code).toBe(0);
      expect(stopped.stdout).toMatch(/^stopped +e2e-leaver-HR-4711: ABORTED$/m);
      const after = await runCli(['describe', NAME, '--json', ...on()]);
      expect(after.code).toBe(1); // describe exits 1 for an execution that did not succeed
      expect(JSON.parse(after.stdout)).toMatchObject({ status: 'ABORTED' });
    });

    it('a second start of the same name and input says it is already running, with its ARN (Step Functions idempotency)', async () => {
      // Prepare
      const name = 'e2e-leaver-HR-4712';
      const argv = ['start', 'leaver', '--input', JSON.stringify({ email: 'margaret.hamilton@acme.example', reason: 'HR-4712' }), '--name', name, ...on()];
      const first = await runCli(argv);

      // Act
      const second = await runCli(argv);
      const asJson = await runCli([...argv, '--json']);

      // Assess
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^started +e2e-leaver-HR-4712 \(leaver\)$/m);
      const startedAt = /^at +(\S+)$/m.exec(first.stdout)?.[1];
      const executionArn = `arn:aws:states:us-east-1:000000000000:execution:jml-leaver:${name}`; // jml signs for us-east-1
      expect(second.code).toBe(0);
      expect(second.stdout).toBe(`${name} is already running since ${startedAt}: ${executionArn}\n`);
      expect(second.stdout).not.toMatch(/^started/m);
      expect(second.stderr).toContain('nothing new was started');
      expect(JSON.parse(asJson.stdout)).toMatchObject({ executionArn, alreadyRunning: true, startDate: startedAt });
      const listed = JSON.parse((await runCli(['executions', '--json', ...on()])).stdout) as Array<{ name: string }>;
      expect(listed.filter((execution) => execution.name === name)).toHaveLength(1);
    });

    it('refuses to start the same name again with another input', async () => {
      // Act
      const result = await runCli(['start', 'leaver', '--input', JSON.stringify({ email: LEAVER, reason: 'other' }), '--name', NAME, ...on()]);

      // Assess
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('names are unique for 90 days');
    });
  },
);
