import { StartExecutionCommand, type DescribeExecutionCommandOutput } from '@aws-sdk/client-sfn';
import { checkWorkflowInput } from '../../engine/workflow-input.js';
import { WORKFLOW_NAMES } from '../../engine/workflow-definition.js';
import { readInput, UsageError, withDryRun } from '../read-input.js';
import { defaultExecutionName, executionNameProblem } from '../execution-name.js';
import { CommandFailure, SfnCallError } from '../sfn-errors.js';
import { renderFields } from '../format/table.js';
import { formatInstant } from '../format/time.js';
import type { SfnTarget, WorkflowMachine } from '../sfn-target.js';
import { expectOperands, requireWorkflowName, targetFlags, type CommandContext } from './command-context.js';

/** Step Functions refuses an execution input above 256 KiB (UTF-8). */
const MAX_INPUT_BYTES = 256 * 1024;

/**
 * `jml start <workflow> --input ... [--name N] [--dry-run]`: validates the input with the
 * workflow's zod schema and the name with the Step Functions rules, then StartExecution.
 * StartExecution of a name that is still running with the same input returns that execution and
 * starts nothing (Step Functions' idempotency): start looks the name up first, so it can say
 * "already running since ..." instead of "started".
 */
export async function startCommand({ values, operands, io, target, out }: CommandContext): Promise<number> {
  // Everything that can be wrong with the command line is checked before any call.
  expectOperands(operands, 1, `start <${WORKFLOW_NAMES.join('|')}> --input <file|json|->`);
  const workflow = requireWorkflowName(operands[0], 'give a workflow');
  const name = values.name ?? defaultExecutionName(workflow);
  const problem = executionNameProblem(name);
  if (problem) throw new UsageError(`--name ${JSON.stringify(name)} is not a valid execution name: it ${problem}`);
  // The sweep's input is all optional (its schedule starts it with {}), as for `jml run sweep`.
  let input = values.input === undefined && workflow === 'sweep' ? {} : await readInput(values.input, io.readStdin);
  if (values['dry-run']) input = withDryRun(input);
  const checked = await checkWorkflowInput(workflow, input);
  if (!checked.ok) throw new UsageError(`the ${workflow} input is not valid (nothing was started):`, checked.problems);
  const inputJson = JSON.stringify(input); // as given: the workflow validates it again, as it does in AWS
  const bytes = Buffer.byteLength(inputJson, 'utf8');
  if (bytes > MAX_INPUT_BYTES) throw new UsageError(`the input is ${bytes} bytes: Step Functions takes at most ${MAX_INPUT_BYTES} (256 KiB)`);

  const machine = await target.machine(workflow);
  // A default name is new by construction; a chosen one (an HR ticket id) may have run before.
  const before = values.name !== undefined ? await existingExecution(target, machine, name) : undefined;
  let started;
  try {
    started = await target.send(new StartExecutionCommand({ stateMachineArn: machine.arn, name, input: inputJson }));
  } catch (error) {
    if (error instanceof SfnCallError && error.code === 'ExecutionAlreadyExists') throw new CommandFailure(alreadyExistsMessage(name, machine, before));
    throw error;
  }
  const data = { executionArn: started.executionArn, name, workflow, stateMachineArn: machine.arn, startDate: started.startDate?.toISOString() };
  if (before?.status === 'RUNNING') {
    const since = before.startDate ?? started.startDate;
    out.result(`${name} is already running since ${formatInstant(since)}: ${started.executionArn}`, { ...data, startDate: since?.toISOString(), alreadyRunning: true });
    out.note(`the same name and input: nothing new was started. Follow it: jml describe ${name}${targetFlags(values)}`);
    return 0;
  }
  out.result(
    renderFields([
      ['started', `${name} (${workflow}${values['dry-run'] ? ', dry run' : ''})`],
      ['execution', started.executionArn],
      ['at', formatInstant(started.startDate)],
    ]),
    data,
  );
  out.note(`follow it: jml describe ${name}${targetFlags(values)}   (step by step: jml history ${name}${targetFlags(values)})`);
  return 0;
}

/**
 * The execution this name already has on the machine, if any. Without states:DescribeExecution
 * (AccessDenied) start still works, only less precisely worded.
 */
async function existingExecution(target: SfnTarget, machine: WorkflowMachine, name: string): Promise<DescribeExecutionCommandOutput | undefined> {
  try {
    return await target.describeIfExists(`${machine.arn.replace(':stateMachine:', ':execution:')}:${name}`);
  } catch (error) {
    if (error instanceof SfnCallError && /AccessDenied/.test(error.code)) return undefined;
    throw error;
  }
}

function alreadyExistsMessage(name: string, machine: WorkflowMachine, before: DescribeExecutionCommandOutput | undefined): string {
  const how =
    before?.status === 'RUNNING' ? `is running in ${machine.name} since ${formatInstant(before.startDate)} with a different input`
    : before?.status ? `already ran in ${machine.name}: ${before.status} at ${formatInstant(before.stopDate)}`
    : `already exists in ${machine.name} with a different input, or has closed`;
  return (
    `an execution named ${JSON.stringify(name)} ${how}: names are unique for 90 days, so this repeated request started nothing. ` +
    `See it with \`jml describe ${name}\`, or pass another --name.`
  );
}
