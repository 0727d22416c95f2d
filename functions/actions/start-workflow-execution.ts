import { handlerEnvironment } from '../lib/handler-environment-scope.js';
import type { SFNClient } from '@aws-sdk/client-sfn';
import * as z from 'zod';
import { actionResult, type ActionResult } from '../lib/action-result.js';
import { createSfnClient } from '../lib/executions/sfn-client.js';
import { startExecutionOnce } from '../lib/executions/start-execution.js';
import { stateMachineArnOf } from '../lib/executions/state-machine-arns.js';
import { createActionHandler } from '../lib/middleware/create-action-handler.js';

/** Which workflow to start, under which deterministic name, with which input. */
export const inputSchema = z.strictObject({
  workflow: z.enum(['joiner', 'mover', 'leaver'], { message: "workflow must be 'joiner', 'mover' or 'leaver'" }),
  name: z.string().regex(/^[A-Za-z0-9_.=+@-]{1,80}$/, { message: 'name must be a Step Functions execution name (1-80 letters, digits, _ . = + @ -)' }),
  input: z.record(z.string(), z.unknown()),
});
export type StartWorkflowExecutionInput = z.output<typeof inputSchema>;

export interface StartWorkflowDeps {
  client: SFNClient;
  arnOf: (workflow: StartWorkflowExecutionInput['workflow']) => string;
}

/**
 * Starts the joiner, mover or leaver execution an HR event maps to (StartExecution on the ARN of
 * `JML_<WORKFLOW>_STATE_MACHINE_ARN`). The name is deterministic, so a repeated start (a retry
 * after a timeout, a redrive, the same fact reported twice) finds `ExecutionAlreadyExists` and
 * reports `already`: the person is never processed twice.
 */
export async function startWorkflowExecution(input: StartWorkflowExecutionInput, deps: StartWorkflowDeps): Promise<ActionResult & { workflow: string; executionName: string; executionArn?: string }> {
  const outcome = await startExecutionOnce(deps.client, { stateMachineArn: deps.arnOf(input.workflow), name: input.name, input: input.input });
  const target = `${input.workflow} ${input.name}`;
  const base = { workflow: input.workflow, executionName: input.name };
  if (outcome.status === 'already') {
    return { ...actionResult('startWorkflowExecution', target, 'already', 'An execution of this name exists (started before): not started again.'), ...base };
  }
  return { ...actionResult('startWorkflowExecution', target, 'done', `Started the ${input.workflow} execution.`), ...base, executionArn: outcome.executionArn };
}

let shared: { key: string; client: SFNClient } | undefined;

export const handler = createActionHandler({
  name: 'startWorkflowExecution',
  inputSchema,
  resolveDeps: (): StartWorkflowDeps => {
    const env = handlerEnvironment();
    const key = `${env.JML_SFN_ENDPOINT ?? ''}|${env.AWS_REGION ?? ''}`;
    if (shared?.key !== key) shared = { key, client: createSfnClient({ requestTimeoutMs: 5_000 }) };
    return { client: shared.client, arnOf: (workflow) => stateMachineArnOf(workflow) };
  },
  run: startWorkflowExecution,
});
