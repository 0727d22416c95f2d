import { describe, expect, it, vi } from 'vitest';
import { ListExecutionsCommand, StartExecutionCommand, StopExecutionCommand, type SFNServiceException } from '@aws-sdk/client-sfn';
import type { RunningRuntime } from '../../local/runtime/start-runtime.js';
import {
  DAY, LEAVER_ARN, REMOVE_USER, fullHistory, membershipOf, moveClock, sfnClient, startTestRuntime, statusOf, useFreshOrgEachTest, type TestOrg,
} from './support/runtime-harness.js';

const ALAN = 'alan.turing@acme.example';
const ADA = 'ada.lovelace@acme.example';
const GRACE = 'grace.hopper@acme.example';

/** A StartExecution answer as the SDK raises it. */
async function refusalOf(promise: Promise<unknown>): Promise<{ name: string; status?: number; message: string }> {
  const error = (await promise.then(() => undefined, (thrown: unknown) => thrown)) as SFNServiceException | undefined;
  if (!error) throw new Error('expected the call to be refused');
  return { name: error.name, status: error.$metadata?.httpStatusCode, message: error.message };
}

describe('runtime: a full data folder (SQLITE_FULL)', () => {
  let org: TestOrg;
  let dataDir: string;
  const lines: string[] = [];
  const start = useFreshOrgEachTest<RunningRuntime>(
    {
      start: (fresh) => startTestRuntime(fresh.org, fresh.dataDir, { log: (line) => lines.push(line), spaceCheckIntervalMs: 20 }),
      stop: (runtime) => runtime.close(),
    },
    (fresh) => {
      ({ org, dataDir } = fresh);
      lines.length = 0;
    },
  );
  const leaver = (name: string, email: string, padding = '') =>
    new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name, input: JSON.stringify({ email, ...(padding ? { note: padding } : {}) }) });

  it('keeps serving: StartExecution answers 503 naming the folder, running executions pause where they were, and all continue once there is room', async () => {
    // Prepare: one leaver waits in its grace period; another is in the middle of its suspend call
    const runtime = await start();
    const client = sfnClient(runtime.endpoint);
    const waiting = await client.send(leaver('leaver-alan', ALAN));
    await moveClock(runtime.endpoint);
    const suspend = org.proxy.holdNext(/^POST .*\/suspend$/);
    const busy = await client.send(leaver('leaver-ada', ADA));
    await suspend.arrived;
    const waitingEvents = (await fullHistory(client, waiting.executionArn!)).length;

    // Act: the disk fills up (the store may not grow), then the suspend call returns and the grace period ends
    runtime.store.capSizeForTests(runtime.store.pageCount());
    const refused = await refusalOf(client.send(leaver('leaver-grace', GRACE, 'x'.repeat(200_000))));
    const refusedSmall = await refusalOf(client.send(leaver('leaver-grace-2', GRACE)));
    suspend.release();
    await suspend.completed;
    await moveClock(runtime.endpoint, { advanceMs: 31 * DAY });

    // Assess: refused before anything was acknowledged, named, logged once; reads still answer
    expect(refused).toMatchObject({ name: 'ServiceUnavailable', status: 503 });
    expect(refused.message).toContain(`The data folder ${dataDir} is full (SQLITE_FULL): free space there.`);
    expect(refusedSmall).toMatchObject({ name: 'ServiceUnavailable', status: 503 });
    expect(lines.filter((line) => line.includes('is full'))).toHaveLength(1);
    const listed = await client.send(new ListExecutionsCommand({ stateMachineArn: LEAVER_ARN }));
    expect(listed.executions?.map((execution) => execution.name).sort()).toEqual(['leaver-ada', 'leaver-alan']);
    // Both stay RUNNING as they were recorded: nothing failed, nobody was removed
    expect(await statusOf(client, waiting.executionArn!)).toBe('RUNNING');
    expect(await statusOf(client, busy.executionArn!)).toBe('RUNNING');
    expect((await fullHistory(client, waiting.executionArn!)).length).toBe(waitingEvents);
    expect(org.proxy.count('DELETE', REMOVE_USER)).toBe(0);
    expect(runtime.executor.pausedExecutions().sort()).toEqual([busy.executionArn, waiting.executionArn].sort());

    // Act: space is back; the next start goes through
    runtime.store.capSizeForTests(undefined);
    const accepted = await client.send(leaver('leaver-grace-3', GRACE));
    await moveClock(runtime.endpoint);

    // Assess: the paused ones continued from their last recorded step; the one waiting is removed exactly once
    expect(accepted.executionArn).toMatch(/leaver-grace-3$/);
    expect(await statusOf(client, waiting.executionArn!)).toBe('SUCCEEDED');
    expect(org.proxy.count('DELETE', REMOVE_USER)).toBe(1);
    expect(membershipOf(org, ALAN)).toBe('no_membership');
    expect(await statusOf(client, busy.executionArn!)).toBe('RUNNING'); // now in its own grace period
    expect(membershipOf(org, ADA)).toBe('suspended');
    const history = await fullHistory(client, waiting.executionArn!);
    expect(history.map((event) => event.id)).toEqual(history.map((_, index) => index + 1));
    expect(lines.filter((line) => line.includes('takes writes again'))).toHaveLength(1);
    expect(lines.some((line) => /^2 execution\(s\) paused for lack of room/.test(line))).toBe(true);
  });

  it('a StopExecution that cannot be recorded is refused (503) and the execution stays RUNNING', async () => {
    // Prepare
    const runtime = await start();
    const client = sfnClient(runtime.endpoint);
    const started = await client.send(leaver('leaver-alan-stop', ALAN));
    await moveClock(runtime.endpoint);
    runtime.store.capSizeForTests(runtime.store.pageCount());
    await refusalOf(client.send(leaver('leaver-big', GRACE, 'x'.repeat(200_000))));

    // Act
    const refused = await refusalOf(client.send(new StopExecutionCommand({ executionArn: started.executionArn, cause: 'withdrawn' })));

    // Assess
    expect(refused).toMatchObject({ name: 'ServiceUnavailable', status: 503 });
    expect(await statusOf(client, started.executionArn!)).toBe('RUNNING');
  });

  it('with no request coming in, the runtime notices by itself that there is room again', async () => {
    // Prepare: a leaver paused by a full disk when its grace period ended
    const runtime = await start();
    const client = sfnClient(runtime.endpoint);
    const started = await client.send(leaver('leaver-alan-watch', ALAN));
    await moveClock(runtime.endpoint);
    runtime.store.capSizeForTests(runtime.store.pageCount());
    await refusalOf(client.send(leaver('leaver-big', GRACE, 'x'.repeat(200_000))));
    await moveClock(runtime.endpoint, { advanceMs: 31 * DAY });
    expect(runtime.executor.pausedExecutions()).toEqual([started.executionArn]);

    // Act: room comes back; nobody calls the API
    runtime.store.capSizeForTests(undefined);

    // Assess: the space check (every 20 ms here) reopens writes and the leaver finishes
    await vi.waitFor(() => expect(lines.some((line) => line.includes('takes writes again'))).toBe(true), { timeout: 5_000 });
    await moveClock(runtime.endpoint);
    expect(await statusOf(client, started.executionArn!)).toBe('SUCCEEDED');
    expect(org.proxy.count('DELETE', REMOVE_USER)).toBe(1);
  });
});
