import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { resetReceiverDeps } from '../../../functions/lib/hr/receiver-deps.js';
import { STATE_MACHINE_ARN_VARIABLES } from '../../../functions/lib/executions/state-machine-arns.js';
import { rootLogger } from '../../../functions/lib/observability.js';
import { handler } from '../../../functions/triggers/hr-webhook.js';
import { ManualClock } from '../../../local/engine/manual-clock.js';
import { runWorkflow, type WorkflowRun } from '../../../local/engine/run-workflow.js';
import type { WorkflowName } from '../../../local/engine/workflow-definition.js';
import { DEFAULT_WEBHOOK_SECRETS, hrSimulatorEnvironment, sendDelivery, startHrSimulator, type RunningHrSimulator, type WebhookDelivery } from '../../../local/hr-simulator/index.js';
import { startSimulator, type RunningSimulator } from '../../../local/simulator/index.js';
import { startWebhookServer, type RunningWebhookServer } from '../../../local/webhooks/webhook-routes.js';
import { startTestOnlySfnEndpoint, testOnlyStateMachineArn, type TestOnlySfnEndpoint } from './test-only-sfn-endpoint.js';

export const EXAMPLE_CONFIG_FILE = new URL('../../../config/jml.example.yaml', import.meta.url).pathname;

/** One execution the stack ran, with where it stands. */
export interface StackRun {
  workflow: WorkflowName;
  name: string;
  state: 'running' | 'waiting' | 'done';
  /** While waiting: the Wait state and until when (ISO). */
  waitingAt?: { state: string; until: string };
  result?: WorkflowRun;
}

/**
 * The whole local chain, end to end: HR simulator -> signed webhook over HTTP -> the receiver
 * (real handler, local API Gateway adapter) -> StartExecution over HTTP (client-sfn) -> the
 * test-only SFN endpoint -> hr-event run by the local engine, its actions in-process (HR API
 * called back over HTTP) -> StartExecution of the mapped workflow -> joiner / mover / leaver run
 * by the engine against the Atlassian simulator. Waits run on a ManualClock the test moves.
 */
export function useHrWebhookStack() {
  let atlassian: RunningSimulator;
  let hr: RunningHrSimulator;
  let sfn: TestOnlySfnEndpoint;
  let webhooks: RunningWebhookServer;
  let clock = new ManualClock(Date.now());
  let aborts = new AbortController();
  const runs = new Map<string, StackRun>();
  const listeners = new Set<() => void>();
  const saved: Record<string, string | undefined> = {};
  let logLevel: ReturnType<typeof rootLogger.getLevelName> = 'INFO';
  const notify = () => listeners.forEach((listener) => listener());

  async function runExecution(workflow: WorkflowName, input: unknown, name: string): Promise<'SUCCEEDED' | 'FAILED' | 'ABORTED'> {
    const record: StackRun = { workflow, name, state: 'running' };
    runs.set(name, record);
    try {
      record.result = await runWorkflow({
        workflow,
        input,
        executionName: name,
        api: { baseUrl: atlassian.baseUrl, apiKey: atlassian.apiKey, orgId: atlassian.orgId },
        configFile: EXAMPLE_CONFIG_FILE,
        clock,
        signal: aborts.signal,
        shortenRetries: true,
        httpMaxAttempts: 1,
        onWait: (notice) => {
          record.state = 'waiting';
          record.waitingAt = { state: notice.state, until: notice.until };
          notify();
        },
      });
      return record.result.status;
    } finally {
      record.state = 'done';
      record.waitingAt = undefined;
      notify();
    }
  }

  beforeAll(async () => {
    atlassian = await startSimulator({ rateLimits: false });
    hr = await startHrSimulator();
    sfn = await startTestOnlySfnEndpoint(runExecution);
    const env: Record<string, string> = {
      ...hrSimulatorEnvironment(hr, DEFAULT_WEBHOOK_SECRETS),
      JML_CONFIG_FILE: EXAMPLE_CONFIG_FILE,
      JML_SFN_ENDPOINT: sfn.url,
      AWS_REGION: 'us-east-1',
      POWERTOOLS_METRICS_DISABLED: 'true',
      ...Object.fromEntries(Object.entries(STATE_MACHINE_ARN_VARIABLES).map(([workflow, variable]) => [variable, testOnlyStateMachineArn(workflow as WorkflowName)])),
    };
    for (const name of [...Object.keys(env), 'JML_CONFIG', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) saved[name] = process.env[name];
    Object.assign(process.env, env);
    // The local placeholder credentials apply only when none are set; the config comes from the file.
    for (const name of ['JML_CONFIG', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) delete process.env[name];
    resetReceiverDeps();
    logLevel = rootLogger.getLevelName();
    rootLogger.setLogLevel('SILENT');
    webhooks = await startWebhookServer({ handler });
  }, 60_000);

  afterAll(async () => {
    await webhooks?.close();
    await sfn?.close();
    await hr?.close();
    await atlassian?.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetReceiverDeps();
    rootLogger.setLogLevel(logLevel);
  });

  beforeEach(() => {
    atlassian.control.reset();
    hr.reset();
    sfn.executions.clear();
    runs.clear();
    clock = new ManualClock(Date.now());
    aborts = new AbortController();
  });

  afterEach(async () => {
    // Executions still waiting (a grace period nobody advanced) end here, changing nothing more.
    aborts.abort();
    await Promise.all([...sfn.executions.values()].map((execution) => execution.done));
  });

  return {
    atlassian: () => atlassian,
    hr: () => hr,
    clock: () => clock,
    runs,
    /** POSTs a delivery to the receiver over HTTP. */
    deliver: (delivery: WebhookDelivery, path?: string) => sendDelivery(webhooks.url, delivery, path),
    /** Resolves once every execution has finished or is waiting on the clock. */
    quiet(): Promise<void> {
      return new Promise((resolve) => {
        const check = () => {
          if ([...runs.values()].every((run) => run.state !== 'running')) {
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
        check();
      });
    },
    /** Moves the clock; executions whose wait ends by then count as running again at once. */
    advance(ms: number): void {
      const target = clock.now() + ms;
      for (const run of runs.values()) {
        if (run.state === 'waiting' && run.waitingAt && Date.parse(run.waitingAt.until) <= target) run.state = 'running';
      }
      clock.advance(ms);
    },
    runsOf: (workflow: WorkflowName) => [...runs.values()].filter((run) => run.workflow === workflow),
  };
}
