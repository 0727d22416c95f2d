import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  ListStateMachinesCommand,
  StopExecutionCommand,
  type DescribeExecutionCommandOutput,
} from '@aws-sdk/client-sfn';
import { beforeEach, describe, expect, it } from 'vitest';
import { GRACE_SECONDS, LEAVER_DEFINITION, runningLeaverHistory } from './support/leaver-history.js';
import { deployStacks, executionArn, machineArn, runAws, serviceError, sfn } from './support/sfn-fixtures.js';

const STARTED = new Date('2026-05-12T10:00:00Z');

function execution(workflow: string, name: string, fields: Partial<DescribeExecutionCommandOutput> = {}): Partial<DescribeExecutionCommandOutput> {
  return { executionArn: executionArn(workflow, name), stateMachineArn: machineArn(workflow), name, status: 'RUNNING', startDate: STARTED, input: '{"email":"ada@acme.example"}', ...fields };
}

beforeEach(() => {
  sfn.reset();
  deployStacks('AtlassianJml');
  sfn.on(DescribeExecutionCommand).rejects(serviceError('ExecutionDoesNotExist', 'Execution Does Not Exist'));
});

describe('jml describe --aws', () => {
  it('finds a bare name in its workflow\'s state machine and shows the state it waits in, until when', async () => {
    // Prepare
    const { events, waitEnteredAt } = runningLeaverHistory();
    sfn.on(DescribeExecutionCommand, { executionArn: executionArn('leaver', 'leaver-HR-1') }).resolves(execution('leaver', 'leaver-HR-1'));
    sfn.on(GetExecutionHistoryCommand).resolves({ events: [...events].reverse() });
    sfn.on(DescribeStateMachineCommand).resolves({ stateMachineArn: machineArn('leaver'), definition: LEAVER_DEFINITION });
    const until = new Date(waitEnteredAt.getTime() + GRACE_SECONDS * 1000).toISOString();

    // Act
    const result = await runAws(['describe', 'leaver-HR-1']);

    // Assess
    expect(result.code).toBe(0);
    expect(sfn).toHaveReceivedCommandTimes(DescribeExecutionCommand, 1); // the workflow in the name is tried first
    expect(sfn).toHaveReceivedCommandWith(GetExecutionHistoryCommand, { executionArn: executionArn('leaver', 'leaver-HR-1'), reverseOrder: true });
    expect(sfn).toHaveReceivedCommandWith(DescribeStateMachineCommand, { stateMachineArn: machineArn('leaver') });
    expect(result.stdout).toMatch(new RegExp(`^status +RUNNING \\(in WaitGracePeriod, waiting until ${until.replace(/\./g, '\\.')}\\)$`, 'm'));
    expect(result.stdout).toMatch(/^started +2026-05-12T10:00:00\.000Z$/m);
    expect(result.stdout).toMatch(/^input +\{\n +"email": "ada@acme\.example"\n +\}$/m);
    expect(result.stderr).toContain('jml stop leaver-HR-1 --aws --region eu-west-1');
  });

  it('looks a name up in every workflow\'s state machine (ARN = stateMachine → execution + name)', async () => {
    // Prepare
    sfn.on(DescribeExecutionCommand, { executionArn: executionArn('mover', 'HR-77') }).resolves(execution('mover', 'HR-77', { status: 'SUCCEEDED', stopDate: new Date('2026-05-12T10:00:03Z'), output: '{"actions":[]}' }));

    // Act
    const result = await runAws(['describe', 'HR-77', '--json']);

    // Assess
    expect(result.code).toBe(0);
    expect(sfn).toHaveReceivedCommandWith(DescribeExecutionCommand, { executionArn: `arn:aws:states:eu-west-1:123456789012:execution:AtlassianJml-joiner:HR-77` });
    expect(sfn).toHaveReceivedCommandWith(DescribeExecutionCommand, { executionArn: `arn:aws:states:eu-west-1:123456789012:execution:AtlassianJml-mover:HR-77` });
    expect(sfn).toHaveReceivedCommandTimes(GetExecutionHistoryCommand, 0);
    expect(JSON.parse(result.stdout)).toEqual({
      executionArn: executionArn('mover', 'HR-77'),
      name: 'HR-77',
      workflow: 'mover',
      stateMachineArn: machineArn('mover'),
      status: 'SUCCEEDED',
      startDate: '2026-05-12T10:00:00.000Z',
      stopDate: '2026-05-12T10:00:03.000Z',
      input: { email: 'ada@acme.example' },
      output: { actions: [] },
    });
  });

  it('shows a failed execution\'s error with the readable cause, and exits 1', async () => {
    // Prepare
    const cause = JSON.stringify({ errorType: 'Atlassian.Forbidden', errorMessage: 'The API key may not suspend users: give it the org admin scope', trace: ['at x'] });
    sfn.on(DescribeExecutionCommand, { executionArn: executionArn('leaver', 'leaver-HR-9') }).resolves(
      execution('leaver', 'leaver-HR-9', { status: 'FAILED', stopDate: new Date('2026-05-12T10:00:09Z'), error: 'Atlassian.Forbidden', cause }),
    );

    // Act
    const result = await runAws(['describe', 'leaver-HR-9']);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^error +Atlassian\.Forbidden$/m);
    expect(result.stdout).toMatch(/^cause +The API key may not suspend users: give it the org admin scope$/m);
    expect(result.stdout).toMatch(/^stopped +2026-05-12T10:00:09\.000Z \(after 9\.0 s\)$/m);
  });

  it('says where it looked when no state machine has the execution (exit 1)', async () => {
    // Act
    const result = await runAws(['describe', 'leaver-nobody']);

    // Assess
    expect(result.code).toBe(1);
    expect(sfn).toHaveReceivedCommandTimes(DescribeExecutionCommand, 3);
    expect(result.stderr).toBe(
      'jml describe: no execution named "leaver-nobody" in AtlassianJml-leaver, AtlassianJml-joiner, AtlassianJml-mover on AWS (stack AtlassianJml, region eu-west-1): list them with `jml executions`\n',
    );
  });

  it('takes an execution ARN as is, and refuses a state machine ARN', async () => {
    // Prepare
    const arn = executionArn('joiner', 'anything');
    sfn.on(DescribeExecutionCommand, { executionArn: arn }).resolves(execution('joiner', 'anything', { status: 'ABORTED', stopDate: STARTED }));

    // Act
    const byArn = await runAws(['describe', arn]);
    const byMachine = await runAws(['describe', machineArn('joiner')]);

    // Assess
    expect(byArn.code).toBe(1); // ABORTED did not succeed
    expect(byArn.stdout).toMatch(/^status +ABORTED$/m);
    expect(sfn).toHaveReceivedCommandTimes(ListStateMachinesCommand, 0);
    expect(byMachine.code).toBe(2);
    expect(byMachine.stderr).toMatch(/is a state machine ARN: give an execution name or execution ARN/);
  });

  it('explains AccessDenied on DescribeExecution (exit 1)', async () => {
    // Prepare
    sfn.on(DescribeExecutionCommand).rejects(serviceError('AccessDeniedException', 'not authorized to perform: states:DescribeExecution'));

    // Act
    const result = await runAws(['describe', executionArn('leaver', 'x')]);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/AWS refused DescribeExecution \(AccessDeniedException\): not authorized .* states:DescribeExecution/);
  });
});

