import type { ExecutionStatus } from '@aws-sdk/client-sfn';
import { UsageError } from '../read-input.js';
import { renderTable } from '../format/table.js';
import { formatInstant, formatSpan } from '../format/time.js';
import { expectOperands, selectedWorkflows, targetFlags, type CommandContext } from './command-context.js';
import { decodeListingToken, encodeListingToken } from './executions-page-token.js';
import { readListingPage } from './executions-paging.js';

const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'ABORTED', 'TIMED_OUT'] as const;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;
const FORM = 'executions [--workflow W] [--status S] [--limit N | --all] [--next-token T]';

/**
 * `jml executions [--workflow W] [--status S] [--limit N | --all] [--next-token T]`: the newest
 * executions across the workflows' state machines, a page at a time (`--next-token` continues where
 * the previous page ended, `--all` lists every one).
 */
export async function executionsCommand({ values, operands, target, out }: CommandContext): Promise<number> {
  expectOperands(operands, 0, FORM);
  const workflows = selectedWorkflows(values);
  const status = parseStatus(values.status);
  if (values.all && values.limit !== undefined) throw new UsageError('--all and --limit exclude each other: --all lists every execution');
  const limit = values.all ? Number.POSITIVE_INFINITY : parseLimit(values.limit);
  const query = { workflows, ...(status ? { status } : {}) };
  const from = values['next-token'] === undefined ? undefined : decodeListingToken(values['next-token'], query);

  const machines = await target.machines(workflows);
  const missing = workflows.filter((workflow) => !machines.some((machine) => machine.workflow === workflow));
  if (missing.length > 0) out.note(`no state machine ${missing.map((workflow) => target.stateMachineName(workflow)).join(', ')} on ${await target.where()}: not listed`);
  const page = await readListingPage(target, machines, status, limit, from);
  const newest = page.executions;

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
  out.result(newest.length === 0 ? `no ${from ? 'more ' : ''}${what}` : renderTable(['NAME', 'WORKFLOW', 'STATUS', 'STARTED', 'STOPPED', 'DURATION'], rows), data);
  if (page.next.size > 0) {
    const again = `${values.workflow ? ` --workflow ${values.workflow}` : ''}${status ? ` --status ${status}` : ''}${values.limit ? ` --limit ${limit}` : ''}${targetFlags(values)}`;
    out.note(`showing ${newest.length} ${what}, newest first; older ones: --all, or the next page:`);
    out.note(`  jml executions --next-token ${encodeListingToken(query, page.next)}${again}`);
  } else if (newest.length > 0) out.note(`details: jml describe <name>${targetFlags(values)}`);
  return 0;
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
