import { DescribeExecutionCommand, DescribeStateMachineCommand, GetExecutionHistoryCommand } from '@aws-sdk/client-sfn';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildStateRows } from '../../../local/cli/history/state-rows.js';
import { GRACE_SECONDS, HistoryBuilder, LEAVER_DEFINITION, runningLeaverHistory } from './support/leaver-history.js';
import { deployStacks, executionArn, machineArn, runAws, serviceError, sfn } from './support/sfn-fixtures.js';

const ARN = executionArn('leaver', 'leaver-HR-1');

beforeEach(() => {
  sfn.reset();
  deployStacks('AtlassianJml');
  sfn.on(DescribeExecutionCommand, { executionArn: ARN }).resolves({
    executionArn: ARN, stateMachineArn: machineArn('leaver'), name: 'leaver-HR-1', status: 'RUNNING', startDate: new Date('2026-05-12T10:00:00Z'), input: '{}',
  });
  sfn.on(DescribeStateMachineCommand).resolves({ stateMachineArn: machineArn('leaver'), definition: LEAVER_DEFINITION });
});

describe('jml history --aws', () => {
  it('reads every page oldest first and shows state by state: retries, errors, the Map\'s iterations, the open wait', async () => {
    // Prepare
    const { events, waitEnteredAt } = runningLeaverHistory();
    sfn.on(GetExecutionHistoryCommand).resolves({ events: events.slice(0, 20), nextToken: 'history-2' });
    sfn.on(GetExecutionHistoryCommand, { nextToken: 'history-2' }).resolves({ events: events.slice(20) });
    const until = new Date(waitEnteredAt.getTime() + GRACE_SECONDS * 1000).toISOString();

    // Act
    const result = await runAws(['history', 'leaver-HR-1']);

    // Assess
    expect(result.code).toBe(0);
    expect(sfn).toHaveReceivedNthCommandWith(GetExecutionHistoryCommand, 1, { executionArn: ARN, reverseOrder: false, includeExecutionData: true });
    expect(sfn).toHaveReceivedNthCommandWith(GetExecutionHistoryCommand, 2, { executionArn: ARN, reverseOrder: false, nextToken: 'history-2' });
    const lines = result.stdout.split('\n');
    const row = (state: string) => lines.find((line) => new RegExp(`^\\s*${state.replace(/[[\]]/g, '\\$&')}\\s`).test(line)) ?? '';
    expect(lines[0]).toBe('leaver-HR-1: RUNNING, started 2026-05-12T10:00:00.000Z');
    expect(lines[2]).toMatch(/^STATE +TYPE +STATUS +ENTERED +EXITED +DURATION +RETRIES +ERRORS$/);
    expect(row('SuspendUser')).toMatch(/^SuspendUser +Task +succeeded +\S+ +\S+ +7\.0 s +1 +Atlassian\.RateLimited$/);
    expect(row('LookUpBy')).toMatch(/^LookUpBy +Choice +succeeded /);
    expect(row('RemoveGroupMemberships')).toMatch(/^RemoveGroupMemberships +Map +succeeded /);
    expect(row('[0] RemoveFromGroup')).toMatch(/^ {2}\[0\] RemoveFromGroup +Task +succeeded /);
    expect(row('[1] RemoveFromGroup')).toMatch(/^ {2}\[1\] RemoveFromGroup +Task +succeeded .* 1 +Atlassian\.Transient$/);
    expect(row('WaitGracePeriod')).toMatch(new RegExp(`^WaitGracePeriod +Wait +waiting until ${until.replace(/\./g, '\\.')} +${waitEnteredAt.toISOString().replace(/\./g, '\\.')}$`));
    // Every column starts at the same offset on every row.
    const statusColumn = lines[2].indexOf('STATUS');
    expect(lines.slice(3, -1).filter(Boolean).every((line) => line.slice(statusColumn - 2, statusColumn) === '  ')).toBe(true);
  });

  it('gives the rows as JSON with --json', async () => {
    // Prepare
    const { events, waitEnteredAt } = runningLeaverHistory();
    sfn.on(GetExecutionHistoryCommand).resolves({ events });

    // Act
    const result = await runAws(['history', ARN, '--json']);

    // Assess
    const printed = JSON.parse(result.stdout) as { status: string; events: number; states: Record<string, unknown>[] };
    expect(printed.status).toBe('RUNNING');
    expect(printed.events).toBe(events.length);
    expect(printed.states.find((state) => state.state === 'SuspendUser')).toMatchObject({
      type: 'Task', status: 'succeeded', attempts: 2, retries: 1, durationMs: 7000,
      errors: [{ error: 'Atlassian.RateLimited', cause: 'SuspendUser failed: Atlassian.RateLimited' }],
    });
    expect(printed.states.filter((state) => state.state === 'RemoveFromGroup').map((state) => [state.depth, state.iteration])).toEqual([[1, 0], [1, 1]]);
    expect(printed.states.at(-1)).toEqual({
      state: 'WaitGracePeriod', type: 'Wait', status: 'waiting', enteredAt: waitEnteredAt.toISOString(),
      waitingUntil: new Date(waitEnteredAt.getTime() + GRACE_SECONDS * 1000).toISOString(),
    });
  });

  it('still shows the history when the definition cannot be read (the wait without its end)', async () => {
    // Prepare
    sfn.on(GetExecutionHistoryCommand).resolves({ events: runningLeaverHistory().events });
    sfn.on(DescribeStateMachineCommand).rejects(serviceError('AccessDeniedException', 'not authorized to perform: states:DescribeStateMachine'));

    // Act
    const result = await runAws(['history', 'leaver-HR-1']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^WaitGracePeriod +Wait +waiting +2026-/m);
  });

  it('shows a failed execution\'s failing state and readable cause, and exits 1', async () => {
    // Prepare
    const history = new HistoryBuilder();
    history.add('ExecutionStarted', {}, 0);
    history.lambdaTask('PrepareRequest');
    const entered = history.enter('Task', 'SuspendUser');
    history.add('LambdaFunctionScheduled', {}, entered);
    history.add('LambdaFunctionStarted');
    const cause = JSON.stringify({ errorType: 'Atlassian.Forbidden', errorMessage: 'The key may not suspend users', trace: [] });
    history.add('LambdaFunctionFailed', { lambdaFunctionFailedEventDetails: { error: 'Atlassian.Forbidden', cause } });
    history.add('ExecutionFailed', { executionFailedEventDetails: { error: 'Atlassian.Forbidden', cause } });
    sfn.on(DescribeExecutionCommand, { executionArn: ARN }).resolves({
      executionArn: ARN, stateMachineArn: machineArn('leaver'), name: 'leaver-HR-1', status: 'FAILED',
      startDate: new Date('2026-05-12T10:00:00Z'), stopDate: new Date('2026-05-12T10:00:08Z'), error: 'Atlassian.Forbidden', cause,
    });
    sfn.on(GetExecutionHistoryCommand).resolves({ events: history.events });

    // Act
    const result = await runAws(['history', 'leaver-HR-1']);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^SuspendUser +Task +failed +\S+ +Atlassian\.Forbidden$/m);
    expect(result.stdout).toContain('✗ SuspendUser: Atlassian.Forbidden: The key may not suspend users');
    expect(result.stdout).toContain('execution FAILED: Atlassian.Forbidden: The key may not suspend users');
    expect(sfn).toHaveReceivedCommandTimes(DescribeStateMachineCommand, 0); // no open wait to compute
  });
});

