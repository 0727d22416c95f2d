import { handlerEnvironment, type HandlerEnvironment } from '../handler-environment-scope.js';
import { ErrorNames, JmlError } from '../errors.js';

/**
 * The state machines a function may start, by workflow, each from its own environment variable
 * (infra sets them to the deployed ARNs; the local runtime to its own).
 */
export const STATE_MACHINE_ARN_VARIABLES = {
  joiner: 'JML_JOINER_STATE_MACHINE_ARN',
  mover: 'JML_MOVER_STATE_MACHINE_ARN',
  leaver: 'JML_LEAVER_STATE_MACHINE_ARN',
  'hr-event': 'JML_HR_EVENT_STATE_MACHINE_ARN',
} as const;

export type StartableWorkflow = keyof typeof STATE_MACHINE_ARN_VARIABLES;

const STATE_MACHINE_ARN = /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[A-Za-z0-9_-]{1,80}$/;

/** The ARN of `workflow`'s state machine. @throws JmlError `Jml.Configuration` naming the variable. */
export function stateMachineArnOf(workflow: StartableWorkflow, env: HandlerEnvironment = handlerEnvironment()): string {
  const variable = STATE_MACHINE_ARN_VARIABLES[workflow];
  const arn = env[variable]?.trim();
  if (!arn || !STATE_MACHINE_ARN.test(arn)) {
    throw new JmlError(
      ErrorNames.Configuration,
      `${variable} ${arn ? `is not a state machine ARN (${arn})` : 'is not set'}: set it to the ARN of the ${workflow} state machine ` +
        '(infra sets it on AWS; the local runtime sets it locally).',
    );
  }
  return arn;
}
