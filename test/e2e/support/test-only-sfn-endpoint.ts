import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isWorkflowName, type WorkflowName } from '../../../local/engine/workflow-definition.js';

/**
 * TEST ONLY, and a stand-in: the durable local runtime (local/runtime/, `npm start`) serves the
 * real local Step Functions API, and replaces this at merge. This speaks just enough of the AWS
 * JSON 1.0 protocol for @aws-sdk/client-sfn's StartExecution and DescribeExecution, with Step
 * Functions' name rules (same name + same input while running: the same execution; otherwise
 * `ExecutionAlreadyExists`), and hands each new execution to `run` (the tests run it with the local
 * engine's runWorkflow). Nothing is persisted.
 */

export interface TestOnlyExecution {
  name: string;
  workflow: WorkflowName;
  input: unknown;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  done: Promise<void>;
}

export interface TestOnlySfnEndpoint {
  url: string;
  /** Every execution started, by name. */
  executions: Map<string, TestOnlyExecution>;
  close(): Promise<void>;
}

/** `arn:aws:states:local:000000000000:stateMachine:jml-<workflow>`: what the tests set as the ARNs. */
export function testOnlyStateMachineArn(workflow: WorkflowName): string {
  return `arn:aws:states:local:000000000000:stateMachine:jml-${workflow}`;
}

export async function startTestOnlySfnEndpoint(
  run: (workflow: WorkflowName, input: unknown, name: string) => Promise<'SUCCEEDED' | 'FAILED' | 'ABORTED'>,
): Promise<TestOnlySfnEndpoint> {
  const executions = new Map<string, TestOnlyExecution & { inputText: string }>();

  function startExecution(body: { stateMachineArn?: string; name?: string; input?: string }): [number, unknown] {
    const workflow = /:stateMachine:jml-(.+)$/.exec(body.stateMachineArn ?? '')?.[1];
    if (!workflow || !isWorkflowName(workflow)) return [400, { __type: 'StateMachineDoesNotExist', message: `State Machine Does Not Exist: '${body.stateMachineArn}'` }];
    const name = body.name ?? `${workflow}-${executions.size + 1}`;
    const inputText = body.input ?? '{}';
    const executionArn = `${body.stateMachineArn!.replace(':stateMachine:', ':execution:')}:${name}`;
    const existing = executions.get(name);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.inputText === inputText) return [200, { executionArn, startDate: Date.now() / 1000 }];
      return [400, { __type: 'ExecutionAlreadyExists', message: `Execution Already Exists: '${executionArn}'` }];
    }
    const input = JSON.parse(inputText) as unknown;
    const execution = { name, workflow, input, inputText, status: 'RUNNING' as TestOnlyExecution['status'], done: Promise.resolve() };
    execution.done = run(workflow, input, name).then(
      (status) => void (execution.status = status),
      () => void (execution.status = 'FAILED'),
    );
    executions.set(name, execution);
    return [200, { executionArn, startDate: Date.now() / 1000 }];
  }

  function describeExecution(body: { executionArn?: string }): [number, unknown] {
    const name = body.executionArn?.split(':').at(-1) ?? '';
    const execution = executions.get(name);
    if (!execution) return [400, { __type: 'ExecutionDoesNotExist', message: `Execution Does Not Exist: '${body.executionArn}'` }];
    return [200, { executionArn: body.executionArn, name, status: execution.status, startDate: Date.now() / 1000, input: execution.inputText }];
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      let answer: [number, unknown];
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        if (target === 'AWSStepFunctions.StartExecution') answer = startExecution(body);
        else if (target === 'AWSStepFunctions.DescribeExecution') answer = describeExecution(body);
        else answer = [400, { __type: 'UnknownOperationException', message: `${target} is not served by the test-only endpoint` }];
      } catch (error) {
        answer = [400, { __type: 'SerializationException', message: (error as Error).message }];
      }
      const text = JSON.stringify(answer[1]);
      res.writeHead(answer[0], { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    executions,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
