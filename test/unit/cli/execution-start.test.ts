import { DescribeExecutionCommand, ListStateMachinesCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { beforeEach, describe, expect, it } from 'vitest';
import { deployStacks, executionArn, machineArn, runAws, serviceError, sfn } from './support/sfn-fixtures.js';
import { runCli } from '../../e2e/cli-harness.js';
import { EXECUTION_OPTIONS } from '../../../local/cli/execution-options.js';

const LEAVER_INPUT = { email: 'ada@acme.example', reason: 'HR-1234' };

beforeEach(() => {
  sfn.reset();
  deployStacks('AtlassianJml');
});

describe('jml start --aws', () => {
  it('starts the stack\'s state machine, found by name across ListStateMachines pages, with the input and name given', async () => {
    // Prepare
    deployStacks('AtlassianJml', 'AcmeJml');
    const startDate = new Date('2026-05-12T10:15:03.123Z');
    sfn.on(StartExecutionCommand).resolves({ executionArn: executionArn('leaver', 'leaver-HR-1234', 'AcmeJml'), startDate });

    // Act
    const result = await runAws(['start', 'leaver', '--input', JSON.stringify(LEAVER_INPUT), '--name', 'leaver-HR-1234', '--stack', 'AcmeJml']);

    // Assess
    expect(result.code).toBe(0);
    expect(sfn).toHaveReceivedCommandWith(ListStateMachinesCommand, { nextToken: 'machines-page-2' });
    expect(sfn).toHaveReceivedCommandExactlyOnceWith(StartExecutionCommand, {
      stateMachineArn: machineArn('leaver', 'AcmeJml'),
      name: 'leaver-HR-1234',
      input: JSON.stringify(LEAVER_INPUT),
    });
    expect(result.stdout).toContain(executionArn('leaver', 'leaver-HR-1234', 'AcmeJml'));
    expect(result.stdout).toContain('2026-05-12T10:15:03.123Z');
    expect(result.stderr).toContain('jml describe leaver-HR-1234 --aws --stack AcmeJml --region eu-west-1');
  });

  it('prints only JSON on stdout with --json, and names the execution <workflow>-<date>-<time>-<random> by default', async () => {
    // Prepare
    sfn.on(StartExecutionCommand).callsFake((input: { name: string }) => ({ executionArn: executionArn('joiner', input.name), startDate: new Date('2026-05-12T10:15:03Z') }));

    // Act
    const result = await runAws(['start', 'joiner', '--input', '-', '--json'], JSON.stringify({ email: 'nina@acme.example', name: 'Nina' }));

    // Assess
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { executionArn: string; name: string; startDate: string; stateMachineArn: string };
    expect(printed.name).toMatch(/^joiner-\d{8}-\d{6}-[0-9a-z]{4}$/);
    expect(printed).toEqual({ executionArn: executionArn('joiner', printed.name), name: printed.name, workflow: 'joiner', stateMachineArn: machineArn('joiner'), startDate: '2026-05-12T10:15:03.000Z' });
    expect(sfn).toHaveReceivedCommandWith(StartExecutionCommand, { stateMachineArn: machineArn('joiner'), name: printed.name });
  });

  it('sends "dryRun": true with --dry-run', async () => {
    // Prepare
    sfn.on(StartExecutionCommand).resolves({ executionArn: executionArn('leaver', 'x'), startDate: new Date() });

    // Act
    const result = await runAws(['start', 'leaver', '--dry-run', '--input', JSON.stringify(LEAVER_INPUT), '--name', 'x']);

    // Assess
    expect(result.code).toBe(0);
    expect(sfn).toHaveReceivedCommandWith(StartExecutionCommand, { input: JSON.stringify({ ...LEAVER_INPUT, dryRun: true }) });
    expect(result.stdout).toContain('dry run');
  });

  it('starts the sweep without --input, as jml run sweep does (its input is all optional)', async () => {
    // Prepare
    sfn.on(ListStateMachinesCommand).resolves({ stateMachines: [{ name: 'AtlassianJml-sweep', stateMachineArn: machineArn('sweep'), type: 'STANDARD', creationDate: new Date() }] });
    sfn.on(StartExecutionCommand).resolves({ executionArn: executionArn('sweep', 'x'), startDate: new Date() });

    // Act
    const result = await runAws(['start', 'sweep', '--name', 'x']);

    // Assess
    expect(result.code, result.stderr).toBe(0);
    expect(sfn).toHaveReceivedCommandWith(StartExecutionCommand, { stateMachineArn: machineArn('sweep'), input: '{}' });
  });

  it('refuses an invalid input with the schema\'s words and calls nothing (exit 2)', async () => {
    // Act
    const result = await runAws(['start', 'leaver', '--input', '{"email":"not-an-email","graceDays":-1}']);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the leaver input is not valid \(nothing was started\)/);
    expect(result.stderr).toMatch(/- email: /);
    expect(result.stderr).toMatch(/- graceDays: graceDays cannot be negative/);
    expect(sfn).not.toHaveReceivedAnyCommand();
  });

  it.each([
    ['leaver HR-1', /contains whitespace/],
    ['x'.repeat(81), /is 81 characters long: at most 80/],
    ['leaver/HR-1', /contains "\/"/],
    ['ticket#7', /contains "#"/],
    ['tab\u0007bell', /control character U\+0007/],
    ['', /is empty/],
  ])('refuses the execution name %j before any call (exit 2)', async (name, message) => {
    // Act
    const result = await runAws(['start', 'leaver', '--input', JSON.stringify(LEAVER_INPUT), '--name', name]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(sfn).not.toHaveReceivedAnyCommand();
  });

  it('explains ExecutionAlreadyExists as a repeated request (exit 1)', async () => {
    // Prepare
    sfn.on(StartExecutionCommand).rejects(serviceError('ExecutionAlreadyExists', 'Execution Already Exists: \'arn:...\''));

    // Act
    const result = await runAws(['start', 'leaver', '--input', JSON.stringify(LEAVER_INPUT), '--name', 'leaver-HR-1234']);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('an execution named "leaver-HR-1234" already exists in AtlassianJml-leaver with a different input, or has closed: names are unique for 90 days');
    expect(result.stderr).toContain('jml describe leaver-HR-1234');
    expect(result.stdout).toBe('');
  });

  it('says a repeated start of a running execution started nothing: already running since, with its ARN (exit 0)', async () => {
    // Prepare: Step Functions returns the open execution for the same name and input.
    const arn = executionArn('leaver', 'leaver-HR-1234');
    const startDate = new Date('2026-05-12T10:15:03.123Z');
    sfn.on(DescribeExecutionCommand).resolves({ executionArn: arn, stateMachineArn: machineArn('leaver'), name: 'leaver-HR-1234', status: 'RUNNING', startDate, input: JSON.stringify(LEAVER_INPUT) });
    sfn.on(StartExecutionCommand).resolves({ executionArn: arn, startDate });

    // Act
    const result = await runAws(['start', 'leaver', '--input', JSON.stringify(LEAVER_INPUT), '--name', 'leaver-HR-1234']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`leaver-HR-1234 is already running since 2026-05-12T10:15:03.123Z: ${arn}\n`);
    expect(result.stderr).toContain('nothing new was started');
    expect(sfn).toHaveReceivedCommandWith(DescribeExecutionCommand, { executionArn: arn });
  });

  it('says when a name already ran and how it ended (exit 1)', async () => {
    // Prepare
    sfn.on(DescribeExecutionCommand).resolves({ status: 'SUCCEEDED', startDate: new Date('2026-05-01T09:00:00Z'), stopDate: new Date('2026-05-01T09:00:04Z') });
    sfn.on(StartExecutionCommand).rejects(serviceError('ExecutionAlreadyExists', 'Execution Already Exists'));

    // Act
    const result = await runAws(['start', 'leaver', '--input', JSON.stringify(LEAVER_INPUT), '--name', 'leaver-HR-1234']);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('an execution named "leaver-HR-1234" already ran in AtlassianJml-leaver: SUCCEEDED at 2026-05-01T09:00:04.000Z: names are unique for 90 days');
  });

  it('explains AccessDenied with the operation and the permission it needs (exit 1)', async () => {
    // Prepare
    sfn.on(StartExecutionCommand).rejects(serviceError('AccessDeniedException', 'User: arn:aws:iam::123456789012:user/ops is not authorized to perform: states:StartExecution'));

    // Act
    const result = await runAws(['start', 'leaver', '--input', JSON.stringify(LEAVER_INPUT)]);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/AWS refused StartExecution \(AccessDeniedException\): User: .* is not authorized .*The credentials need states:StartExecution/);
  });

  it('says which state machine it looked for when the stack is not deployed under that name (exit 1)', async () => {
    // Act
    const result = await runAws(['start', 'leaver', '--input', JSON.stringify(LEAVER_INPUT), '--stack', 'Nope']);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no state machine named Nope-leaver on AWS \(stack Nope, region eu-west-1\): .*--stack and --region/);
    expect(sfn).toHaveReceivedCommandTimes(StartExecutionCommand, 0);
  });
});

