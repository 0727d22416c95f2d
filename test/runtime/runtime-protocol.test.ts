import { describe, expect, it } from 'vitest';
import { WORKFLOW_NAMES } from '../../workflows/catalog.js';
import { request } from 'node:http';
import { CreateStateMachineCommand, ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import type { SfnError } from '../../local/runtime/sfn/sfn-error.js';
import type { RunningRuntime } from '../../local/runtime/start-runtime.js';
import { DAY, sfnClient, startTestRuntime, tempDataDir, useSharedRuntime, type TestOrg } from './support/runtime-harness.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with exactly these headers (fetch would not let a test set Host). */
function raw(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path ?? '/', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const AWS_JSON = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.ListStateMachines' };

describe('runtime: AWS JSON 1.0 protocol, browser guards and the clock control', () => {
  let org: TestOrg;
  let runtime: RunningRuntime;

  useSharedRuntime((shared) => ({ org, runtime } = shared));

  it('answers as AWS does: content type, request id, and error bodies with __type and message', async () => {
    // Act
    const ok = await raw(runtime.port, { headers: AWS_JSON, body: '{}' });
    const unknown = await raw(runtime.port, { headers: { ...AWS_JSON, 'x-amz-target': 'AWSStepFunctions.CreateStateMachine' }, body: '{}' });
    const noTarget = await raw(runtime.port, { headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' });
    const notJson = await raw(runtime.port, { headers: AWS_JSON, body: '{"maxResults":' });
    const wrongType = await raw(runtime.port, { headers: AWS_JSON, body: '{"maxResults":"ten"}' });
    const viaSdk = sfnClient(runtime.endpoint).send(new CreateStateMachineCommand({ name: 'x', definition: '{}', roleArn: 'arn:aws:iam::000000000000:role/x' }));

    // Assess
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(ok.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(ok.body).stateMachines).toHaveLength(WORKFLOW_NAMES.length);
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body)).toEqual({
      __type: 'com.amazon.coral.service#UnknownOperationException',
      message: expect.stringContaining('"AWSStepFunctions.CreateStateMachine" is not an operation of this runtime'),
    });
    expect(JSON.parse(noTarget.body).__type).toBe('com.amazon.coral.service#UnknownOperationException');
    expect([notJson.status, JSON.parse(notJson.body).__type]).toEqual([400, 'com.amazon.coral.service#SerializationException']);
    expect(JSON.parse(wrongType.body)).toEqual({ __type: 'com.amazon.coral.service#SerializationException', message: 'maxResults: expected number, got "ten"' });
    await expect(viaSdk).rejects.toMatchObject({ name: 'UnknownOperationException', $metadata: { httpStatusCode: 400 } });
  });

  it('refuses requests a browser could send: a foreign Host (DNS rebinding), any Origin, a non-AWS-JSON body', async () => {
    // Act
    const rebound = await raw(runtime.port, { headers: { ...AWS_JSON, host: `attacker.example:${runtime.port}` }, body: '{}' });
    const otherPort = await raw(runtime.port, { headers: { ...AWS_JSON, host: '127.0.0.1:1' }, body: '{}' });
    const crossSite = await raw(runtime.port, { headers: { ...AWS_JSON, origin: 'https://attacker.example' }, body: '{}' });
    const nullOrigin = await raw(runtime.port, { headers: { ...AWS_JSON, origin: 'null' }, body: '{}' });
    const formPost = await raw(runtime.port, { headers: { 'content-type': 'text/plain', 'x-amz-target': 'AWSStepFunctions.StartExecution' }, body: '{"stateMachineArn":"x"}' });
    const controlRebound = await raw(runtime.port, { path: '/__control/clock', headers: { host: `attacker.example:${runtime.port}`, 'content-type': 'application/json' }, body: '{"advanceMs":1}' });
    const controlForm = await raw(runtime.port, { path: '/__control/clock', headers: { 'content-type': 'text/plain' }, body: '{"advanceMs":1}' });
    const webhookFromPage = await raw(runtime.port, { path: '/webhooks/standard', headers: { 'content-type': 'application/json', origin: 'https://intranet.example' }, body: '{}' });
    const localhost = await sfnClient(`http://localhost:${runtime.port}`).send(new ListStateMachinesCommand({}));

    // Assess
    expect([rebound.status, JSON.parse(rebound.body).__type]).toEqual([403, 'com.amazon.coral.service#AccessDeniedException']);
    expect(JSON.parse(rebound.body).message).toMatch(/not this runtime's loopback address.*DNS rebinding/);
    expect(otherPort.status).toBe(403);
    expect(crossSite.status).toBe(403);
    expect(JSON.parse(crossSite.body).message).toMatch(/Origin header.*Use the AWS SDK or CLI/);
    expect(webhookFromPage.status).toBe(403);
    expect(JSON.parse(webhookFromPage.body).error).toMatch(/Origin header .*HR systems deliver webhooks server to server, without an Origin; a browser cannot deliver one/);
    expect(JSON.parse(webhookFromPage.body).error).not.toMatch(/AWS SDK/);
    expect(nullOrigin.status).toBe(403);
    expect(formPost.status).toBe(415);
    expect(JSON.parse(formPost.body).message).toMatch(/Content-Type must be application\/x-amz-json-1\.0/);
    expect([controlRebound.status, JSON.parse(controlRebound.body).error]).toEqual([403, expect.stringMatching(/DNS rebinding/)]);
    expect(controlForm.status).toBe(415);
    expect(localhost.stateMachines).toHaveLength(WORKFLOW_NAMES.length);
  });

  it('routes are pluggable: an extra route is served behind the same guards and can start executions in-process', async () => {
    // Prepare
    runtime.router.add('POST', '/hooks/:source', (req) => {
      try {
        const started = runtime.startExecution({
          stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:jml-joiner',
          name: `hook-${req.params.source}`,
          input: JSON.stringify({ email: 'new.hire@acme.example', dryRun: true, reason: req.body.toString() }),
        });
        return { status: 202, body: { source: req.params.source, bytes: req.body.length, executionArn: started.executionArn } };
      } catch (error) {
        return { status: 409, body: { refused: (error as SfnError).type } };
      }
    });

    // Act
    const accepted = await raw(runtime.port, { path: '/hooks/hibob', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    const conflicting = await raw(runtime.port, { path: '/hooks/hibob', headers: { 'content-type': 'application/json' }, body: '{"a":2}' });
    const browser = await raw(runtime.port, { path: '/hooks/hibob', headers: { origin: 'https://x.example' }, body: '{}' });
    const wrongMethod = await raw(runtime.port, { method: 'GET', path: '/hooks/hibob' });
    const nothing = await raw(runtime.port, { method: 'GET', path: '/nothing-here' });

    // Assess
    const executionArn = 'arn:aws:states:us-east-1:000000000000:execution:jml-joiner:hook-hibob';
    expect([accepted.status, JSON.parse(accepted.body)]).toEqual([202, { source: 'hibob', bytes: 7, executionArn }]);
    expect([conflicting.status, JSON.parse(conflicting.body)]).toEqual([409, { refused: 'ExecutionAlreadyExists' }]); // StartExecution's rules, in-process
    expect(browser.status).toBe(403);
    expect([wrongMethod.status, wrongMethod.headers.allow]).toEqual([405, 'POST']);
    expect(nothing.status).toBe(404);
  });

  it('the clock control validates the whole move before applying any of it, and only moves forward', async () => {
    // Prepare
    const read = async () => JSON.parse((await raw(runtime.port, { method: 'GET', path: '/__control/clock' })).body) as { mode: string; now: string };
    const before = await read();
    const post = (body: string) => raw(runtime.port, { path: '/__control/clock', headers: { 'content-type': 'application/json' }, body });

    // Act
    const refused = await Promise.all([
      post('{"advanceMs":-1}'),
      post('{"advanceMs":"60000"}'),
      post('{"advanceMs":1e400}'),
      post('{}'),
      post('{"advanceMs":1000,"setTime":"2030-01-01T00:00:00Z"}'),
      post('{"setTime":"next tuesday"}'),
      post('{"setTime":"2001-01-01T00:00:00Z"}'),
      post('{"advanceMs":1e300}'),
      post('not json'),
    ]);
    const afterRefusals = await read();
    const moved = await post(JSON.stringify({ advanceMs: DAY }));
    const jumped = await post(JSON.stringify({ setTime: new Date(Date.parse(before.now) + 3 * DAY).toISOString() }));

    // Assess
    expect(before.mode).toBe('manual');
    expect(refused.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 400, 400, 400, 400, 400]);
    expect(JSON.parse(refused[0]!.body).error).toMatch(/must not be negative/);
    expect(JSON.parse(refused[1]!.body).error).toBe('advanceMs must be a number of milliseconds, not the string "60000"');
    expect(JSON.parse(refused[2]!.body).error).toBe('advanceMs must be a finite number of milliseconds');
    expect(JSON.parse(refused[4]!.body).error).toMatch(/exactly one of .*: not both/);
    expect(JSON.parse(refused[6]!.body).error).toMatch(/only moves forward/);
    expect(afterRefusals.now).toBe(before.now);
    expect(moved.status).toBe(200);
    expect(Date.parse(JSON.parse(moved.body).now) - Date.parse(before.now)).toBe(DAY);
    expect(Date.parse(JSON.parse(jumped.body).now) - Date.parse(before.now)).toBe(3 * DAY);
  });

  it('on the system clock the control endpoint reads the time but refuses to move it (409)', async () => {
    // Prepare
    const other = tempDataDir();
    const system = await startTestRuntime(org, other.dir, { clock: 'system' });

    // Act
    const read = await raw(system.port, { method: 'GET', path: '/__control/clock' });
    const move = await raw(system.port, { path: '/__control/clock', headers: { 'content-type': 'application/json' }, body: '{"advanceMs":1000}' });
    await system.close();
    other.remove();

    // Assess
    expect([read.status, JSON.parse(read.body).mode]).toEqual([200, 'system']);
    expect([move.status, JSON.parse(move.body).error]).toEqual([409, expect.stringMatching(/--clock manual/)]);
  });
});
