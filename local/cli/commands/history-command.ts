import { GetExecutionHistoryCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { readableCause } from '../../engine/lambda-error.js';
import { buildStateRows, type StateRow } from '../history/state-rows.js';
import { openWaitDeadlines } from '../history/wait-until.js';
import { renderTable } from '../format/table.js';
import { formatInstant, formatSpan } from '../format/time.js';
import type { SfnTarget } from '../sfn-target.js';
import { expectOperands, selectedWorkflows, type CommandContext } from './command-context.js';
import { UNSUCCESSFUL } from './describe-command.js';

/**
 * `jml history <name|arn>`: the whole execution history (every page, oldest first), one row per
 * state as the console's Graph view lists them: type, status, entered / exited, duration,
 * retries, errors; an open Wait with the time it waits until.
 */
export async function historyCommand({ values, operands, target, out }: CommandContext): Promise<number> {
  expectOperands(operands, 1, 'history <execution name|execution ARN>');
  const execution = await target.findExecution(operands[0], selectedWorkflows(values));
  const events = await allEvents(target, execution.executionArn!);
  const rows = buildStateRows(events, execution.status);
  const waits = await openWaitDeadlines(target, execution.stateMachineArn, rows.filter((row) => row.status === 'waiting'));

  const states = rows.map((row) => ({
    state: row.name,
    type: row.type,
    status: row.status,
    ...(row.depth > 0 ? { depth: row.depth } : {}),
    ...(row.iteration !== undefined ? { iteration: row.iteration } : {}),
    enteredAt: row.enteredAt?.toISOString(),
    ...(row.exitedAt ? { exitedAt: row.exitedAt.toISOString(), durationMs: row.exitedAt.getTime() - (row.enteredAt?.getTime() ?? row.exitedAt.getTime()) } : {}),
    ...(waits.has(row) ? { waitingUntil: waits.get(row)!.toISOString() } : {}),
    ...(row.attempts > 0 ? { attempts: row.attempts, retries: Math.max(0, row.attempts - 1) } : {}),
    ...(row.errors.length > 0 ? { errors: row.errors.map((error) => ({ error: error.error, cause: readableCause(error.cause) })) } : {}),
  }));
  const table = renderTable(
    ['STATE', 'TYPE', 'STATUS', 'ENTERED', 'EXITED', 'DURATION', 'RETRIES', 'ERRORS'],
    rows.map((row) => [
      `${'  '.repeat(row.depth)}${row.iteration !== undefined ? `[${row.iteration}] ` : ''}${row.name}`,
      row.type,
      row.status === 'waiting' && waits.has(row) ? `waiting until ${formatInstant(waits.get(row))}` : row.status,
      formatInstant(row.enteredAt),
      row.exitedAt ? formatInstant(row.exitedAt) : '',
      formatSpan(row.enteredAt, row.exitedAt),
      row.attempts > 1 ? String(row.attempts - 1) : '',
      errorSummary(row),
    ]),
  );
  const lines = [
    `${execution.name}: ${execution.status}, started ${formatInstant(execution.startDate)}${execution.stopDate ? `, stopped ${formatInstant(execution.stopDate)} (after ${formatSpan(execution.startDate, execution.stopDate)})` : ''}`,
    '',
    rows.length > 0 ? table : '(no state entered yet)',
    ...errorDetails(rows),
    ...(execution.error ? ['', `execution ${execution.status}: ${execution.error}${execution.cause ? `: ${readableCause(execution.cause)}` : ''}`] : []),
  ];
  out.result(lines.join('\n'), {
    executionArn: execution.executionArn,
    name: execution.name,
    status: execution.status,
    startDate: execution.startDate?.toISOString(),
    ...(execution.stopDate ? { stopDate: execution.stopDate.toISOString() } : {}),
    events: events.length,
    states,
  });
  return UNSUCCESSFUL.has(execution.status ?? '') ? 1 : 0;
}

/** Every event, oldest first, page by page. */
async function allEvents(target: SfnTarget, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await target.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: false, maxResults: 1000, includeExecutionData: true, nextToken }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

/** `Atlassian.RateLimited ×2, Atlassian.NotFound`: the errors of a state, repeated ones counted. */
function errorSummary(row: StateRow): string {
  const counts = new Map<string, number>();
  for (const { error } of row.errors) counts.set(error, (counts.get(error) ?? 0) + 1);
  return [...counts].map(([error, count]) => (count > 1 ? `${error} ×${count}` : error)).join(', ');
}

/** Below the table: the last error of each state that failed or caught one, with its readable cause. */
function errorDetails(rows: readonly StateRow[]): string[] {
  const failing = rows.filter((row) => (row.status === 'failed' || row.status === 'caught') && row.errors.length > 0);
  if (failing.length === 0) return [];
  return ['', ...failing.map((row) => {
    const last = row.errors.at(-1)!;
    const cause = readableCause(last.cause);
    return `${row.status === 'caught' ? '⤷' : '✗'} ${row.name}: ${last.error}${cause ? `: ${cause}` : ''}${row.status === 'caught' ? ' (caught)' : ''}`;
  })];
}