describe('jml execution command line', () => {
  it.each([
    [['start', 'leaver', '--input', '{}', '--stack', 'X'], /--stack only applies with --aws/],
    [['start', 'leaver', '--input', '{}', '--aws', '--endpoint', 'http://127.0.0.1:1'], /--endpoint and --aws exclude each other/],
    [['start', 'leaver', '--input', '{}', '--aws', '--region', 'Europe'], /--region must be an AWS region such as eu-west-1/],
    [['start', 'leaver', '--input', '{}', '--aws', '--stack', '9lives'], /--stack must be a stack name/],
    [['start', 'leaver', '--input', '{}', '--endpoint', 'localhost:8083'], /--endpoint must be an http\(s\) URL/],
    [['start', 'offboarder', '--input', '{}'], /give a workflow: joiner, mover, leaver, sweep, hr-event \(not "offboarder"\)/],
    [['start'], /missing argument: start <joiner\|mover\|leaver\|sweep\|hr-event>/],
    [['start', 'leaver'], /--input is required/],
    [['start', 'leaver', '--input', '{}', '--status', 'RUNNING'], /--status does not apply to start \(only to executions\)/],
    [['start', 'leaver', '--bogus'], /unknown option --bogus \(start takes --endpoint, --aws, .*--name\)/],
    [['start', 'leaver', '--input', '{}', '--api-url', 'http://127.0.0.1:1/admin'], /--api-url applies to run only/],
    [['describe'], /missing argument: describe <execution name\|execution ARN>/],
    [['stop', 'a', 'b'], /unexpected argument\(s\): b/],
  ])('exits 2 for %j', async (argv, message) => {
    // Act
    const result = await runCli(argv);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Run with --help for usage/);
    expect(sfn).not.toHaveReceivedAnyCommand();
  });

  it('is documented in --help: every command and every option, also from a command\'s own --help', async () => {
    // Act
    const help = await runCli(['--help']);
    const startHelp = await runCli(['start', '--help']);

    // Assess
    expect(help.code).toBe(0);
    for (const command of ['start <joiner|mover|leaver|sweep|hr-event>', 'executions [', 'describe <name|arn>', 'history <name|arn>', 'stop <name|arn>']) expect(help.stdout).toContain(`npm run jml -- ${command}`);
    for (const option of Object.keys(EXECUTION_OPTIONS)) expect(help.stdout).toMatch(new RegExp(`--${option}\\b`));
    expect(help.stdout).toContain('JML_ENDPOINT');
    expect(startHelp).toEqual(help);
  });

  it('takes the endpoint from JML_ENDPOINT and validates it', async () => {
    // Act
    const result = await runCli(['executions'], { JML_ENDPOINT: 'not a url' });

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/JML_ENDPOINT must be an http\(s\) URL/);
  });
});
