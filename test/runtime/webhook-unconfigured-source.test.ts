import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadJmlConfigFile } from '../../functions/lib/config/index.js';
import { configuredWebhookSources } from '../../functions/lib/hr/configured-webhook-sources.js';
import { demoCompany } from '../../local/hr-simulator/company.js';
import { bambooHrEventBody, DEFAULT_WEBHOOK_SECRETS, hiBobEventBody, sendDelivery, signDelivery } from '../../local/hr-simulator/deliveries.js';
import type { RunningRuntime } from '../../local/runtime/start-runtime.js';
import { EXAMPLE_CONFIG, sfnClient, startTestOrg, startTestRuntime, tempDataDir, type TestOrg } from './support/runtime-harness.js';

/** Every variable that can configure an HR webhook secret: unset for these tests unless a test sets it. */
const SECRET_VARIABLES = [
  'JML_HR_BAMBOOHR_WEBHOOK_KEY', 'JML_HR_BAMBOOHR_WEBHOOK_SECRET_ID',
  'JML_HR_HIBOB_WEBHOOK_SECRET', 'JML_HR_HIBOB_WEBHOOK_SECRET_ID',
  'JML_HR_STANDARD_WEBHOOK_SECRET', 'JML_HR_STANDARD_WEBHOOK_SECRET_ID',
  'JML_HR_SECRETS_FILE',
];
const ada = demoCompany(new Date().toISOString().slice(0, 10))[0];

