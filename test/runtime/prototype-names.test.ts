import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { demoCompany } from '../../local/hr-simulator/company.js';
import { bambooHrEventBody, DEFAULT_WEBHOOK_SECRETS, hiBobEventBody, sendDelivery, signDelivery } from '../../local/hr-simulator/deliveries.js';
import type { RunningRuntime } from '../../local/runtime/start-runtime.js';
import { ODD_TARGETS, PROTOTYPE_NAMES, rawGet } from '../support/raw-http.js';
import { sfnClient, startTestOrg, startTestRuntime, tempDataDir, type TestOrg } from './support/runtime-harness.js';

/** The org API key the runtime holds: recognisable, so a leak of it shows in any answer. */
const ORG_KEY = 'FAKE-ORG-KEY-prototype-names-7f3a9c';
/** A clean refusal is short: an error type and a sentence, never the runtime's internals. */
const MAX_REFUSAL_BYTES = 1_000;

const HR_SECRETS: Record<string, string> = {
  JML_HR_BAMBOOHR_WEBHOOK_KEY: DEFAULT_WEBHOOK_SECRETS.bamboohr,
  JML_HR_HIBOB_WEBHOOK_SECRET: DEFAULT_WEBHOOK_SECRETS.hibob,
  JML_HR_STANDARD_WEBHOOK_SECRET: DEFAULT_WEBHOOK_SECRETS.standard,
};

function expectCleanRefusal(status: number, body: string, expectedStatus: number): void {
  expect(status).toBe(expectedStatus);
  expect(body.length).toBeLessThan(MAX_REFUSAL_BYTES);
  expect(body).not.toContain(ORG_KEY);
}

describe('the runtime: a name from outside never selects code or data (every Object.prototype name)', () => {
  let org: TestOrg;
  let runtime: RunningRuntime;
  let data: ReturnType<typeof tempDataDir>;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    for (const [name, value] of Object.entries(HR_SECRETS)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    org = await startTestOrg({ apiKey: ORG_KEY });
    data = tempDataDir();
    runtime = await startTestRuntime(org, data.dir);
  });
  afterAll(async () => {
    await runtime?.close();
    await org?.close();
    data?.remove();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const post = (path: string, headers: Record<string, string>, body: string) =>
    fetch(`${runtime.endpoint}${path}`, { method: 'POST', headers, body }).then(async (response) => ({ status: response.status, body: await response.text() }));

  it.each(PROTOTYPE_NAMES)('X-Amz-Target AWSStepFunctions.%s is 400 UnknownOperationException (AWS error shape), nothing of the runtime in it', async (name) => {
    for (const target of [`AWSStepFunctions.${name}`, name]) {
      // Act
      const answer = await post('/', { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target }, '{}');

      // Assess
      expectCleanRefusal(answer.status, answer.body, 400);
      expect(JSON.parse(answer.body)).toEqual({ __type: 'com.amazon.coral.service#UnknownOperationException', message: expect.stringContaining('is not an operation of this runtime') });
    }
  });

  it.each(PROTOTYPE_NAMES)('POST /webhooks/%s is 404 unknown_source', async (name) => {
    const answer = await post(`/webhooks/${name}`, { 'content-type': 'application/json' }, '{}');
    expectCleanRefusal(answer.status, answer.body, 404);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'unknown_source' });
  });

  it.each(PROTOTYPE_NAMES)('GET and POST /__control/%s are 404; that name as the clock control body\'s key is 400', async (name) => {
    const got = await fetch(`${runtime.endpoint}/__control/${name}`).then(async (response) => ({ status: response.status, body: await response.text() }));
    const posted = await post(`/__control/${name}`, { 'content-type': 'application/json' }, '{}');
    const clock = await post('/__control/clock', { 'content-type': 'application/json' }, `{"${name}": 1}`);
    expectCleanRefusal(got.status, got.body, 404);
    expectCleanRefusal(posted.status, posted.body, 404);
    expectCleanRefusal(clock.status, clock.body, 400);
  });

  it('a signed HiBob or BambooHR delivery whose event type is an Object.prototype name is acknowledged as ignored and starts nothing', async () => {
    // Prepare
    const [ada] = demoCompany(new Date().toISOString().slice(0, 10));
    const client = sfnClient(runtime.endpoint);
    const hrEventArn = runtime.stateMachines.find((machine) => machine.workflow === 'hr-event')!.arn;

    // Act
    const answers = [];
    for (const name of PROTOTYPE_NAMES) {
      answers.push({ name, ...(await sendDelivery(runtime.endpoint, signDelivery('hibob', hiBobEventBody(ada, name, new Date())))) });
      answers.push({ name, ...(await sendDelivery(runtime.endpoint, signDelivery('bamboohr', bambooHrEventBody(ada, name, ['department'], new Date())))) });
    }

    // Assess
    for (const answer of answers) {
      expect({ name: answer.name, status: answer.status, body: answer.body }).toEqual({ name: answer.name, status: 200, body: { status: 'ignored', reason: `event type ${answer.name} is not mapped to an HR event` } });
    }
    expect((await client.send(new ListExecutionsCommand({ stateMachineArn: hrEventArn }))).executions).toEqual([]);
  });

  it('headers named after every Object.prototype member change nothing: a signed delivery still verifies', async () => {
    // Prepare
    const [ada] = demoCompany(new Date().toISOString().slice(0, 10));
    const delivery = signDelivery('hibob', hiBobEventBody(ada, 'employee.deleted', new Date()));
    const extra = Object.fromEntries(PROTOTYPE_NAMES.map((name) => [name, 'x']));

    // Act
    const answer = await sendDelivery(runtime.endpoint, { ...delivery, headers: { ...extra, ...delivery.headers } });

    // Assess
    expect(answer).toEqual({ status: 200, body: { status: 'ignored', reason: 'event type employee.deleted is not mapped to an HR event' } });
  });

  it.each(ODD_TARGETS)('the request target %s is a 4xx, and the runtime keeps serving', async (target) => {
    // Act
    const answer = await rawGet(runtime.port, target);
    const options = await rawGet(runtime.port, target, 'OPTIONS');
    const after = await fetch(`${runtime.endpoint}/__control/clock`);

    // Assess
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(options.status).toBeGreaterThanOrEqual(400);
    expect(options.status).toBeLessThan(500);
    expect(answer.body.length).toBeLessThan(MAX_REFUSAL_BYTES);
    expect(answer.body).not.toContain(ORG_KEY);
    expect(after.status).toBe(200);
  });

  it('GET // is 400 naming the problem (it was a 500: Invalid URL)', async () => {
    const answer = await rawGet(runtime.port, '//');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: expect.stringContaining('is not a path') });
  });
});
