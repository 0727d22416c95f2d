import { readableCause } from '../../engine/lambda-error.js';
import { currentState, type CurrentState } from '../history/current-state.js';
import { openWaitDeadlines } from '../history/wait-until.js';
import { parseJsonField, prettyJsonField } from '../format/command-output.js';
import { renderFields } from '../format/table.js';
import { formatInstant, formatSpan } from '../format/time.js';
import { expectOperands, selectedWorkflows, targetFlags, type CommandContext } from './command-context.js';

/** Executions that ended without succeeding: `describe` exits 1 for them, so scripts can test it. */
export const UNSUCCESSFUL = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

/**
 * `jml describe <name|arn>`: status, dates, input, output or error and readable cause; for a
 * running execution also the state it is in (and until when a Wait waits).
 */
export async function describeCommand({ values, operands, target, out }: CommandContext): Promise<number> {
  expectOperands(operands, 1, 'describe <execution name|execution ARN>');
  const execution = await target.findExecution(operands[0], selectedWorkflows(values));
  const running = execution.status === 'RUNNING';
  // The current state is a bonus: without states:GetExecutionHistory the rest is still worth showing.
  const state = running && execution.executionArn ? await currentState(target, execution.executionArn).catch(() => undefined) : undefined;
  const until = state?.type === 'Wait' ? (await openWaitDeadlines(target, execution.stateMachineArn, [state])).get(state) : undefined;
  const workflow = target.workflowOf(execution.stateMachineArn);
  const cause = execution.cause !== undefined ? readableCause(execution.cause) : undefined;

  const data = {
    executionArn: execution.executionArn,
    name: execution.name,
    ...(workflow ? { workflow } : {}),
    stateMachineArn: execution.stateMachineArn,
    status: execution.status,
    startDate: execution.startDate?.toISOString(),
    ...(execution.stopDate ? { stopDate: execution.stopDate.toISOString() } : {}),
    ...(state ? { currentState: { name: state.name, type: state.type, enteredAt: state.enteredAt?.toISOString(), ...(until ? { waitingUntil: until.toISOString() } : {}) } } : {}),
    input: parseJsonField(execution.input),
    ...(execution.output !== undefined ? { output: parseJsonField(execution.output) } : {}),
    ...(execution.error !== undefined ? { error: execution.error } : {}),
    ...(cause !== undefined ? { cause } : {}),
  };
  out.result(
    renderFields([
      ['execution', execution.name],
      ['arn', execution.executionArn],
      ['state machine', execution.stateMachineArn?.split(':stateMachine:')[1]],
      ['status', `${execution.status}${state ? ` (${describeState(state, until)})` : ''}`],
      ['started', formatInstant(execution.startDate)],
      ['stopped', execution.stopDate ? `${formatInstant(execution.stopDate)} (after ${formatSpan(execution.startDate, execution.stopDate)})` : undefined],
      ['input', prettyJsonField(execution.input)],
      ['output', prettyJsonField(execution.output)],
      ['error', execution.error],
      ['cause', cause],
    ]),
    data,
  );
  if (running) out.note(`step by step: jml history ${execution.name}${targetFlags(values)}; stop it: jml stop ${execution.name}${targetFlags(values)}`);
  return UNSUCCESSFUL.has(execution.status ?? '') ? 1 : 0;
}

/** `in WaitGracePeriod, waiting until …` / `in SuspendUser (Task) since …`. */
export function describeState(state: CurrentState, until: Date | undefined): string {
  if (state.type === 'Wait') return `in ${state.name}, waiting ${until ? `until ${formatInstant(until)}` : `since ${formatInstant(state.enteredAt)}`}`;
  return `in ${state.name} (${state.type}) since ${formatInstant(state.enteredAt)}`;
}
