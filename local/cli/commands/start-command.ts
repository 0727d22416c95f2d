import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { checkWorkflowInput } from '../../engine/workflow-input.js';
import { readInput, UsageError, withDryRun } from '../read-input.js';
import { defaultExecutionName, executionNameProblem } from '../execution-name.js';
import { CommandFailure, SfnCallError } from '../sfn-errors.js';
import { renderFields } from '../format/table.js';
import { formatInstant } from '../format/time.js';
import { expectOperands, requireWorkflowName, targetFlags, type CommandContext } from './command-context.js';

/** Step Functions refuses an execution input above 256 KiB (UTF-8). */
const MAX_INPUT_BYTES = 256 * 1024;

/**
 * `jml start <workflow> --input ... [--name N] [--dry-run]`: validates the input with the
 * workflow's zod schema and the name with the Step Functions rules, then StartExecution.
 */
export async function startCommand({ values, operands, io, target, out }: CommandContext): Promise<number> {
  // Everything that can be wrong with the command line is checked before any call.
  expectOperands(operands, 1, 'start <joiner|mover|leaver> --input <file|json|->');
  const workflow = requireWorkflowName(operands[0], 'give a workflow');
  const name = values.name ?? defaultExecutionName(workflow);
  const problem = executionNameProblem(name);
  if (problem) throw new UsageError(`--name ${JSON.stringify(name)} is not a valid execution name: it ${problem}`);
  let input = await readInput(values.input, io.readStdin);
  if (values['dry-run']) input = withDryRun(input);
  const checked = await checkWorkflowInput(workflow, input);
  if (!checked.ok) throw new UsageError(`the ${workflow} input is not valid (nothing was started):`, checked.problems);
  const inputJson = JSON.stringify(input); // as given: the workflow validates it again, as it does in AWS
  const bytes = Buffer.byteLength(inputJson, 'utf8');
  if (bytes > MAX_INPUT_BYTES) throw new UsageError(`the input is ${bytes} bytes: Step Functions takes at most ${MAX_INPUT_BYTES} (256 KiB)`);

  const machine = await target.machine(workflow);
  let started;
  try {
    started = await target.send(new StartExecutionCommand({ stateMachineArn: machine.arn, name, input: inputJson }));
  } catch (error) {
    if (error instanceof SfnCallError && error.code === 'ExecutionAlreadyExists') {
      throw new CommandFailure(
        `an execution named ${JSON.stringify(name)} already exists in ${machine.name} with a different input, or has closed: ` +
          `names are unique for 90 days, so this repeated request started nothing. See it with \`jml describe ${name}\`, or pass another --name.`,
      );
    }
    throw error;
  }
  const data = { executionArn: started.executionArn, name, workflow, stateMachineArn: machine.arn, startDate: started.startDate?.toISOString() };
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
