import { describe, expect, it } from 'vitest';
import { DescribeExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { RunningRuntime } from '../../local/runtime/start-runtime.js';
import { LEAVER_ARN, REMOVE_USER, membershipOf, moveClock, sfnClient, startTestRuntime, useFreshOrgEachTest, type TestOrg } from './support/runtime-harness.js';

const ALAN = 'alan.turing@acme.example';

describe('runtime on the manual clock: a wait whose deadline is now ends at once', () => {
  let org: TestOrg;
  const start = useFreshOrgEachTest<RunningRuntime>(
    { start: (fresh) => startTestRuntime(fresh.org, fresh.dataDir), stop: (runtime) => runtime.close() },
    (fresh) => ({ org } = fresh),
  );

  it('a leaver with graceDays 0 is removed without anyone moving the clock', async () => {
    // Prepare: the manual clock stands at a time with milliseconds (not on a whole second)
    const runtime = await start();
    await moveClock(runtime.endpoint, { advanceMs: 437 });
    const client = sfnClient(runtime.endpoint);

    // Act
    const started = await client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name: 'leaver-alan-now', input: JSON.stringify({ email: ALAN, graceDays: 0 }) }));
    const settled = await moveClock(runtime.endpoint); // a sync point; the clock does not move

    // Assess
    expect(settled.pendingDeadlines).toEqual([]);
    const described = await client.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    expect(described.status).toBe('SUCCEEDED');
    expect(org.proxy.count('DELETE', REMOVE_USER)).toBe(1);
    expect(membershipOf(org, ALAN)).toBe('no_membership');
  });

  it('an effectiveAt in the past does not hold the leaver either', async () => {
    const runtime = await start();
    await moveClock(runtime.endpoint, { advanceMs: 1_250 });
    const client = sfnClient(runtime.endpoint);
    const effectiveAt = new Date(Date.now() - 3_600_000).toISOString();

    const started = await client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name: 'leaver-alan-past', input: JSON.stringify({ email: ALAN, graceDays: 0, effectiveAt }) }));
    await moveClock(runtime.endpoint);

    expect((await client.send(new DescribeExecutionCommand({ executionArn: started.executionArn }))).status).toBe('SUCCEEDED');
  });
});
