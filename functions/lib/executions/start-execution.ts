import { ExecutionAlreadyExists, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { ErrorNames, JmlError } from '../errors.js';

export type StartOutcome = { status: 'started'; executionArn: string } | { status: 'already' };

/** Step Functions accepts at most 256 KB of execution input. */
export const MAX_EXECUTION_INPUT_BYTES = 256 * 1024;

/** Errors that mean the setup is wrong (ARN, permissions, input), so a retry cannot help. */
const CONFIGURATION_ERRORS = new Set([
  'StateMachineDoesNotExist',
  'StateMachineDeleting',
  'InvalidArn',
  'InvalidName',
  'InvalidExecutionInput',
  'ValidationException',
  'AccessDeniedException',
  'UnrecognizedClientException',
  'KmsAccessDeniedException',
  'KmsInvalidStateException',
]);

/**
 * Starts a Standard execution under a deterministic name, once: `ExecutionAlreadyExists` (the name
 * was used, with another input or by an execution that has closed, within 90 days) means it was
 * started already and is reported as `already`, not as an error. (The same name and input while the
 * first execution is still open is answered by Step Functions with that execution: `started`.)
 * @throws JmlError `Jml.Configuration` for setup errors, `Jml.AwsTransient` for throttling, 5xx and timeouts.
 */
export async function startExecutionOnce(client: SFNClient, request: { stateMachineArn: string; name: string; input: unknown }): Promise<StartOutcome> {
  try {
    const output = await client.send(new StartExecutionCommand({ stateMachineArn: request.stateMachineArn, name: request.name, input: JSON.stringify(request.input) }));
    return { status: 'started', executionArn: output.executionArn ?? '' };
  } catch (error) {
    if (error instanceof ExecutionAlreadyExists || (error as Error).name === 'ExecutionAlreadyExists') return { status: 'already' };
    const name = (error as Error).name ?? 'Error';
    if (CONFIGURATION_ERRORS.has(name)) {
      throw new JmlError(
        ErrorNames.Configuration,
        `Step Functions refused to start ${request.name} on ${request.stateMachineArn} (${name}). Check the state machine ARN variable and that this function may call states:StartExecution on it.`,
        { cause: error },
      );
    }
    throw new JmlError(ErrorNames.AwsTransient, `Step Functions could not start ${request.name} (${name}); it is safe to retry.`, { cause: error });
  }
}