describe('npm start: a delivery to an HR source whose secret is not set is 503 with Retry-After, logged once', () => {
  let org: TestOrg;
  let data: ReturnType<typeof tempDataDir>;
  let runtime: RunningRuntime;
  let logs: string[];
  const saved = new Map<string, string | undefined>();

  beforeAll(async () => {
    org = await startTestOrg();
  });
  afterAll(() => org?.close());
  beforeEach(() => {
    for (const name of SECRET_VARIABLES) {
      saved.set(name, process.env[name]);
      delete process.env[name];
    }
    data = tempDataDir();
    logs = [];
  });
  afterEach(async () => {
    await runtime?.close();
    data.remove();
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  /** The runtime as `npm start` runs it, with the environment as set by the test (read per runtime). */
  async function startWith(variables: Record<string, string>): Promise<RunningRuntime> {
    Object.assign(process.env, variables);
    runtime = await startTestRuntime(org, data.dir, { log: (line) => logs.push(line) });
    return runtime;
  }

  it('HiBob without JML_HR_HIBOB_WEBHOOK_SECRET(_ID): 503, Retry-After 300, the variables to set, one log line per delivery, nothing started', async () => {
    // Prepare
    await startWith({ JML_HR_BAMBOOHR_WEBHOOK_KEY: DEFAULT_WEBHOOK_SECRETS.bamboohr });
    const delivery = signDelivery('hibob', hiBobEventBody(ada, 'employee.left', new Date()));

    // Act
    const response = await fetch(`${runtime.endpoint}/webhooks/hibob`, { method: 'POST', headers: delivery.headers, body: delivery.body });
    const body = await response.json() as Record<string, unknown>;
    const again = await sendDelivery(runtime.endpoint, delivery);

    // Assess
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('300');
    expect(body).toEqual({
      error: 'source_not_configured',
      message: expect.stringMatching(/hibob webhook is enabled but its signing secret is not configured.*set JML_HR_HIBOB_WEBHOOK_SECRET .*JML_HR_SECRETS_FILE.*JML_HR_HIBOB_WEBHOOK_SECRET_ID/),
      set: ['JML_HR_HIBOB_WEBHOOK_SECRET', 'JML_HR_HIBOB_WEBHOOK_SECRET_ID', 'JML_HR_SECRETS_FILE'],
    });
    expect(JSON.stringify(body)).not.toContain(DEFAULT_WEBHOOK_SECRETS.bamboohr);
    expect(again.status).toBe(503);
    expect(logs).toEqual([
      expect.stringMatching(/^webhook "hibob": refused 503 source_not_configured: The hibob webhook is enabled but its signing secret is not configured/),
      expect.stringMatching(/^webhook "hibob": refused 503 source_not_configured: /),
    ]);
    const hrEvent = runtime.stateMachines.find((machine) => machine.workflow === 'hr-event')!.arn;
    expect((await sfnClient(runtime.endpoint).send(new ListExecutionsCommand({ stateMachineArn: hrEvent }))).executions).toEqual([]);
  });

  it('every other delivery is one log line too (404, 401, 415 refused; 200 acknowledged), with source, status and reason', async () => {
    // Prepare
    await startWith({ JML_HR_BAMBOOHR_WEBHOOK_KEY: DEFAULT_WEBHOOK_SECRETS.bamboohr });

    // Act
    const statuses = [
      (await sendDelivery(runtime.endpoint, signDelivery('bamboohr', bambooHrEventBody(ada, 'employee.deleted', undefined, new Date())))).status,
      (await sendDelivery(runtime.endpoint, signDelivery('bamboohr', bambooHrEventBody(ada, 'employee.updated', ['department'], new Date())), '/webhooks/workday')).status,
      (await sendDelivery(runtime.endpoint, signDelivery('bamboohr', bambooHrEventBody(ada, 'employee.updated', ['department'], new Date()), { breakage: 'wrong-signature' }))).status,
      (await sendDelivery(runtime.endpoint, signDelivery('bamboohr', bambooHrEventBody(ada, 'employee.updated', ['department'], new Date()), { breakage: 'wrong-content-type' }))).status,
    ];

    // Assess
    expect(statuses).toEqual([200, 404, 401, 415]);
    expect(logs).toEqual([
      'webhook "bamboohr": 200 ignored (employee.deleted): event type employee.deleted is not mapped to an HR event',
      'webhook "workday": refused 404 unknown_source: No webhook source "workday" is enabled here.',
      expect.stringMatching(/^webhook "bamboohr": refused 401 invalid_signature: /),
      'webhook "bamboohr": refused 415 unsupported_media_type: Content-Type must be application/json.',
    ]);
    expect(logs.join('\n')).not.toContain(ada.workEmail);
  });

  it('a secrets file that is not JSON is 503 too, and neither the answer nor the log quotes the file', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'jml-hr-secrets-'));
    const file = join(dir, 'hr-secrets.json');
    writeFileSync(file, '{"JML_HR_HIBOB_WEBHOOK_SECRET": s3cr3t-in-a-broken-file');
    await startWith({ JML_HR_SECRETS_FILE: file });

    // Act
    const answer = await sendDelivery(runtime.endpoint, signDelivery('hibob', hiBobEventBody(ada, 'employee.left', new Date())));

    // Assess
    expect(answer).toMatchObject({ status: 503, body: { error: 'source_not_configured' } });
    expect(JSON.stringify(answer.body)).not.toContain('s3cr3t');
    expect(logs).toHaveLength(1);
    expect(logs[0]).not.toContain('s3cr3t');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('configuredWebhookSources(env): per source, whether its secret is set and what to set (for the banner and --help)', () => {
  it('says where each configured secret comes from and what to set for the others, never a value', () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'jml-hr-secrets-'));
    const file = join(dir, 'hr-secrets.json');
    writeFileSync(file, JSON.stringify({ JML_HR_STANDARD_WEBHOOK_SECRET: 'whsec_from-the-file', constructor: 'not a variable' }));
    const env = { JML_HR_BAMBOOHR_WEBHOOK_KEY: 'value-from-env', JML_HR_SECRETS_FILE: file };

    // Act
    const statuses = configuredWebhookSources(env, loadJmlConfigFile(EXAMPLE_CONFIG).hr);

    // Assess
    expect(statuses).toEqual([
      expect.objectContaining({ source: 'bamboohr', enabled: true, configured: true, from: 'JML_HR_BAMBOOHR_WEBHOOK_KEY' }),
      expect.objectContaining({
        source: 'hibob', enabled: true, configured: false,
        variables: ['JML_HR_HIBOB_WEBHOOK_SECRET_ID', 'JML_HR_HIBOB_WEBHOOK_SECRET', 'JML_HR_SECRETS_FILE'],
        hint: 'the HiBob webhook secret: set JML_HR_HIBOB_WEBHOOK_SECRET (or that key in the JSON file JML_HR_SECRETS_FILE names); on AWS set JML_HR_HIBOB_WEBHOOK_SECRET_ID to the Secrets Manager secret holding it',
      }),
      expect.objectContaining({ source: 'standard', enabled: true, configured: true, from: 'JML_HR_SECRETS_FILE' }),
    ]);
    expect(JSON.stringify(statuses)).not.toMatch(/value-from-env|whsec_from-the-file/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a Secrets Manager id counts as configured (read at the first delivery); an unreadable file says why; no config: enabled is left out', () => {
    const statuses = configuredWebhookSources({ JML_HR_HIBOB_WEBHOOK_SECRET_ID: 'arn:aws:secretsmanager:eu-west-1:1:secret:hibob', JML_HR_SECRETS_FILE: '/nonexistent/hr-secrets.json' });
    expect(statuses.map((status) => [status.source, status.configured, status.from ?? null])).toEqual([['bamboohr', false, null], ['hibob', true, 'JML_HR_HIBOB_WEBHOOK_SECRET_ID'], ['standard', false, null]]);
    expect(statuses[0]).toMatchObject({ problem: expect.stringContaining('/nonexistent/hr-secrets.json, which cannot be read (ENOENT)') });
    expect(statuses[0]).not.toHaveProperty('enabled');
  });
});
