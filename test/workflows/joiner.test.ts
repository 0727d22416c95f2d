import { describe, expect, it } from 'vitest';
import { exampleConfig, failureRecord, groupNames, outcomes, retriedStates, run, simUser } from './support/workflow-harness.js';
import { useDemoSimulator } from './support/demo-simulator.js';
import { auditLogOf } from '../../local/simulator/index.js';

const NEW_HIRE = { email: 'nina.new@acme.example', name: 'Nina New', department: 'Support', jobTitle: 'Support Lead', location: 'Sydney' };
const KEN = 'ken.thompson@acme.example'; // suspended Engineering rehire
const ROLE_GRANT = 're:POST /v1/orgs/[^/]+/users/[^/]+/roles/assign';
const GRACE = 'grace.hopper@acme.example'; // in protectedAccounts of the example config
const OLIVIA = 'olivia.admin@acme.example'; // the org admin
const REFUSED_PATH = ['PrepareRequest', 'WaitForStart', 'FindUser', 'CheckProtected', 'Route', 'RefuseProtectedAccount'];

describe('joiner workflow (against the simulator)', () => {
  const sim = useDemoSimulator();

  it('happy path: invites the new hire, adds the rules\' groups and grants their roles', async () => {
    // Act
    const result = await run(sim(), 'joiner', NEW_HIRE);

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(result.path).toEqual([
      'PrepareRequest', 'WaitForStart', 'FindUser', 'CheckProtected', 'Route', 'InviteUser', 'FindInvitedUser', 'PlanAccess',
      'AddToGroups', 'AddToGroup', 'AddToGroup', 'AddToGroup', 'GrantRoles', 'GrantRole', 'Summarize',
    ]);
    expect(result.transitions).toBe(15); // 11 + 3 groups + 1 role (docs/workflows.md)
    const output = result.output as Record<string, any>;
    expect(output.plan.matchedRules).toEqual(['everyone-confluence', 'support', 'support-leads-administer-jira']);
    expect(output.user.membershipStatusBefore).toBe('none (invited)');
    expect(outcomes(output)).toEqual([
      `inviteUser ${NEW_HIRE.email} done`,
      'addToGroup confluence-users done',
      'addToGroup jira-software-users done',
      'addToGroup support done',
      expect.stringMatching(/^grantRole atlassian\/admin on ari:cloud:jira-software::site\/.+ done$/),
    ]);
    expect(groupNames(sim(), NEW_HIRE.email)).toEqual(['confluence-users', 'jira-software-users', 'support']);
  });

  it('a second run of the same input invites nobody and reports already', async () => {
    // Prepare
    await run(sim(), 'joiner', NEW_HIRE);

    // Act
    const again = await run(sim(), 'joiner', NEW_HIRE);

    // Assess
    expect(again.status).toBe('SUCCEEDED');
    expect(again.path).not.toContain('InviteUser');
    expect((again.output as any).counts).toEqual({ done: 0, already: 4, skipped: 0, failed: 0 });
  });

  it('rehire: restores the suspended account instead of inviting twice', async () => {
    // Act
    const result = await run(sim(), 'joiner', { email: KEN, department: 'Engineering' });

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(result.path.slice(0, 7)).toEqual(['PrepareRequest', 'WaitForStart', 'FindUser', 'CheckProtected', 'Route', 'RestoreUser', 'PlanAccess']);
    expect(result.path).not.toContain('InviteUser');
    expect(outcomes(result.output)[0]).toBe(`restoreUser ${simUser(sim(), KEN).accountId} done`);
    expect(simUser(sim(), KEN).membershipStatus).toBe('active');
  });

  it('dry run: returns the plan and invites nobody', async () => {
    // Act
    const result = await run(sim(), 'joiner', { ...NEW_HIRE, dryRun: true });

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(result.path).toEqual(['PrepareRequest', 'WaitForStart', 'FindUser', 'CheckProtected', 'Route', 'PlanForDryRun', 'Summarize']);
    const output = result.output as Record<string, any>;
    expect(output.status).toBe('DRY_RUN');
    expect(output.planned.map((p: { action: string }) => p.action)).toEqual(['inviteUser', 'addToGroup', 'addToGroup', 'addToGroup', 'grantRole']);
    expect(sim().state.findUserByEmail(NEW_HIRE.email)).toBeUndefined();
  });

  it.each([
    ['a configured protected account', GRACE, 'Jira system administrator'],
    ['the org admin', OLIVIA, 'organization admin'],
  ])('refuses %s with Jml.ProtectedAccount before any change', async (_what, email, reason) => {
    // Prepare
    const groupsBefore = groupNames(sim(), email);

    // Act: Finance would give the `finance` group, which neither has.
    const result = await run(sim(), 'joiner', { email, department: 'Finance' });

    // Assess
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('Jml.ProtectedAccount');
    expect(result.cause).toContain(reason);
    expect(result.path).toEqual(REFUSED_PATH);
    expect(result.transitions).toBe(6);
    expect(auditLogOf(sim().state).size).toBe(0); // the simulator recorded no change at all
    expect(groupNames(sim(), email)).toEqual(groupsBefore);
  });

  it('refuses a protected account in a dry run too (the real run would be refused)', async () => {
    // Act
    const result = await run(sim(), 'joiner', { email: GRACE, department: 'Finance', dryRun: true });

    // Assess
    expect(result.error).toBe('Jml.ProtectedAccount');
    expect(result.path).toEqual(REFUSED_PATH);
  });

  it('refuses to invite a new email that protectedAccounts lists, and invites nobody', async () => {
    // Prepare
    const email = 'break.glass@acme.example';
    const config = exampleConfig();
    config.protectedAccounts.push({ email: 'Break.Glass@acme.example', reason: 'Break-glass account, created by hand' });

    // Act
    const result = await run(sim(), 'joiner', { email, department: 'Finance' }, { config });

    // Assess
    expect(result.error).toBe('Jml.ProtectedAccount');
    expect(result.cause).toContain('Break-glass account, created by hand');
    expect(result.path).toEqual(REFUSED_PATH);
    expect(sim().state.findUserByEmail(email)).toBeUndefined();
    expect(auditLogOf(sim().state).size).toBe(0);
  });

  it('an IdP-synced group the rules give is reported as skipped, not failed', async () => {
    // Prepare
    const config = exampleConfig();
    config.accessRules.push({ id: 'okta-staff', when: { department: 'Support' }, grant: { groups: ['okta-all-staff'], roles: [] } });

    // Act
    const result = await run(sim(), 'joiner', NEW_HIRE, { config });

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(outcomes(result.output)).toContain('addToGroup okta-all-staff skipped');
  });

  it('waits for a start time in the future', async () => {
    // Act
    const result = await run(sim(), 'joiner', { ...NEW_HIRE, effectiveAt: new Date(Date.now() + 3_600_000).toISOString() });

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(result.path.slice(0, 4)).toEqual(['PrepareRequest', 'WaitForStart', 'WaitUntilStart', 'FindUser']);
  });

  it('injected 429s and 5xx are retried and the run succeeds', async () => {
    // Prepare
    sim().control.failNext({ pattern: 'POST /v2/orgs/*/users/invite', count: 1, status: 429, retryAfterSeconds: 0 });
    sim().control.failNext({ pattern: 'POST /v2/**/memberships', count: 2, status: 502 });

    // Act
    const result = await run(sim(), 'joiner', NEW_HIRE);

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(retriedStates(result)).toContain('InviteUser');
    expect(retriedStates(result).filter((s) => s === 'AddToGroup')).toHaveLength(2);
    expect(groupNames(sim(), NEW_HIRE.email)).toEqual(['confluence-users', 'jira-software-users', 'support']);
  });

  it('a permanent error on a role grant ends FAILED with the record of the invite and group adds', async () => {
    // Prepare
    sim().control.failNext({ pattern: ROLE_GRANT, count: 1, status: 403 });

    // Act
    const result = await run(sim(), 'joiner', NEW_HIRE);

    // Assess
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('Atlassian.Forbidden');
    expect(result.path.slice(-4)).toEqual(['RecordGrantRoleFailure', 'Summarize', 'RecordFailure', 'Failed']);
    const record = failureRecord(result);
    expect(record.completed.map((a) => `${a.action} ${a.outcome}`)).toEqual([
      'inviteUser done', 'addToGroup done', 'addToGroup done', 'addToGroup done',
    ]);
    expect(record.failed.map((a) => `${a.action} ${a.error}`)).toEqual(['grantRole Atlassian.Forbidden']);
  });

  it('invalid input is rejected before any API call', async () => {
    // Act
    const result = await run(sim(), 'joiner', { name: 'No Email', department: 42 });

    // Assess
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('Jml.InvalidInput');
    expect(result.path).toEqual(['PrepareRequest', 'PrepareRequestFailed', 'RecordFailure', 'Failed']);
    expect(failureRecord(result).errorMessage).toMatch(/email: .*department: /);
  });
});
