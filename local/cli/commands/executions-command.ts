import { ListExecutionsCommand, type ExecutionListItem, type ExecutionStatus } from '@aws-sdk/client-sfn';
import { UsageError } from '../read-input.js';
import { renderTable } from '../format/table.js';
import { formatInstant, formatSpan } from '../format/time.js';
import type { WorkflowMachine } from '../sfn-target.js';
import { expectOperands, selectedWorkflows, targetFlags, type CommandContext } from './command-context.js';

const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'ABORTED', 'TIMED_OUT'] as const;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

/**
 * `jml executions [--workflow W] [--status S] [--limit N]`: the newest executions across the
 * workflows' state machines. ListExecutions lists newest first per state machine, so taking up
 * to N from each (page by page) and merging by start date gives the newest N overall.
 */
export async function executionsCommand({ values, operands, target, out }: CommandContext): Promise<number> {
  expectOperands(operands, 0, 'executions [--workflow W] [--status S] [--limit N]');
  const workflows = selectedWorkflows(values);
  const status = parseStatus(values.status);
  const limit = parseLimit(values.limit);

  const machines = await target.machines(workflows);
  const missing = workflows.filter((workflow) => !machines.some((machine) => machine.workflow === workflow));
  if (missing.length > 0) out.note(`no state machine ${missing.map((workflow) => target.stateMachineName(workflow)).join(', ')} on ${await target.where()}: not listed`);
  const perMachine = await Promise.all(machines.map((machine) => newestOf(target, machine, status, limit)));
  const listed = perMachine.flatMap((result) => result.items);
  const more = listed.length > limit || perMachine.some((result) => result.more);
  const newest = listed.sort((a, b) => (b.item.startDate?.getTime() ?? 0) - (a.item.startDate?.getTime() ?? 0)).slice(0, limit);

  const data = newest.map(({ workflow, item }) => ({
    name: item.name,
    workflow,
    status: item.status,
    startDate: item.startDate?.toISOString(),
    ...(item.stopDate ? { stopDate: item.stopDate.toISOString() } : {}),
    executionArn: item.executionArn,
  }));
  const rows = newest.map(({ workflow, item }) => [
    item.name ?? '',
    workflow,
    item.status ?? '',
    formatInstant(item.startDate),
    item.stopDate ? formatInstant(item.stopDate) : '',
    formatSpan(item.startDate, item.stopDate),
  ]);
  const what = `${status ? `${status} ` : ''}executions of ${machines.map((machine) => machine.name).join(', ')}`;
  out.result(newest.length === 0 ? `no ${what}` : renderTable(['NAME', 'WORKFLOW', 'STATUS', 'STARTED', 'STOPPED', 'DURATION'], rows), data);
  if (more) out.note(`showing the newest ${limit} ${what}; older ones: --limit N (at most ${MAX_LIMIT})`);
  else if (newest.length > 0) out.note(`details: jml describe <name>${targetFlags(values)}`);
  return 0;
}

async function newestOf(
  target: CommandContext['target'],
  machine: WorkflowMachine,
  statusFilter: ExecutionStatus | undefined,
  limit: number,
): Promise<{ items: { workflow: string; item: ExecutionListItem }[]; more: boolean }> {
  const items: ExecutionListItem[] = [];
  let nextToken: string | undefined;
  do {
    const page = await target.send(
      new ListExecutionsCommand({ stateMachineArn: machine.arn, ...(statusFilter ? { statusFilter } : {}), maxResults: Math.min(limit - items.length, MAX_LIMIT), nextToken }),
    );
    items.push(...(page.executions ?? []));
    nextToken = page.nextToken;
  } while (nextToken && items.length < limit);
  return { items: items.slice(0, limit).map((item) => ({ workflow: machine.workflow, item })), more: nextToken !== undefined || items.length > limit };
}

function parseStatus(value: string | undefined): ExecutionStatus | undefined {
  if (value === undefined) return undefined;
  const status = value.toUpperCase();
  if (!(STATUSES as readonly string[]).includes(status)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')}, not ${JSON.stringify(value)}`);
  return status as ExecutionStatus;
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new UsageError(`--limit must be a whole number from 1 to ${MAX_LIMIT}, not ${JSON.stringify(value)}`);
  return limit;
}