describe('buildStateRows', () => {
  it('marks a caught error and the states an abort cut short', () => {
    // Prepare: a lookup fails without retry, a Catch moves on; then the execution is stopped during a wait.
    const history = new HistoryBuilder();
    history.add('ExecutionStarted', {}, 0);
    history.enter('Task', 'FindUserByEmail');
    history.add('LambdaFunctionScheduled');
    history.add('LambdaFunctionStarted');
    history.add('LambdaFunctionFailed', { lambdaFunctionFailedEventDetails: { error: 'Atlassian.NotFound', cause: '{"errorMessage":"No user ada@acme.example"}' } });
    history.exit('Task', 'FindUserByEmail');
    history.enter('Wait', 'WaitUntilEffective');
    history.add('ExecutionAborted');

    // Act
    const rows = buildStateRows(history.events, 'ABORTED');

    // Assess
    expect(rows.map((row) => [row.name, row.status, row.attempts])).toEqual([['FindUserByEmail', 'caught', 1], ['WaitUntilEffective', 'aborted', 0]]);
    expect(rows[0].errors).toEqual([{ error: 'Atlassian.NotFound', cause: '{"errorMessage":"No user ada@acme.example"}' }]);
  });

  it('folds a history without previousEventId links by order and name', () => {
    // Prepare
    const history = new HistoryBuilder();
    history.add('ExecutionStarted', {}, 0);
    history.lambdaTask('SuspendUser', ['Atlassian.Transient', 'Atlassian.Transient']);
    history.enter('Pass', 'Summarize');
    history.exit('Pass', 'Summarize');
    const unlinked = history.events.map(({ previousEventId: _previous, ...event }) => event);

    // Act
    const rows = buildStateRows(unlinked, 'SUCCEEDED');

    // Assess
    expect(rows.map((row) => [row.name, row.type, row.status, row.attempts, row.errors.length, row.depth])).toEqual([
      ['SuspendUser', 'Task', 'succeeded', 3, 2, 0],
      ['Summarize', 'Pass', 'succeeded', 0, 0, 0],
    ]);
  });
});
