import type { CliIo } from '../cli-io.js';
import type { ExecutionValues } from '../execution-options.js';
import type { CommandOutput } from '../format/command-output.js';
import type { SfnTarget } from '../sfn-target.js';
import { isWorkflowName, WORKFLOW_NAMES, type WorkflowName } from '../../engine/workflow-definition.js';
import { UsageError } from '../read-input.js';

/** What every execution command gets: its parsed options and operands, the target, the output. */
export interface CommandContext {
  values: ExecutionValues;
  operands: string[];
  io: CliIo;
  target: SfnTarget;
  out: CommandOutput;
}

/** A command's handler: returns the exit code. */
export type ExecutionCommand = (context: CommandContext) => Promise<number>;

/** A workflow name from an operand or --workflow, or a usage error listing the workflows. */
export function requireWorkflowName(value: string | undefined, what: string): WorkflowName {
  if (value === undefined || !isWorkflowName(value)) {
    throw new UsageError(`${what}: ${WORKFLOW_NAMES.join(', ')}${value ? ` (not ${JSON.stringify(value)})` : ''}`);
  }
  return value;
}

/** The workflows --workflow narrows to (all without it). */
export function selectedWorkflows(values: ExecutionValues): readonly WorkflowName[] {
  return values.workflow === undefined ? WORKFLOW_NAMES : [requireWorkflowName(values.workflow, '--workflow must be one of')];
}

/** Exactly `count` operands after the command, else a usage error showing the command's form. */
export function expectOperands(operands: string[], count: number, form: string): void {
  if (operands.length < count) throw new UsageError(`missing argument: ${form}`);
  if (operands.length > count) throw new UsageError(`unexpected argument(s): ${operands.slice(count).join(' ')} (${form})`);
}

/** The target options to repeat in a suggested follow-up command (`jml describe X --aws --stack S`). */
export function targetFlags(values: ExecutionValues): string {
  if (values.aws) return ` --aws${values.stack ? ` --stack ${values.stack}` : ''}${values.region ? ` --region ${values.region}` : ''}`;
  return values.endpoint ? ` --endpoint ${values.endpoint}` : '';
}
