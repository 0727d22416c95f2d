import { describe, expect, it } from 'vitest';
import {
  DescribeExecutionCommand, DescribeStateMachineCommand, GetExecutionHistoryCommand, ListExecutionsCommand, ListStateMachinesCommand, SFNClient,
  StartExecutionCommand, StopExecutionCommand, type HistoryEvent,
} from '@aws-sdk/client-sfn';
import type { RunningRuntime } from '../../local/runtime/start-runtime.js';
import { fullHistory, moveClock, sfnClient, useSharedRuntime } from './support/runtime-harness.js';

/**
 * Step Functions fidelity, through @aws-sdk/client-sfn as a user meets it: ARNs in the region the
 * client signs for, the Lambda payloads in the history, a non-object input, an oversized request.
 */

const machine = (region: string, workflow: string) => `arn:aws:states:${region}:000000000000:stateMachine:jml-${workflow}`;
const clientIn = (endpoint: string, region: string) =>
  new SFNClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });

/** The events of one Map iteration: those chained (previousEventId) from its MapIterationStarted to its end. */
function iterationEvents(events: HistoryEvent[], started: HistoryEvent): HistoryEvent[] {
  const chain: HistoryEvent[] = [];
  let last = started.id;
  for (const event of events) {
    if (event.previousEventId !== last || event.type === 'MapIterationStarted') continue;
    chain.push(event);
    last = event.id;
    if (event.type === 'MapIterationSucceeded' || event.type === 'MapIterationFailed') break;
  }
  return chain;
}

