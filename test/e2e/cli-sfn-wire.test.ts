import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, runScript } from './cli-harness.js';
import { startFakeStepFunctions, type FakeSfnScript, type FakeStepFunctions } from './support/fake-step-functions.js';

/**
 * The execution commands over real HTTP, against a scripted test double of the Step Functions
 * JSON 1.0 protocol (support/fake-step-functions.ts): what goes on the wire and how answers and
 * errors are read. The end-to-end test against the real local runtime is cli-runtime.test.ts.
 */

const MACHINE = (workflow: string) => `arn:aws:states:local:000000000000:stateMachine:jml-${workflow}`;
const EXECUTION = (workflow: string, name: string) => `arn:aws:states:local:000000000000:execution:jml-${workflow}:${name}`;

/** ListStateMachines as the local runtime answers it; everything else from `rest`. */
const withMachines = (rest: FakeSfnScript): FakeSfnScript => (operation, body) =>
  operation === 'ListStateMachines'
    ? { body: { stateMachines: ['joiner', 'mover', 'leaver'].map((workflow) => ({ name: `jml-${workflow}`, stateMachineArn: MACHINE(workflow), type: 'STANDARD', creationDate: 1778580000 })) } }
    : rest(operation, body);

const fakes: FakeStepFunctions[] = [];
async function fake(script: FakeSfnScript): Promise<FakeStepFunctions> {
  const started = await startFakeStepFunctions(script);
  fakes.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((started) => started.close()));
});

describe('jml execution commands on the wire (AWS JSON 1.0)', () => {
  it('sends X-Amz-Target, the JSON 1.0 content type and the request body, signed with dummy credentials; reads epoch-second dates', async () => {
    // Prepare
    const sfn = await fake(withMachines((operation) => operation === 'DescribeExecution'
      ? { error: 'ExecutionDoesNotExist', message: 'Execution Does Not Exist' }
      : { body: { executionArn: EXECUTION('leaver', 'leaver-HR-1'), startDate: 1778580903.25 } }));

    // Act
    const result = await runCli(['start', 'leaver', '--input', '{"email":"ada@acme.example"}', '--name', 'leaver-HR-1', '--endpoint', sfn.endpoint]);

    // Assess
    expect(result.code).toBe(0);
    // A chosen --name is looked up first, so a repeated start can say what already ran.
    expect(sfn.requests.map((request) => request.target)).toEqual(['AWSStepFunctions.ListStateMachines', 'AWSStepFunctions.DescribeExecution', 'AWSStepFunctions.StartExecution']);
    expect(sfn.requests.every((request) => request.contentType === 'application/x-amz-json-1.0')).toBe(true);
    expect(sfn.requests[2].body).toEqual({ stateMachineArn: MACHINE('leaver'), name: 'leaver-HR-1', input: '{"email":"ada@acme.example"}' });
    expect(sfn.requests[2].authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=jml-local\//);
    expect(result.stdout).toContain('2026-05-12T10:15:03.250Z');
  });

  it('reads the error type from __type, with or without its namespace', async () => {
    // Prepare: only the leaver state machine has the execution.
    const sfn = await fake(withMachines((operation, body) => {
      if (operation === 'StartExecution') return { error: 'ExecutionAlreadyExists', message: 'Execution Already Exists' };
      if (body.executionArn !== EXECUTION('leaver', 'HR-1')) return { error: 'com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist', message: 'Execution Does Not Exist' };
      return { body: { executionArn: body.executionArn, stateMachineArn: MACHINE('leaver'), name: 'HR-1', status: 'SUCCEEDED', startDate: 1778580000, stopDate: 1778580004, input: '{}', output: '{"ok":true}' } };
    }));

    // Act
    const described = await runCli(['describe', 'HR-1', '--endpoint', sfn.endpoint]);
    const repeated = await runCli(['start', 'leaver', '--input', '{"email":"ada@acme.example"}', '--name', 'HR-1', '--endpoint', sfn.endpoint]);

    // Assess
    expect(described.code).toBe(0);
    expect(described.stdout).toMatch(/^status +SUCCEEDED$/m);
    expect(sfn.requests.filter((request) => request.operation === 'DescribeExecution').map((request) => request.body.executionArn)).toEqual([
      EXECUTION('joiner', 'HR-1'), EXECUTION('mover', 'HR-1'), EXECUTION('leaver', 'HR-1'), EXECUTION('leaver', 'HR-1'),
    ]);
    expect(repeated.code).toBe(1);
    expect(repeated.stderr).toContain('an execution named "HR-1" already ran in jml-leaver: SUCCEEDED at 2026-05-12T10:00:04.000Z: names are unique for 90 days');
  });

  it('says there is no local runtime when nothing listens at the endpoint', async () => {
    // Prepare: a port that was free a moment ago.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise((resolve) => server.close(resolve));

    // Act
    const result = await runCli(['executions'], { JML_ENDPOINT: endpoint });

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`jml executions: no local runtime at ${endpoint}: start it with \`npm start\`, or pass --endpoint / --aws (ECONNREFUSED)\n`);
    expect(result.stdout).toBe('');
  });

  it('says when the endpoint is some other HTTP service', async () => {
    // Prepare
    const other = await fake(() => ({ raw: '<html><body>Not Found</body></html>', status: 404 }));

    // Act
    const result = await runCli(['describe', 'leaver-x', '--endpoint', other.endpoint]);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/answered HTTP 404 to ListStateMachines with something that is not a Step Functions response: is it the jml local runtime \(`npm start`\)\?/);
  });

  it('works as a real process: JSON alone on stdout, no AWS configuration, no credentials printed', async () => {
    // Prepare
    const sfn = await fake(withMachines((_operation, body) => ({
      body: body.stateMachineArn === MACHINE('leaver')
        ? { executions: [{ name: 'leaver-HR-1', executionArn: EXECUTION('leaver', 'leaver-HR-1'), stateMachineArn: MACHINE('leaver'), status: 'RUNNING', startDate: 1778580000 }] }
        : { executions: [] },
    })));

    // Act
    const result = await runScript('local/cli.ts', ['executions', '--json', '--status', 'RUNNING'], {
      JML_ENDPOINT: sfn.endpoint, AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_SECRET_ACCESS_KEY: 'canary-secret-key',
    });

    // Assess
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { name: 'leaver-HR-1', workflow: 'leaver', status: 'RUNNING', startDate: '2026-05-12T10:00:00.000Z', executionArn: EXECUTION('leaver', 'leaver-HR-1') },
    ]);
    expect(sfn.requests.filter((request) => request.operation === 'ListExecutions').map((request) => request.body.statusFilter)).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
    expect(result.stdout + result.stderr).not.toMatch(/canary-secret-key|jml-local/);
    expect(result.stderr).not.toMatch(/Warning/);
  });
});
