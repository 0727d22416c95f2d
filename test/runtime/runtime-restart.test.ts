import { describe, expect, it } from 'vitest';
import { DescribeExecutionCommand, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import type { RunningRuntime } from '../../local/runtime/start-runtime.js';
import {
  DAY, LEAVER_ARN, REMOVE_USER, expectRemovedOnceAfterGracePeriod, fullHistory, membershipOf, moveClock, sfnClient, startTestRuntime, statesEnteredIn, statusOf,
  useFreshOrgEachTest, type TestOrg,
} from './support/runtime-harness.js';

const ALAN = 'alan.turing@acme.example'; // active, three managed groups

describe('runtime: executions survive a restart', () => {
  let org: TestOrg;
  const start = useFreshOrgEachTest<RunningRuntime>(
    { start: (fresh) => startTestRuntime(fresh.org, fresh.dataDir), stop: (runtime) => runtime.close() },
    (fresh) => ({ org } = fresh),
  );
  /** Starts a leaver for Alan whose suspend call the proxy holds; returns once that call has arrived. */
  const startLeaverHeldAtSuspend = async (runtime: RunningRuntime, name: string) => {
    const client = sfnClient(runtime.endpoint);
    const suspend = org.proxy.holdNext(/^POST .*\/suspend$/);
    const started = await client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name, input: JSON.stringify({ email: ALAN }) }));
    await suspend.arrived;
    return { client, suspend, started };
  };

  it('a leaver returns at once RUNNING, is suspended, waits out its grace period across a restart and is removed once, only then', async () => {
    // Prepare
    const first = await start();
    const client = sfnClient(first.endpoint);

    // Act: start the leaver (default 30-day grace period)
    const started = await client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name: 'leaver-alan-HR-1', input: JSON.stringify({ email: ALAN }) }));

    // Assess: it answers at once with a RUNNING execution, which then suspends and waits
    expect(await statusOf(client, started.executionArn!)).toBe('RUNNING');
    const waiting = await moveClock(first.endpoint);
    expect(waiting.pendingDeadlines).toHaveLength(1);
    expect(Date.parse(waiting.pendingDeadlines[0]!) - Date.parse(waiting.now)).toBeGreaterThanOrEqual(30 * DAY);
    expect(membershipOf(org, ALAN)).toBe('suspended');
    expect(org.proxy.count('DELETE', REMOVE_USER)).toBe(0);

    // Act: stop the process, start another on the same data
    await first.close();
    const second = await start();
    const again = sfnClient(second.endpoint);

    // Assess: it found the waiting execution and continues it
    expect(second.resumed).toEqual({ running: 1, waiting: 1 });
    const done = await expectRemovedOnceAfterGracePeriod(org, second.endpoint, started.executionArn!, ALAN);
    expect(done.startDate).toEqual(started.startDate);

    // The history reads as one execution: every step once, ids without gaps
    const events = await fullHistory(again, started.executionArn!);
    expect(events.map((event) => event.id)).toEqual(events.map((_, index) => index + 1));
    expect(events.filter((event) => event.type === 'ExecutionStarted')).toHaveLength(1);
    const entered = statesEnteredIn(events);
    expect(entered.filter((name) => name === 'SuspendUser')).toHaveLength(1);
    expect(entered.filter((name) => name === 'WaitGracePeriod')).toHaveLength(1);
    expect(entered.slice(-3)).toEqual(['WaitGracePeriod', 'RemoveUser', 'Summarize']);
    expect(events.at(-1)?.type).toBe('ExecutionSucceeded');
  });

  it('a leaver stopped while it waits ends ABORTED at once and removes nobody, even after the grace period', async () => {
    // Prepare
    const runtime = await start();
    const client = sfnClient(runtime.endpoint);
    const started = await client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name: 'leaver-alan-HR-2', input: JSON.stringify({ email: ALAN }) }));
    await moveClock(runtime.endpoint);
    const callsBefore = org.proxy.requests.length;

    // Act
    const stopped = await client.send(new StopExecutionCommand({ executionArn: started.executionArn, error: 'HR.Cancelled', cause: 'Termination withdrawn (HR-2)' }));
    await moveClock(runtime.endpoint, { advanceMs: 31 * DAY });

    // Assess
    const described = await client.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    expect(described).toMatchObject({ status: 'ABORTED', error: 'HR.Cancelled', cause: 'Termination withdrawn (HR-2)', stopDate: stopped.stopDate });
    expect(described.output).toBeUndefined();
    expect(org.proxy.requests.length).toBe(callsBefore);
    expect(membershipOf(org, ALAN)).toBe('suspended');
    const events = await fullHistory(client, started.executionArn!);
    expect(events.slice(-3).map((event) => event.type)).toEqual(['WaitStateEntered', 'WaitStateAborted', 'ExecutionAborted']);
    expect(events.at(-1)?.executionAbortedEventDetails).toEqual({ error: 'HR.Cancelled', cause: 'Termination withdrawn (HR-2)' });

    // A second stop changes nothing
    const again = await client.send(new StopExecutionCommand({ executionArn: started.executionArn }));
    expect(again.stopDate).toEqual(stopped.stopDate);
    expect(await fullHistory(client, started.executionArn!)).toHaveLength(events.length);
  });

  it('a leaver stopped in the middle of a Task finishes nothing further: the call in flight is the last one', async () => {
    // Prepare: the suspend call is held at the proxy while the stop arrives
    const runtime = await start();
    const { client, suspend, started } = await startLeaverHeldAtSuspend(runtime, 'leaver-alan-HR-4');

    // Act
    await client.send(new StopExecutionCommand({ executionArn: started.executionArn }));
    const callsAtStop = org.proxy.requests.length;
    suspend.release();
    await suspend.completed;
    await moveClock(runtime.endpoint, { advanceMs: 31 * DAY });

    // Assess
    expect(await statusOf(client, started.executionArn!)).toBe('ABORTED');
    expect(org.proxy.requests.length).toBe(callsAtStop); // no group removals, no removal
    const events = await fullHistory(client, started.executionArn!);
    expect(events.slice(-2).map((event) => event.type)).toEqual(['TaskStateAborted', 'ExecutionAborted']);
    expect(statesEnteredIn(events).at(-1)).toBe('SuspendUser');
  });

  it('an execution cut off in the middle of a Task runs that one step again after the restart (at least once), and no completed step', async () => {
    // Prepare: the suspend call is held at the proxy, so the runtime stops while SuspendUser runs
    const first = await start();
    const { suspend, started } = await startLeaverHeldAtSuspend(first, 'leaver-alan-HR-3');

    // Act: stop the runtime mid-Task; the held call then reaches the org anyway (as a real crash can leave it)
    await first.close();
    suspend.release();
    const callsAtCrash = org.proxy.requests.length;
    const second = await start();
    await moveClock(second.endpoint);

    // Assess: SuspendUser ran again (it finds the user suspended), nothing before it did
    const again = sfnClient(second.endpoint);
    expect(await statusOf(again, started.executionArn!)).toBe('RUNNING');
    expect(membershipOf(org, ALAN)).toBe('suspended');
    const afterRestart = org.proxy.requests.slice(callsAtCrash);
    // SuspendUser runs again (at least once): it trusts the lookup, so it suspends again, which is idempotent.
    expect(afterRestart[0]).toMatch(/^POST .*\/suspend$/);
    expect(afterRestart.filter((call) => call.endsWith('/suspend'))).toHaveLength(1);
    expect(afterRestart.filter((call) => call.endsWith('/users/search'))).toEqual([]); // the lookup before it is not repeated
    const events = await fullHistory(again, started.executionArn!);
    const entered = statesEnteredIn(events);
    expect(entered.filter((name) => name === 'FindUserByEmail')).toHaveLength(1);
    expect(entered.filter((name) => name === 'SuspendUser')).toHaveLength(1);
    const suspendScheduled = events.filter((event) => event.lambdaFunctionScheduledEventDetails?.resource?.endsWith(':SuspendUserFunctionArn'));
    expect(suspendScheduled).toHaveLength(2);
    expect(entered.at(-1)).toBe('WaitGracePeriod');
  });
});