describe('jml stop --aws', () => {
  it('stops a running execution with the cause given', async () => {
    // Prepare
    sfn.on(DescribeExecutionCommand, { executionArn: executionArn('leaver', 'leaver-HR-1') }).resolves(execution('leaver', 'leaver-HR-1'));
    sfn.on(StopExecutionCommand).resolves({ stopDate: new Date('2026-05-12T11:00:00Z') });

    // Act
    const result = await runAws(['stop', 'leaver-HR-1', '--cause', 'HR withdrew the termination (HR-1)']);

    // Assess
    expect(result.code).toBe(0);
    expect(sfn).toHaveReceivedCommandExactlyOnceWith(StopExecutionCommand, { executionArn: executionArn('leaver', 'leaver-HR-1'), cause: 'HR withdrew the termination (HR-1)' });
    expect(result.stdout).toMatch(/^stopped +leaver-HR-1: ABORTED$/m);
    expect(result.stdout).toMatch(/^at +2026-05-12T11:00:00\.000Z$/m);
  });

  it('reports an execution stopped before as such (exit 0) and refuses to stop one that ended otherwise (exit 1)', async () => {
    // Prepare
    sfn.on(DescribeExecutionCommand, { executionArn: executionArn('leaver', 'leaver-stopped') }).resolves(execution('leaver', 'leaver-stopped', { status: 'ABORTED', stopDate: STARTED }));
    sfn.on(DescribeExecutionCommand, { executionArn: executionArn('leaver', 'leaver-done') }).resolves(execution('leaver', 'leaver-done', { status: 'SUCCEEDED', stopDate: STARTED }));

    // Act
    const stopped = await runAws(['stop', 'leaver-stopped', '--json']);
    const done = await runAws(['stop', 'leaver-done']);

    // Assess
    expect(stopped.code).toBe(0);
    expect(JSON.parse(stopped.stdout)).toMatchObject({ name: 'leaver-stopped', status: 'ABORTED' });
    expect(done.code).toBe(1);
    expect(done.stderr).toMatch(/leaver-done already ended SUCCEEDED at 2026-05-12T10:00:00\.000Z: there is nothing to stop/);
    expect(sfn).toHaveReceivedCommandTimes(StopExecutionCommand, 0);
  });

  it('explains an execution ARN that does not exist (exit 1)', async () => {
    // Act
    const result = await runAws(['stop', executionArn('leaver', 'gone')]);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no execution arn:aws:states:eu-west-1:123456789012:execution:AtlassianJml-leaver:gone on AWS/);
  });
});
