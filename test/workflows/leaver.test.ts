import { describe, expect, it } from 'vitest';
import { failureRecord, groupNames, outcomes, retriedStates, run, simUser } from './support/workflow-harness.js';
import { useDemoSimulator } from './support/demo-simulator.js';

const ALAN = 'alan.turing@acme.example'; // Engineering, three managed groups
const LINUS = 'linus.torvalds@acme.example'; // also in the IdP-synced okta-all-staff

const HAPPY_PATH = [
  'PrepareRequest', 'LookUpBy', 'FindUserByEmail', 'CheckProtected', 'Route', 'ReserveChangeBudget', 'SnapshotAccess', 'SuspendUser',
  'RemoveGroupMemberships', 'RemoveFromGroup', 'RemoveFromGroup', 'RemoveFromGroup',
  'VerifyGroupRemovals', 'WaitGracePeriod', 'RemoveUser', 'Summarize',
];

describe('leaver workflow (against the simulator)', () => {
  const sim = useDemoSimulator();
  /** Alan's leaver, with the first call matching `pattern` refused for good (403). */
  const runLeaverRefusedOnce = (pattern: string) => {
    sim().control.failNext({ pattern, count: 1, status: 403 });
    return run(sim(), 'leaver', { email: ALAN });
  };
  const expectFailedForbidden = (result: Awaited<ReturnType<typeof run>>) => {
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('Atlassian.Forbidden');
  };

  it('happy path: snapshots, suspends, removes memberships, waits the grace period, removes the user', async () => {
    // Prepare
    const accountId = simUser(sim(), ALAN).accountId;

    // Act
    const result = await run(sim(), 'leaver', { email: ALAN, reason: 'HR-123' });

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(result.path).toEqual(HAPPY_PATH);
    expect(result.transitions).toBe(16);
    const output = result.output as Record<string, any>;
    expect(output.status).toBe('SUCCEEDED');
    expect(output.reason).toBe('HR-123');
    expect(output.snapshot.groups.map((g: { name: string }) => g.name)).toEqual(['confluence-users', 'engineering', 'jira-software-users']);
    expect(outcomes(output)).toEqual([
      `suspendUser ${accountId} done`,
      'removeFromGroup confluence-users done',
      'removeFromGroup engineering done',
      'removeFromGroup jira-software-users done',
      `removeUser ${accountId} done`,
    ]);
    expect(simUser(sim(), ALAN).membershipStatus).toBe('no_membership');
    expect(groupNames(sim(), ALAN)).toEqual([]);
  });

  it('a second run of the same input changes nothing and reports already', async () => {
    // Prepare
    await run(sim(), 'leaver', { email: ALAN });

    // Act
    const again = await run(sim(), 'leaver', { email: ALAN });

    // Assess
    expect(again.status).toBe('SUCCEEDED');
    expect(again.path).toEqual(['PrepareRequest', 'LookUpBy', 'FindUserByEmail', 'CheckProtected', 'Route', 'RemoveUser', 'Summarize']);
    expect((again.output as any).counts).toEqual({ done: 0, already: 1, skipped: 0, failed: 0 });
  });

  it('an IdP-synced group is reported as skipped, not failed', async () => {
    // Act
    const result = await run(sim(), 'leaver', { email: LINUS, graceDays: 0 });

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(outcomes(result.output)).toContain('removeFromGroup okta-all-staff skipped');
    expect((result.output as any).counts).toMatchObject({ skipped: 1, failed: 0 });
  });

  it('dry run: returns the snapshot and the plan, changes nothing', async () => {
    // Act
    const result = await run(sim(), 'leaver', { email: LINUS, dryRun: true });

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(result.path).toEqual(['PrepareRequest', 'LookUpBy', 'FindUserByEmail', 'CheckProtected', 'Route', 'SnapshotForPlan', 'Summarize']);
    const output = result.output as Record<string, any>;
    expect(output.status).toBe('DRY_RUN');
    expect(output.actions).toEqual([]);
    expect(output.planned.map((p: { action: string }) => p.action)).toEqual([
      'suspendUser', 'removeFromGroup', 'removeFromGroup', 'removeFromGroup', 'removeFromGroup', 'removeUser',
    ]);
    expect(output.planned[5].detail).toContain('after 30 day(s)');
    expect(simUser(sim(), LINUS).membershipStatus).toBe('active');
    expect(groupNames(sim(), LINUS)).toHaveLength(4);
  });

  it.each([
    ['an org admin', 'olivia.admin@acme.example', 'organization admin'],
    ['a configured protected account', 'grace.hopper@acme.example', 'Jira system administrator'],
  ])('refuses %s with Jml.ProtectedAccount and changes nothing', async (_what, email, reason) => {
    // Act
    const result = await run(sim(), 'leaver', { email });

    // Assess
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('Jml.ProtectedAccount');
    expect(result.cause).toContain(reason);
    expect(result.path.at(-1)).toBe('RefuseProtectedAccount');
    expect(simUser(sim(), email).membershipStatus).toBe('active');
  });

  it('an unknown user ends FAILED with Atlassian.NotFound before any change', async () => {
    // Act
    const result = await run(sim(), 'leaver', { email: 'nobody@acme.example' });

    // Assess
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('Atlassian.NotFound');
    expect(result.path).toEqual(['PrepareRequest', 'LookUpBy', 'FindUserByEmail', 'CheckProtected', 'Route', 'UserNotFound']);
  });

  it('looks a user up by account id and waits until a future effectiveAt', async () => {
    // Prepare
    const accountId = simUser(sim(), ALAN).accountId;
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();

    // Act
    const result = await run(sim(), 'leaver', { accountId, effectiveAt: tomorrow, graceDays: 0 });

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(result.path.slice(0, 11)).toEqual(['PrepareRequest', 'LookUpBy', 'FindUserByAccountId', 'CheckProtected', 'Route', 'WaitUntilEffective', 'RecheckAfterWait', 'StillLeaving', 'UseFreshLookup', 'ReserveChangeBudget', 'SnapshotAccess']);
  });

  it('injected 429s and 5xx are retried by the state machine and the run succeeds', async () => {
    // Prepare
    sim().control.failNext({ pattern: 'POST /v2/**/suspend', count: 2, status: 503 });
    sim().control.failNext({ pattern: 'DELETE /v2/**/memberships/*', count: 1, status: 429, retryAfterSeconds: 0 });
    sim().control.failNext({ pattern: 'DELETE /v2/orgs/*/directories/*/users/*', count: 1, status: 500 });

    // Act
    const result = await run(sim(), 'leaver', { email: ALAN });

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(retriedStates(result).sort()).toEqual(['RemoveFromGroup', 'RemoveUser', 'SuspendUser', 'SuspendUser']);
    expect((result.output as any).counts).toEqual({ done: 5, already: 0, skipped: 0, failed: 0 });
    expect(simUser(sim(), ALAN).membershipStatus).toBe('no_membership');
  });

  it('a permanent error on removal ends FAILED with the record of what was done', async () => {
    // Act
    const result = await runLeaverRefusedOnce('DELETE /v2/orgs/*/directories/*/users/*');

    // Assess
    expectFailedForbidden(result);
    expect(result.path.slice(-3)).toEqual(['RemoveUser', 'RecordFailure', 'Failed']);
    const record = failureRecord(result);
    expect(record.errorMessage).toContain('Completed before the failure: 4 done');
    expect(record.completed.map((a) => `${a.action} ${a.outcome}`)).toEqual([
      'suspendUser done', 'removeFromGroup done', 'removeFromGroup done', 'removeFromGroup done',
    ]);
    expect(simUser(sim(), ALAN).membershipStatus).toBe('suspended');
  });

  it('a membership that cannot be removed is recorded; the run stops before the grace period', async () => {
    // Act
    const result = await runLeaverRefusedOnce('DELETE /v2/**/memberships/*');

    // Assess
    expectFailedForbidden(result);
    expect(result.path).toContain('RecordRemoveFromGroupFailure');
    expect(result.path).not.toContain('WaitGracePeriod');
    const record = failureRecord(result);
    expect(record.failed).toHaveLength(1);
    expect(record.completed.filter((a) => a.action === 'removeFromGroup')).toHaveLength(2);
    expect(groupNames(sim(), ALAN)).toHaveLength(1);
  });

  it('invalid input is rejected before any API call', async () => {
    // Act
    const result = await run(sim(), 'leaver', { email: 'not-an-email', dryrun: true });

    // Assess
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('Jml.InvalidInput');
    expect(result.path).toEqual(['PrepareRequest', 'PrepareRequestFailed', 'RecordFailure', 'Failed']);
    const record = failureRecord(result);
    expect(record.errorMessage).toContain('email: email must be an email address');
    expect(record.errorMessage).toContain('dryrun');
    expect(record.completed).toEqual([]);
  });
});
