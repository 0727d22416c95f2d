import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand, type StartExecutionCommandInput } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { resetReceiverDeps } from '../../../../functions/lib/hr/receiver-deps.js';
import { rootLogger } from '../../../../functions/lib/observability.js';
import { handler } from '../../../../functions/triggers/hr-webhook.js';
import { DEFAULT_WEBHOOK_SECRETS } from '../../../../local/hr-simulator/index.js';
import { startWebhookServer, type RunningWebhookServer } from '../../../../local/webhooks/webhook-routes.js';

/** The example config (hr: bamboohr, hibob, standard enabled). */
export const EXAMPLE_CONFIG_FILE = new URL('../../../../config/jml.example.yaml', import.meta.url).pathname;
export const HR_EVENT_ARN = 'arn:aws:states:eu-west-1:123456789012:stateMachine:AtlassianJml-hr-event';

/** The receiver's environment in these tests: local secrets, the example config, quiet Powertools. */
export const RECEIVER_ENV: Record<string, string> = {
  JML_CONFIG_FILE: EXAMPLE_CONFIG_FILE,
  JML_HR_EVENT_STATE_MACHINE_ARN: HR_EVENT_ARN,
  JML_HR_BAMBOOHR_WEBHOOK_KEY: DEFAULT_WEBHOOK_SECRETS.bamboohr,
  JML_HR_HIBOB_WEBHOOK_SECRET: DEFAULT_WEBHOOK_SECRETS.hibob,
  JML_HR_STANDARD_WEBHOOK_SECRET: DEFAULT_WEBHOOK_SECRETS.standard,
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
};

export interface ReceiverHarness {
  /** Base URL of the plain node:http server the receiver is mounted on. */
  url(): string;
  /** Every StartExecution the receiver sent, in order. */
  starts(): StartExecutionCommandInput[];
  /** Names that were started for the first time (what Step Functions would have created). */
  created(): string[];
  sfn: ReturnType<typeof mockClient>;
}

/**
 * The real receiver handler behind the local API Gateway v2 adapter on a node:http server, with
 * Step Functions mocked (aws-sdk-client-mock): a name is created once, and every later start of
 * the same name is `ExecutionAlreadyExists`, as Step Functions answers.
 */
export function useReceiver(): ReceiverHarness {
  const sfn = mockClient(SFNClient);
  const created = new Set<string>();
  let server: RunningWebhookServer | undefined;
  const saved: Record<string, string | undefined> = {};
  let logLevel: ReturnType<typeof rootLogger.getLevelName> = 'INFO';
  beforeAll(async () => {
    for (const [name, value] of Object.entries(RECEIVER_ENV)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    resetReceiverDeps();
    // Refusals are logged at WARN and start failures at ERROR: expected here, noise in the test output.
    logLevel = rootLogger.getLevelName();
    rootLogger.setLogLevel('SILENT');
    server = await startWebhookServer({ handler });
  });
  afterAll(async () => {
    await server?.close();
    sfn.restore();
    rootLogger.setLogLevel(logLevel);
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetReceiverDeps();
  });
  beforeEach(() => {
    sfn.reset();
    created.clear();
    sfn.on(StartExecutionCommand).callsFake((input: StartExecutionCommandInput) => {
      if (created.has(input.name ?? '')) throw new ExecutionAlreadyExists({ message: `Execution Already Exists: '${input.name}'`, $metadata: {} });
      created.add(input.name ?? '');
      return { executionArn: `${input.stateMachineArn?.replace(':stateMachine:', ':execution:')}:${input.name}`, startDate: new Date() };
    });
  });
  return {
    url: () => {
      if (!server) throw new Error('The receiver server is not running: call useReceiver() in a describe block.');
      return server.url;
    },
    starts: () => sfn.commandCalls(StartExecutionCommand).map((call) => call.args[0].input),
    created: () => [...created],
    sfn,
  };
}
