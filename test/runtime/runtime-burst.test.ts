import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListExecutionsCommand, StartExecutionCommand, StopExecutionCommand, type ExecutionStatus, type SFNClient } from '@aws-sdk/client-sfn';
import type { RunningRuntime } from '../../local/runtime/start-runtime.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadJmlConfigFile } from '../../functions/lib/config/index.js';
import { DAY, EXAMPLE_CONFIG, LEAVER_ARN, MINUTE, moveClock, sfnClient, startTestOrg, startTestRuntime, tempDataDir, type TestOrg } from './support/runtime-harness.js';

const PROTECTED = new Set(['olivia.admin@acme.example', 'grace.hopper@acme.example']); // config/jml.example.yaml

/** Moves the clock, and keeps asking until every execution it woke has reached its next wait or its end. */
async function moveAndSettle(endpoint: string, advanceMs: number): Promise<void> {
  let answer = await moveClock(endpoint, { advanceMs });
  for (let round = 0; !answer.settled && round < 10; round++) answer = await moveClock(endpoint);
  expect(answer.settled).toBe(true);
}

async function executionsByStatus(client: SFNClient): Promise<Record<string, string[]>> {
  const byStatus: Record<string, string[]> = {};
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListExecutionsCommand({ stateMachineArn: LEAVER_ARN, maxResults: 1000, nextToken }));
    for (const execution of page.executions ?? []) (byStatus[execution.status as ExecutionStatus] ??= []).push(execution.name as string);
    nextToken = page.nextToken;
  } while (nextToken);
  return byStatus;
}

describe('runtime: a burst of leavers', () => {
  let org: TestOrg;
  let data: ReturnType<typeof tempDataDir>;
  let runtime: RunningRuntime;
  let client: SFNClient;

  beforeAll(async () => {
    org = await startTestOrg({ users: 120 });
    data = tempDataDir();
    // A burst above the example's daily brake (limits.maxLeaversPerDay): this test is about the pool.
    const example = loadJmlConfigFile(EXAMPLE_CONFIG);
    const configFile = join(data.dir, 'burst-config.json');
    writeFileSync(configFile, JSON.stringify({ ...example, limits: { ...example.limits, maxLeaversPerDay: 1000 } }));
    runtime = await startTestRuntime(org, data.dir, { concurrency: 16, configFile });
    client = sfnClient(runtime.endpoint);
  });
  afterAll(async () => {
    await runtime.close();
    await org.close();
    data.remove();
  });

  it('starts a hundred at once, runs 16 at a time, suspends all, and after the grace period removes each exactly once (stopped ones never)', { timeout: 180_000 }, async () => {
    // Prepare: every active, unprotected user of a 120-person org leaves (bench:burst runs 1,000)
    const leavers = [...org.sim.state.users.values()].filter((user) => user.membershipStatus === 'active' && !PROTECTED.has(user.email));
    const name = (accountId: string) => `leaver-${accountId}`;
    const stopped = new Set(leavers.slice(0, 10).map((user) => user.accountId));

    // Act: all at once
    const started = await Promise.all(leavers.map((user) =>
      client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name: name(user.accountId), input: JSON.stringify({ accountId: user.accountId }) }))));

    // Assess: every start answered with its own RUNNING execution, before the work is done
    expect(new Set(started.map((s) => s.executionArn)).size).toBe(leavers.length);
    expect((await executionsByStatus(client)).RUNNING).toHaveLength(leavers.length);
    expect(runtime.executor.stats().queued).toBeGreaterThan(0);

    // Act: let them run to their grace period
    await moveAndSettle(runtime.endpoint, 0);

    // Assess: all suspended, nobody removed, at most 16 ran at once, waiting ones hold no slot
    expect(leavers.every((user) => user.membershipStatus === 'suspended')).toBe(true);
    expect(org.proxy.count('DELETE', /\/users\/[^/]+$/)).toBe(0);
    expect(runtime.executor.stats()).toEqual({ running: 0, queued: 0, waiting: leavers.length, peakRunning: 16 });

    // Act: stop ten while they wait, then let 30 days pass
    for (const accountId of stopped) await client.send(new StopExecutionCommand({ executionArn: `${LEAVER_ARN.replace(':stateMachine:', ':execution:')}:${name(accountId)}` }));
    await moveAndSettle(runtime.endpoint, 30 * DAY + MINUTE);

    // Assess
    const byStatus = await executionsByStatus(client);
    expect(byStatus.SUCCEEDED).toHaveLength(leavers.length - stopped.size);
    expect(new Set(byStatus.ABORTED)).toEqual(new Set([...stopped].map(name)));
    for (const user of leavers) {
      const deletes = org.proxy.count('DELETE', new RegExp(`/users/${user.accountId}$`));
      expect({ user: user.email, status: user.membershipStatus, deletes }).toEqual(
        stopped.has(user.accountId) ? { user: user.email, status: 'suspended', deletes: 0 } : { user: user.email, status: 'no_membership', deletes: 1 },
      );
    }
  });
});
