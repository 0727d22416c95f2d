import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  DescribeExecutionCommand, DescribeStateMachineCommand, ExecutionAlreadyExists, ExecutionDoesNotExist, GetExecutionHistoryCommand, HistoryEventType,
  InvalidArn, InvalidExecutionInput, InvalidName, InvalidToken, ListExecutionsCommand, ListStateMachinesCommand, StartExecutionCommand,
  StateMachineDoesNotExist, StopExecutionCommand, ValidationException, type SFNClient,
} from '@aws-sdk/client-sfn';
import { WORKFLOW_NAMES } from '../../local/engine/workflow-definition.js';
import type { RunningRuntime } from '../../local/runtime/start-runtime.js';
import { LEAVER_ARN, fullHistory, moveClock, sfnClient, useSharedRuntime, type TestOrg } from './support/runtime-harness.js';

const MACHINE = (workflow: string) => `arn:aws:states:us-east-1:000000000000:stateMachine:jml-${workflow}`;
const JOINER_ARN = MACHINE('joiner');
const dryLeaver = (email: string) => JSON.stringify({ email, dryRun: true });

describe('runtime: the Step Functions API through @aws-sdk/client-sfn', () => {
  let org: TestOrg;
  let runtime: RunningRuntime;
  let client: SFNClient;
  /** Starts an execution and lets it run until it waits or ends. */
  const run = async (stateMachineArn: string, name: string, input: string) => {
    const started = await client.send(new StartExecutionCommand({ stateMachineArn, name, input }));
    await moveClock(runtime.endpoint);
    return started.executionArn as string;
  };

  useSharedRuntime((shared) => {
    ({ org, runtime } = shared);
    client = sfnClient(runtime.endpoint);
  });

  it('ListStateMachines lists jml-<workflow> for every workflow, paged', async () => {
    // Act
    const all = await client.send(new ListStateMachinesCommand({}));
    const pages = [await client.send(new ListStateMachinesCommand({ maxResults: 2 }))];
    while (pages.at(-1)?.nextToken) pages.push(await client.send(new ListStateMachinesCommand({ maxResults: 2, nextToken: pages.at(-1)!.nextToken })));

    // Assess
    expect(all.stateMachines?.map((m) => m.name)).toEqual(WORKFLOW_NAMES.map((w) => `jml-${w}`).sort());
    expect(all.stateMachines?.every((m) => m.type === 'STANDARD' && m.stateMachineArn === MACHINE(m.name!.slice(4)) && m.creationDate instanceof Date)).toBe(true);
    expect(all.nextToken).toBeUndefined();
    expect(pages.length).toBe(Math.ceil(WORKFLOW_NAMES.length / 2));
    expect(pages.flatMap((page) => page.stateMachines ?? [])).toEqual(all.stateMachines);
    await expect(client.send(new ListStateMachinesCommand({ nextToken: 'bm9wZQ' }))).rejects.toBeInstanceOf(InvalidToken);
    await expect(client.send(new ListStateMachinesCommand({ maxResults: 1001 }))).rejects.toBeInstanceOf(ValidationException);
  });

  it('DescribeStateMachine returns the workflow ASL with local Lambda ARNs; unknown and malformed ARNs are refused', async () => {
    // Act
    const leaver = await client.send(new DescribeStateMachineCommand({ stateMachineArn: LEAVER_ARN }));

    // Assess
    const source = JSON.parse(readFileSync(new URL('../../workflows/leaver.asl.json', import.meta.url), 'utf8')) as { StartAt: string; States: object };
    const definition = JSON.parse(leaver.definition!) as { StartAt: string; States: Record<string, { Resource?: string }> };
    expect(definition.StartAt).toBe(source.StartAt);
    expect(Object.keys(definition.States)).toEqual(Object.keys(source.States));
    expect(definition.States.SuspendUser?.Resource).toBe('arn:aws:lambda:us-east-1:000000000000:function:SuspendUserFunctionArn');
    expect(leaver).toMatchObject({ name: 'jml-leaver', status: 'ACTIVE', type: 'STANDARD', roleArn: expect.stringMatching(/^arn:aws:iam::/) });
    await expect(client.send(new DescribeStateMachineCommand({ stateMachineArn: MACHINE('payroll') }))).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    await expect(client.send(new DescribeStateMachineCommand({ stateMachineArn: 'jml-leaver' }))).rejects.toBeInstanceOf(InvalidArn);
    await expect(client.send(new DescribeStateMachineCommand({ stateMachineArn: `${LEAVER_ARN.replace(':stateMachine:', ':execution:')}:x` }))).rejects.toBeInstanceOf(InvalidArn);
  });

  it('StartExecution is idempotent for the same name and input while running, and refuses a reused name otherwise', async () => {
    // Prepare: a leaver that waits (its grace period), and a dry run that ends
    const input = JSON.stringify({ email: 'dennis.ritchie@acme.example' });
    const started = await client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name: 'leaver-dennis', input }));
    const ended = await run(LEAVER_ARN, 'dry-ada', dryLeaver('ada.lovelace@acme.example'));

    // Act
    const repeats = await Promise.all([1, 2, 3].map(() => client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name: 'leaver-dennis', input }))));

    // Assess
    for (const repeat of repeats) expect({ arn: repeat.executionArn, start: repeat.startDate }).toEqual({ arn: started.executionArn, start: started.startDate });
    const otherInput = client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name: 'leaver-dennis', input: JSON.stringify({ email: 'dennis.ritchie@acme.example', reason: 'x' }) }));
    await expect(otherInput).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    await expect(otherInput).rejects.toThrow(/different input/);
    expect((await client.send(new DescribeExecutionCommand({ executionArn: ended }))).status).toBe('SUCCEEDED');
    await expect(client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name: 'dry-ada', input: dryLeaver('ada.lovelace@acme.example') })))
      .rejects.toThrow(/Execution Already Exists: '.*:execution:jml-leaver:dry-ada' \(it has ended \(SUCCEEDED\)/);
    const unnamed = await client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, input: dryLeaver('ada.lovelace@acme.example') }));
    expect(unnamed.executionArn).toMatch(/:execution:jml-leaver:[0-9a-f-]{36}$/);
    await client.send(new StopExecutionCommand({ executionArn: started.executionArn }));
  });

  it('StartExecution checks the name, the input and the state machine before anything runs', async () => {
    // Prepare
    const start = (name: string | undefined, input: string | undefined, stateMachineArn = LEAVER_ARN) =>
      client.send(new StartExecutionCommand({ stateMachineArn, name, input }));
    await moveClock(runtime.endpoint); // earlier tests' executions have made their calls
    const before = org.proxy.requests.length;

    // Act + Assess
    for (const name of ['', 'has space', 'a/b', 'colon:x', 'q?', 'brace{', 'dollar$', 'tab\tname', 'ctrl\u0001', 'x'.repeat(81)]) {
      await expect(start(name, '{}'), JSON.stringify(name)).rejects.toBeInstanceOf(InvalidName);
    }
    await expect(start('not-json', '{"email":')).rejects.toBeInstanceOf(InvalidExecutionInput);
    await expect(start('too-big', JSON.stringify({ email: 'a@acme.example', pad: 'x'.repeat(262_144) }))).rejects.toThrow(/at most 262144 \(256 KB\)/);
    await expect(start('too-big', JSON.stringify({ pad: 'x'.repeat(262_144) }))).rejects.toBeInstanceOf(InvalidExecutionInput);
    await expect(start('ok', '{}', MACHINE('payroll'))).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    await expect(start('ok', '{}', 'arn:aws:lambda:us-east-1:000000000000:function:x')).rejects.toBeInstanceOf(InvalidArn);
    expect(org.proxy.requests.length).toBe(before);
    const longest = await start('x'.repeat(80), dryLeaver('ada.lovelace@acme.example'));
    expect(longest.executionArn?.endsWith(`:${'x'.repeat(80)}`)).toBe(true);
  });

  it('DescribeExecution shows input and output of a SUCCEEDED run, error and cause of a FAILED one', async () => {
    // Prepare
    const succeeded = await run(LEAVER_ARN, 'describe-ok', dryLeaver('barbara.liskov@acme.example'));
    const failed = await run(LEAVER_ARN, 'describe-failed', JSON.stringify({ email: 'nobody@acme.example' }));

    // Act
    const ok = await client.send(new DescribeExecutionCommand({ executionArn: succeeded }));
    const bad = await client.send(new DescribeExecutionCommand({ executionArn: failed }));
    const metadata = await client.send(new DescribeExecutionCommand({ executionArn: succeeded, includedData: 'METADATA_ONLY' }));

    // Assess
    expect(ok).toMatchObject({ executionArn: succeeded, stateMachineArn: LEAVER_ARN, name: 'describe-ok', status: 'SUCCEEDED', input: dryLeaver('barbara.liskov@acme.example') });
    expect(ok.stopDate!.getTime()).toBeGreaterThanOrEqual(ok.startDate!.getTime());
    expect(JSON.parse(ok.output!)).toMatchObject({ workflow: 'leaver', status: 'DRY_RUN' });
    expect(bad).toMatchObject({ status: 'FAILED', error: expect.any(String), cause: expect.any(String) });
    expect(bad.output).toBeUndefined();
    expect(metadata.input).toBeUndefined();
    expect(metadata.output).toBeUndefined();
    expect(metadata.inputDetails).toEqual({ included: false });
    await expect(client.send(new DescribeExecutionCommand({ executionArn: `${succeeded}-nope` }))).rejects.toBeInstanceOf(ExecutionDoesNotExist);
    await expect(client.send(new DescribeExecutionCommand({ executionArn: LEAVER_ARN }))).rejects.toBeInstanceOf(InvalidArn);
    await expect(client.send(new StopExecutionCommand({ executionArn: `${succeeded}-nope` }))).rejects.toBeInstanceOf(ExecutionDoesNotExist);
    await expect(client.send(new StopExecutionCommand({ executionArn: 'nope' }))).rejects.toBeInstanceOf(InvalidArn);
  });

  it('ListExecutions lists newest first, filters by status and pages with maxResults and nextToken', async () => {
    // Prepare: five dry-run joiners (the only joiner executions), one of them stopped before it ran
    const names = ['j1', 'j2', 'j3', 'j4', 'j5'];
    for (const name of names) await client.send(new StartExecutionCommand({ stateMachineArn: JOINER_ARN, name, input: JSON.stringify({ email: `${name}@acme.example`, dryRun: true }) }));
    await client.send(new StopExecutionCommand({ executionArn: `${JOINER_ARN.replace(':stateMachine:', ':execution:')}:j5` }));
    await moveClock(runtime.endpoint);

    // Act
    const pages: string[][] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(new ListExecutionsCommand({ stateMachineArn: JOINER_ARN, maxResults: 2, nextToken }));
      pages.push(page.executions!.map((e) => e.name!));
      nextToken = page.nextToken;
    } while (nextToken);
    const succeeded = await client.send(new ListExecutionsCommand({ stateMachineArn: JOINER_ARN, statusFilter: 'SUCCEEDED', maxResults: 3 }));
    const aborted = await client.send(new ListExecutionsCommand({ stateMachineArn: JOINER_ARN, statusFilter: 'ABORTED' }));
    const running = await client.send(new ListExecutionsCommand({ stateMachineArn: JOINER_ARN, statusFilter: 'RUNNING' }));

    // Assess
    expect(pages).toEqual([['j5', 'j4'], ['j3', 'j2'], ['j1']]);
    expect(succeeded.executions?.map((e) => e.name)).toEqual(['j4', 'j3', 'j2']);
    expect(succeeded.executions?.every((e) => e.status === 'SUCCEEDED' && e.stopDate instanceof Date)).toBe(true);
    expect(aborted.executions?.map((e) => e.name)).toEqual(['j5']);
    expect(running.executions).toEqual([]);
    await expect(client.send(new ListExecutionsCommand({ stateMachineArn: JOINER_ARN, nextToken: succeeded.nextToken }))).rejects.toBeInstanceOf(InvalidToken);
    await expect(client.send(new ListExecutionsCommand({ stateMachineArn: LEAVER_ARN, statusFilter: 'SUCCEEDED', nextToken: succeeded.nextToken }))).rejects.toBeInstanceOf(InvalidToken);
    await expect(client.send(new ListExecutionsCommand({ stateMachineArn: JOINER_ARN, nextToken: 'garbage' }))).rejects.toBeInstanceOf(InvalidToken);
    await expect(client.send(new ListExecutionsCommand({}))).rejects.toBeInstanceOf(ValidationException);
    await expect(client.send(new ListExecutionsCommand({ stateMachineArn: JOINER_ARN, maxResults: 1001 }))).rejects.toThrow(/Member must have value less than or equal to 1000/);
    await expect(client.send(new ListExecutionsCommand({ stateMachineArn: MACHINE('payroll') }))).rejects.toBeInstanceOf(StateMachineDoesNotExist);
  });

  it('GetExecutionHistory records every step with AWS event types, ids and details, in either order and in pages', async () => {
    // Prepare: a real leaver up to its grace period (Tasks, Choices, a Map with three iterations, a Wait)
    const arn = await run(LEAVER_ARN, 'history-linus', JSON.stringify({ email: 'linus.torvalds@acme.example' }));

    // Act
    const events = await fullHistory(client, arn);
    const reversed = await client.send(new GetExecutionHistoryCommand({ executionArn: arn, reverseOrder: true, maxResults: 1000 }));
    const paged: number[] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(new GetExecutionHistoryCommand({ executionArn: arn, maxResults: 7, nextToken }));
      paged.push(...page.events!.map((e) => e.id!));
      nextToken = page.nextToken;
    } while (nextToken);
    const lean = await client.send(new GetExecutionHistoryCommand({ executionArn: arn, includeExecutionData: false, maxResults: 1000 }));

    // Assess
    const known = new Set<string>(Object.values(HistoryEventType));
    expect(events.every((e) => known.has(e.type!))).toBe(true);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
    expect(paged).toEqual(events.map((e) => e.id));
    expect(reversed.events?.map((e) => e.id)).toEqual(events.map((e) => e.id).reverse());
    expect(events[0]).toMatchObject({ type: 'ExecutionStarted', previousEventId: 0, executionStartedEventDetails: { input: JSON.stringify({ email: 'linus.torvalds@acme.example' }) } });
    const suspendAt = events.findIndex((e) => e.stateEnteredEventDetails?.name === 'SuspendUser');
    expect(events.slice(suspendAt, suspendAt + 5).map((e) => e.type)).toEqual(['TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded', 'TaskStateExited']);
    expect(JSON.parse(events[suspendAt + 4]!.stateExitedEventDetails!.output!)).toHaveProperty('results.suspend');
    const iterations = events.filter((e) => e.type === 'MapIterationStarted');
    expect(iterations.map((e) => e.mapIterationStartedEventDetails)).toEqual([0, 1, 2, 3].slice(0, iterations.length).map((index) => ({ name: 'RemoveGroupMemberships', index })));
    for (const started of iterations) {
      const firstInIteration = events.find((e) => e.previousEventId === started.id && e.type === 'TaskStateEntered');
      expect(firstInIteration?.stateEnteredEventDetails?.name).toBe('RemoveFromGroup');
    }
    expect(events.find((e) => e.type === 'MapStateStarted')?.mapStateStartedEventDetails).toEqual({ length: iterations.length });
    expect(events.at(-1)).toMatchObject({ type: 'WaitStateEntered', stateEnteredEventDetails: { name: 'WaitGracePeriod' } });
    expect(lean.events?.some((e) => e.stateEnteredEventDetails?.input !== undefined || e.executionStartedEventDetails?.input !== undefined)).toBe(false);
    expect(lean.events?.find((e) => e.type === 'TaskStateEntered')?.stateEnteredEventDetails?.name).toBe('PrepareRequest');
    await expect(client.send(new GetExecutionHistoryCommand({ executionArn: arn, reverseOrder: true, nextToken: (await client.send(new GetExecutionHistoryCommand({ executionArn: arn, maxResults: 2 }))).nextToken })))
      .rejects.toBeInstanceOf(InvalidToken);
    await client.send(new StopExecutionCommand({ executionArn: arn }));
  });

  it('GetExecutionHistory of a FAILED execution ends with the Fail state and ExecutionFailed', async () => {
    // Prepare
    const arn = await run(LEAVER_ARN, 'history-failed', JSON.stringify({ email: 'nobody@acme.example' }));

    // Act
    const events = await fullHistory(client, arn);
    const described = await client.send(new DescribeExecutionCommand({ executionArn: arn }));

    // Assess
    expect(events.slice(-2).map((e) => e.type)).toEqual(['FailStateEntered', 'ExecutionFailed']);
    expect(events.at(-1)?.executionFailedEventDetails).toEqual({ error: described.error, cause: described.cause });
  });
});
