import { handlerEnvironment, type HandlerEnvironment } from '../handler-environment-scope.js';
import type { SFNClient } from '@aws-sdk/client-sfn';
import { loadJmlConfig } from '../config/load-jml-config.js';
import { createSfnClient } from '../executions/sfn-client.js';
import { startExecutionOnce } from '../executions/start-execution.js';
import { stateMachineArnOf } from '../executions/state-machine-arns.js';
import { recordSignatureFailure } from '../observability.js';
import { createHrSecretReader, type HrSecretReader } from './hr-secrets.js';
import type { ReceiverDeps } from './receive-webhook.js';
import { signingKeys } from './secret-values.js';
import { WEBHOOK_SOURCES } from './webhook-sources.js';

/**
 * The receiver's dependencies from its environment: the JML config (`JML_CONFIG` /
 * `JML_CONFIG_FILE`, for `hr:`), the signing secrets, and a Step Functions client that starts the
 * hr-event state machine (`JML_HR_EVENT_STATE_MACHINE_ARN`; `JML_SFN_ENDPOINT` locally). The client
 * and the secret cache live as long as the container, so warm invocations reuse both.
 */
let shared: { key: string; secrets: HrSecretReader; sfn: SFNClient } | undefined;

/**
 * One attempt with short timeouts: the sender is waiting (Personio gives up after 3 s), and a 503
 * it retries beats a slow 202. A warm receiver answers within about a second even when Step
 * Functions does not answer at all.
 */
const START_TIMEOUT_MS = 600;
const CONNECT_TIMEOUT_MS = 300;

export function receiverDepsFromEnv(env: HandlerEnvironment = handlerEnvironment()): ReceiverDeps {
  // Rebuilt when the endpoint changes (a local process pointed at another runtime).
  const key = `${env.JML_SFN_ENDPOINT ?? ''}|${env.AWS_REGION ?? ''}`;
  if (shared?.key !== key) {
    shared = { key, secrets: createHrSecretReader({ env }), sfn: createSfnClient({ env, requestTimeoutMs: START_TIMEOUT_MS, connectionTimeoutMs: CONNECT_TIMEOUT_MS, maxAttempts: 1 }) };
  }
  const { secrets, sfn } = shared;
  return {
    hr: loadJmlConfig(env).hr,
    signingKeys: async (source) => signingKeys(await secrets(WEBHOOK_SOURCES[source].secret), `the ${source} webhook`),
    startHrEvent: async (name, input) => {
      const outcome = await startExecutionOnce(sfn, { stateMachineArn: stateMachineArnOf('hr-event', env), name, input });
      return outcome.status;
    },
    recordSignatureFailure,
    now: () => new Date(),
  };
}

/** Forgets the shared client and secret cache (tests that change the environment). */
export function resetReceiverDeps(): void {
  shared = undefined;
}