describe('runtime: Step Functions fidelity', () => {
  let runtime: RunningRuntime;
  let client: SFNClient;

  useSharedRuntime((shared) => {
    runtime = shared.runtime;
    client = sfnClient(runtime.endpoint); // signs for us-east-1, as the SDK's and the CLI's usual region
  });

  it('answers with ARNs in the region the request was signed for, and takes ARNs of any region (local too)', async () => {
    // Prepare
    const eu = clientIn(runtime.endpoint, 'eu-west-1');

    // Act
    const listedEu = await eu.send(new ListStateMachinesCommand({}));
    const started = await eu.send(new StartExecutionCommand({ stateMachineArn: machine('eu-west-1', 'leaver'), name: 'region-eu', input: '{"email":"ada.lovelace@acme.example","dryRun":true}' }));
    await moveClock(runtime.endpoint);
    const seenFromUs = await client.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    const byLocalArn = await client.send(new DescribeExecutionCommand({ executionArn: 'arn:aws:states:local:000000000000:execution:jml-leaver:region-eu' }));
    const listedUs = await client.send(new ListExecutionsCommand({ stateMachineArn: machine('local', 'leaver') }));
    const describedEu = await eu.send(new DescribeStateMachineCommand({ stateMachineArn: machine('ap-southeast-2', 'leaver') }));
    const historyEu = await fullHistory(eu, started.executionArn!);
    const unsigned = await fetch(runtime.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.ListStateMachines' }, body: '{}' });
    const badScope = await fetch(runtime.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'AWSStepFunctions.ListStateMachines',
        authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/EU_WEST_1/states/aws4_request, SignedHeaders=host, Signature=00',
      },
      body: '{}',
    });

    // Assess
    expect(listedEu.stateMachines?.map((m) => m.stateMachineArn)).toContain(machine('eu-west-1', 'leaver'));
    expect(started.executionArn).toBe('arn:aws:states:eu-west-1:000000000000:execution:jml-leaver:region-eu');
    expect(seenFromUs).toMatchObject({ status: 'SUCCEEDED', executionArn: 'arn:aws:states:us-east-1:000000000000:execution:jml-leaver:region-eu', stateMachineArn: machine('us-east-1', 'leaver') });
    expect(byLocalArn.executionArn).toBe(seenFromUs.executionArn);
    expect(listedUs.executions?.map((e) => e.executionArn)).toContain(seenFromUs.executionArn);
    expect(describedEu.stateMachineArn).toBe(machine('eu-west-1', 'leaver'));
    expect(JSON.parse(describedEu.definition!).States.PrepareRequest.Resource).toBe('arn:aws:lambda:eu-west-1:000000000000:function:PrepareRequestFunctionArn');
    expect(historyEu.find((e) => e.type === 'LambdaFunctionScheduled')?.lambdaFunctionScheduledEventDetails?.resource).toBe('arn:aws:lambda:eu-west-1:000000000000:function:PrepareRequestFunctionArn');
    expect(((await unsigned.json()) as { stateMachines: { stateMachineArn: string }[] }).stateMachines[0]?.stateMachineArn).toMatch(/^arn:aws:states:us-east-1:000000000000:/);
    expect(badScope.status).toBe(400);
    expect(await badScope.json()).toEqual({ __type: 'com.amazon.coral.service#InvalidSignatureException', message: 'Credential should be scoped to a valid region, not "EU_WEST_1".' });
    expect(runtime.stateMachines.find((m) => m.workflow === 'leaver')?.arn).toBe(machine('us-east-1', 'leaver'));
    eu.destroy();
  });

  it('records each Lambda call as AWS does: its payload on LambdaFunctionScheduled, its result on LambdaFunctionSucceeded, per Map iteration', async () => {
    // Prepare: a leaver up to its grace period (a Map removes three group memberships)
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: machine('us-east-1', 'leaver'), name: 'payloads-linus', input: '{"email":"linus.torvalds@acme.example"}' }));
    await moveClock(runtime.endpoint);

    // Act
    const events = await fullHistory(client, executionArn!);
    const lean = await client.send(new GetExecutionHistoryCommand({ executionArn, includeExecutionData: false, maxResults: 1000 }));

    // Assess: the first Task got the execution input wrapped by its Parameters, and returned the request
    const scheduled = events.find((e) => e.type === 'LambdaFunctionScheduled')!.lambdaFunctionScheduledEventDetails!;
    expect(JSON.parse(scheduled.input!)).toEqual({ workflow: 'leaver', input: { email: 'linus.torvalds@acme.example' }, _meta: { executionName: 'payloads-linus', stateName: 'PrepareRequest' } });
    expect(scheduled.inputDetails).toEqual({ truncated: false });
    expect(scheduled).not.toHaveProperty('timeoutInSeconds'); // the Tasks set no TimeoutSeconds: AWS records none then
    const succeeded = events.find((e) => e.type === 'LambdaFunctionSucceeded')!.lambdaFunctionSucceededEventDetails!;
    const exited = events.find((e) => e.type === 'TaskStateExited')!.stateExitedEventDetails!;
    expect(JSON.parse(succeeded.output!)).toEqual(JSON.parse(exited.output!).request); // the raw result, before ResultSelector
    expect(succeeded.outputDetails).toEqual({ truncated: false });

    // Assess: each Map iteration's Lambda got its own item and returned its own outcome
    const groups = (JSON.parse(events.find((e) => e.type === 'MapStateEntered')!.stateEnteredEventDetails!.input!) as { snapshot: { groups: { id: string }[] } }).snapshot.groups;
    const iterations = events.filter((e) => e.type === 'MapIterationStarted');
    expect(iterations).toHaveLength(groups.length);
    expect(groups.length).toBeGreaterThan(1);
    for (const started of iterations) {
      const lane = iterationEvents(events, started);
      const group = groups[started.mapIterationStartedEventDetails!.index!]!;
      expect(lane.map((e) => e.type)).toEqual(['TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded', 'TaskStateExited', 'MapIterationSucceeded']);
      expect(JSON.parse(lane[1]!.lambdaFunctionScheduledEventDetails!.input!)).toMatchObject({ groupId: group.id });
      expect(JSON.parse(lane[3]!.lambdaFunctionSucceededEventDetails!.output!)).toEqual(JSON.parse(lane[4]!.stateExitedEventDetails!.output!));
    }
    const leanLambda = lean.events!.filter((e) => e.type?.startsWith('LambdaFunctionS') && e.type !== 'LambdaFunctionStarted');
    expect(leanLambda.length).toBeGreaterThan(0);
    expect(leanLambda.some((e) => e.lambdaFunctionScheduledEventDetails?.input ?? e.lambdaFunctionSucceededEventDetails?.output)).toBe(false);
    await client.send(new StopExecutionCommand({ executionArn }));
  });

  it.each([['a number', '42'], ['an array', '[]'], ['a string', '"ada.lovelace@acme.example"']])(
    'an input that is JSON but %s starts, then fails with the validation message as the cause',
    async (_what, input) => {
      // Act
      const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: machine('us-east-1', 'leaver'), input }));
      await moveClock(runtime.endpoint);
      const described = await client.send(new DescribeExecutionCommand({ executionArn }));

      // Assess
      expect(described).toMatchObject({ status: 'FAILED', error: 'Jml.InvalidInput', input });
      const cause = JSON.parse(described.cause!) as { errorMessage: string; completed: unknown[] };
      expect(cause.errorMessage).toMatch(/^The leaver failed: Invalid leaver input: \(the input\): the input must be a JSON object, e\.g\. \{ "email": .*nothing was changed\.$/);
      expect(cause.completed).toEqual([]);
    },
  );

  it('answers a request body over 4 MB with 413 in the AWS error shape', async () => {
    // Act
    const sent = client.send(new StartExecutionCommand({ stateMachineArn: machine('us-east-1', 'leaver'), name: 'too-large', input: JSON.stringify({ email: 'a@acme.example', pad: 'x'.repeat(4.5 * 1024 * 1024) }) }));

    // Assess
    const error = (await sent.then(() => undefined, (thrown: unknown) => thrown)) as { name: string; message: string; $metadata: { httpStatusCode: number } };
    expect(error).toMatchObject({ name: 'RequestEntityTooLargeException', $metadata: { httpStatusCode: 413 } });
    expect(error.message).toMatch(/larger than 4194304 bytes \(4 MB\)/);
    const raw = await fetch(runtime.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.StartExecution' }, body: 'x'.repeat(4 * 1024 * 1024 + 1) });
    expect(raw.status).toBe(413);
    expect(raw.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await raw.json()) as { __type: string }).__type).toBe('com.amazon.coral.service#RequestEntityTooLargeException');
    expect((await client.send(new ListExecutionsCommand({ stateMachineArn: machine('us-east-1', 'leaver') }))).executions?.map((e) => e.name)).not.toContain('too-large');
  });
});
