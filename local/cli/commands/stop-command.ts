import { StopExecutionCommand } from '@aws-sdk/client-sfn';
import { UsageError } from '../read-input.js';
import { CommandFailure } from '../sfn-errors.js';
import { renderFields } from '../format/table.js';
import { formatInstant } from '../format/time.js';
import { expectOperands, selectedWorkflows, type CommandContext } from './command-context.js';

/** StopExecution's limit on `cause`. */
const MAX_CAUSE_CHARS = 32_768;

/**
 * `jml stop <name|arn> [--cause TEXT]`: StopExecution of a running execution. One already
 * stopped is reported as such (exit 0); one that ended otherwise cannot be stopped (exit 1).
 */
export async function stopCommand({ values, operands, target, out }: CommandContext): Promise<number> {
  expectOperands(operands, 1, 'stop <execution name|execution ARN> [--cause TEXT]');
  const cause = values.cause;
  if (cause !== undefined && cause.length > MAX_CAUSE_CHARS) throw new UsageError(`--cause is ${cause.length} characters long: Step Functions keeps at most ${MAX_CAUSE_CHARS}`);
  const execution = await target.findExecution(operands[0], selectedWorkflows(values));
  const data = { executionArn: execution.executionArn, name: execution.name, status: execution.status, stopDate: execution.stopDate?.toISOString() };
  if (execution.status === 'ABORTED') {
    out.result(`${execution.name} was already stopped at ${formatInstant(execution.stopDate)}`, data);
    return 0;
  }
  if (execution.status !== 'RUNNING' && execution.status !== 'PENDING_REDRIVE') {
    throw new CommandFailure(`${execution.name} already ended ${execution.status} at ${formatInstant(execution.stopDate)}: there is nothing to stop`);
  }
  const stopped = await target.send(new StopExecutionCommand({ executionArn: execution.executionArn, ...(cause !== undefined ? { cause } : {}) }));
  out.result(
    renderFields([
      ['stopped', `${execution.name}: ABORTED`],
      ['execution', execution.executionArn],
      ['at', formatInstant(stopped.stopDate)],
      ['cause', cause],
    ]),
    { ...data, status: 'ABORTED', stopDate: stopped.stopDate?.toISOString(), ...(cause !== undefined ? { cause } : {}) },
  );
  return 0;
}
