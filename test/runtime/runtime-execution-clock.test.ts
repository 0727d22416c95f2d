import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DescribeExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { RunningRuntime } from '../../local/runtime/start-runtime.js';
import {
  DAY, EXAMPLE_CONFIG, LEAVER_ARN, moveClock, sfnClient, startTestRuntime, useFreshOrgEachTest,
} from './support/runtime-harness.js';

const SWEEP_ARN = LEAVER_ARN.replace('jml-leaver', 'jml-sweep');
const utcDay = (iso: string) => iso.slice(0, 10);

/** The example config with at most one leaver a day, written into the (temporary) data folder. */
function configWithOneLeaverADay(dataDir: string): string {
  const file = join(dataDir, 'one-leaver-a-day.yaml');
  writeFileSync(file, readFileSync(EXAMPLE_CONFIG, 'utf8').replace(/maxLeaversPerDay: \d+/, 'maxLeaversPerDay: 1'));
  return file;
}

describe('runtime: handlers date what they do by the execution clock, not the wall clock', () => {
  let dataDir = '';
  const start = useFreshOrgEachTest<RunningRuntime>(
    { start: (fresh) => startTestRuntime(fresh.org, fresh.dataDir, { configFile: configWithOneLeaverADay(fresh.dataDir) }), stop: (runtime) => runtime.close() },
    (fresh) => ({ dataDir } = fresh),
  );

  it('the leaver brake counts the day of the runtime clock: after its midnight a new day begins', async () => {
    // Prepare: one leaver uses the day's budget of 1
    const runtime = await start();
    const client = sfnClient(runtime.endpoint);
    const startLeaver = async (name: string, email: string) => {
      const started = await client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name, input: JSON.stringify({ email, graceDays: 0 }) }));
      await moveClock(runtime.endpoint);
      return client.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    };
    const first = await startLeaver('leaver-alan', 'alan.turing@acme.example');
    expect(first.status).toBe('SUCCEEDED');
    const refused = await startLeaver('leaver-dennis', 'dennis.ritchie@acme.example');
    expect(refused.error).toBe('Jml.BlastRadiusExceeded');

    // Act: the runtime's clock moves to the next UTC day (the wall clock does not)
    const moved = await moveClock(runtime.endpoint, { advanceMs: DAY });
    const next = await startLeaver('leaver-margaret', 'margaret.hamilton@acme.example');

    // Assess
    expect(next.status).toBe('SUCCEEDED');
    const budget = (JSON.parse(next.output ?? '{}') as { changeBudget?: { day: string; used: number } }).changeBudget;
    expect(budget).toMatchObject({ day: utcDay(moved.now), used: 1 });
    expect(utcDay(moved.now)).not.toBe(utcDay(new Date().toISOString()));
  });

  it('a sweep run 40 days later on the runtime clock files its report under that day', async () => {
    const runtime = await start();
    const client = sfnClient(runtime.endpoint);
    const moved = await moveClock(runtime.endpoint, { advanceMs: 40 * DAY });

    const started = await client.send(new StartExecutionCommand({ stateMachineArn: SWEEP_ARN, name: 'sweep-later', input: JSON.stringify({ dryRun: true }) }));
    await moveClock(runtime.endpoint);
    const done = await client.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));

    expect(done.status).toBe('SUCCEEDED');
    const output = done.output ?? '';
    expect(output).toContain(join(dataDir, 'reports', 'sweep', utcDay(moved.now)));
    expect(output).not.toContain(`/sweep/${utcDay(new Date().toISOString())}/`);
  });
});
