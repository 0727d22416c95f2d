import { describe, expect, it } from 'vitest';
import { exampleConfig, failureRecord, groupNames, outcomes, retriedStates, run, simUser } from './support/workflow-harness.js';
import { useDemoSimulator } from './support/demo-simulator.js';

const ADA = 'ada.lovelace@acme.example'; // Engineering Manager: engineering, engineering-leads, jira, confluence
const LINUS = 'linus.torvalds@acme.example'; // Engineering, also in the IdP-synced okta-all-staff (unmanaged)

const MOVE_PATH = ['PrepareRequest', 'LookUpBy', 'FindUserByEmail', 'CheckProtected', 'Route', 'SnapshotAccess', 'PlanAccess'];

describe('mover workflow (against the simulator)', () => {
  const sim = useDemoSimulator();

  it('happy path: adds the new department\'s groups first, then removes the old managed ones', async () => {
    // Act
    const result = await run(sim(), 'mover', { email: ADA, department: 'Sales', jobTitle: 'Sales Director' });

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(result.path).toEqual([
      ...MOVE_PATH, 'AddToGroups', 'AddToGroup', 'GrantRoles', 'VerifyAdds',
      'RemoveFromGroups', 'RemoveFromGroup', 'RemoveFromGroup', 'RemoveFromGroup', 'RevokeRoles', 'Summarize',
    ]);
    expect(outcomes(result.output)).toEqual([
      'addToGroup confluence-users already',
      'addToGroup sales done',
      'removeFromGroup engineering done',
      'removeFromGroup engineering-leads done',
      'removeFromGroup jira-software-users done',
    ]);
    expect(groupNames(sim(), ADA)).toEqual(['confluence-users', 'sales']);
  });

  it('never touches access the rules do not manage (an IdP-synced group)', async () => {
    // Act
    const result = await run(sim(), 'mover', { email: LINUS, department: 'Support' });

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    const output = result.output as Record<string, any>;
    expect(output.plan.unmanaged.groups).toEqual(['okta-all-staff']);
    expect(outcomes(output).join('\n')).not.toContain('okta-all-staff');
    expect(groupNames(sim(), LINUS)).toEqual(['confluence-users', 'jira-software-users', 'okta-all-staff', 'support']);
  });

  it('a second run of the same input changes nothing and reports already', async () => {
    // Prepare
    await run(sim(), 'mover', { email: ADA, department: 'Sales' });

    // Act
    const again = await run(sim(), 'mover', { email: ADA, department: 'Sales' });

    // Assess
    expect(again.status).toBe('SUCCEEDED');
    expect((again.output as any).counts).toEqual({ done: 0, already: 2, skipped: 0, failed: 0 });
    expect(again.path).not.toContain('AddToGroup');
    expect(again.path).not.toContain('RemoveFromGroup');
  });

  it('dry run: returns the plan and changes nothing', async () => {
    // Prepare
    const before = groupNames(sim(), ADA);

    // Act
    const result = await run(sim(), 'mover', { email: ADA, department: 'Finance', dryRun: true });

    // Assess
    expect(result.path).toEqual([...MOVE_PATH.slice(0, 5), 'SnapshotForPlan', 'PlanForDryRun', 'Summarize']);
    const output = result.output as Record<string, any>;
    expect(output.status).toBe('DRY_RUN');
    expect(output.planned.map((p: { action: string; target: string }) => `${p.action} ${p.target.split(' -> ')[1]}`)).toEqual([
      'addToGroup finance', 'removeFromGroup engineering', 'removeFromGroup engineering-leads', 'removeFromGroup jira-software-users',
    ]);
    expect(groupNames(sim(), ADA)).toEqual(before);
  });

  it('refuses a protected account and an unknown user without changing anything', async () => {
    // Act
    const protectedRun = await run(sim(), 'mover', { email: 'grace.hopper@acme.example', department: 'Sales' });
    const unknownRun = await run(sim(), 'mover', { accountId: 'no-such-account', department: 'Sales' });

    // Assess
    expect(protectedRun.error).toBe('Jml.ProtectedAccount');
    expect(protectedRun.path.at(-1)).toBe('RefuseProtectedAccount');
    expect(unknownRun.error).toBe('Atlassian.NotFound');
    expect(unknownRun.path).toEqual(['PrepareRequest', 'LookUpBy', 'FindUserByAccountId', 'CheckProtected', 'Route', 'UserNotFound']);
    expect(groupNames(sim(), 'grace.hopper@acme.example')).toContain('engineering');
  });

  it('stops with Jml.BlastRadiusExceeded when a move would remove more than the limit', async () => {
    // Prepare
    const config = exampleConfig();
    config.limits.maxRemovalsPerRun = 2;

    // Act
    const result = await run(sim(), 'mover', { email: ADA, department: 'Sales' }, { config });

    // Assess
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('Jml.BlastRadiusExceeded');
    expect(result.path.slice(-3)).toEqual(['PlanAccess', 'RecordFailure', 'Failed']);
    expect(failureRecord(result).errorMessage).toContain('more than limits.maxRemovalsPerRun (2)');
    expect(groupNames(sim(), ADA)).toContain('engineering');
  });

  it('injected 429s and 5xx are retried and the run succeeds', async () => {
    // Prepare
    sim().control.failNext({ pattern: 'POST /v2/**/memberships', count: 1, status: 429, retryAfterSeconds: 0 });
    sim().control.failNext({ pattern: 'DELETE /v2/**/memberships/*', count: 2, status: 503 });

    // Act
    const result = await run(sim(), 'mover', { email: ADA, department: 'Sales' });

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(retriedStates(result).sort()).toEqual(['AddToGroup', 'RemoveFromGroup', 'RemoveFromGroup']);
    expect(groupNames(sim(), ADA)).toEqual(['confluence-users', 'sales']);
  });

  it('a permanent error on an add ends FAILED before any removal, with the record', async () => {
    // Prepare
    sim().control.failNext({ pattern: 'POST /v2/**/memberships', count: 1, status: 403 });

    // Act
    const result = await run(sim(), 'mover', { email: ADA, department: 'Sales' });

    // Assess
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('Atlassian.Forbidden');
    expect(result.path).toContain('VerifyAdds');
    expect(result.path).not.toContain('RemoveFromGroups');
    const record = failureRecord(result);
    expect(record.failed.map((a) => a.target.split(' -> ')[1])).toEqual(['sales']);
    expect(groupNames(sim(), ADA)).toContain('engineering');
  });

  it('invalid input is rejected before any API call', async () => {
    // Act
    const result = await run(sim(), 'mover', { accountId: simUser(sim(), ADA).accountId, email: ADA, department: '' });

    // Assess
    expect(result.error).toBe('Jml.InvalidInput');
    expect(result.path).toEqual(['PrepareRequest', 'PrepareRequestFailed', 'RecordFailure', 'Failed']);
    const message = failureRecord(result).errorMessage;
    expect(message).toContain('accountId: give accountId or email, not both');
    expect(message).toContain('department: department is empty');
  });
});
