import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ExecutionCursor, ExecutionRecord } from '../store/store-types.js';
import { DataFolderUnwritableError } from '../store/write-gate.js';
import { arnMember, includedDataMember, maxResultsMember, nextTokenMember, parseOperationInput } from './operation-input.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { epochSeconds, requireExecution, shownArn, type SfnContext, type SfnOperation } from './sfn-context.js';
import { SfnError } from './sfn-error.js';
import { checkExecutionInput, checkExecutionName } from './start-execution-checks.js';

const DEFAULT_PAGE = 100;
const LIST_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'] as const;

/**
 * `StartExecution` (Standard): the same name and input while that execution runs returns it again
 * (same ARN and start date); a different input, or any input once it has closed, is
 * `ExecutionAlreadyExists`. The check and the insert run without a pause, so two concurrent
 * starts with one name cannot both succeed.
 */
export const startExecution: SfnOperation = (context, body) => {
  const input = parseOperationInput({ stateMachineArn: arnMember, name: z.string().optional(), input: z.string().optional(), traceHeader: z.string().max(256).optional() }, body);
  const machine = context.catalog.require(input.stateMachineArn);
  const name = input.name ?? randomUUID();
  checkExecutionName(name);
  const text = input.input ?? '{}';
  checkExecutionInput(text);
  const existing = context.store.findByName(machine.arn, name);
  if (existing) {
    if (existing.status === 'RUNNING' && existing.input === text) return { executionArn: shownArn(context, existing.arn), startDate: epochSeconds(existing.startMs) };
    const why = existing.status === 'RUNNING' ? 'it is running with a different input' : `it has ended (${existing.status}); names are not reused`;
    throw new SfnError('ExecutionAlreadyExists', `Execution Already Exists: '${shownArn(context, existing.arn)}' (${why})`);
  }
  const record = whileWritable(() => context.executor.start(machine, name, text));
  return { executionArn: shownArn(context, record.arn), startDate: epochSeconds(record.startMs) };
};

/**
 * A write the data folder cannot take (a full disk) is answered 503 `ServiceUnavailable`, which the
 * SDK and HR senders retry: nothing was recorded, so nothing was acknowledged.
 */
function whileWritable<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof DataFolderUnwritableError) throw new SfnError('ServiceUnavailable', `${error.message} Retry later.`);
    throw error;
  }
}

/** `DescribeExecution`: output only once SUCCEEDED; error and cause once FAILED or ABORTED with them. */
export const describeExecution: SfnOperation = (context, body) => {
  const input = parseOperationInput({ executionArn: arnMember, includedData: includedDataMember }, body);
  const record = requireExecution(context, input.executionArn);
  const withData = input.includedData !== 'METADATA_ONLY';
  return {
    ...executionSummary(context, record),
    ...(withData ? { input: record.input } : {}),
    inputDetails: { included: withData },
    ...(record.output !== undefined ? { ...(withData ? { output: record.output } : {}), outputDetails: { included: withData } } : {}),
    ...(record.error !== undefined ? { error: record.error } : {}),
    ...(record.cause !== undefined ? { cause: record.cause } : {}),
    redriveCount: 0,
    redriveStatus: 'NOT_REDRIVABLE',
    redriveStatusReason: record.status === 'RUNNING' ? 'Execution is RUNNING and cannot be redriven' : 'Redrive is not supported by the local runtime',
  };
};

/** `StopExecution`: a RUNNING execution ends ABORTED at once; a closed one is left as it is (its stop date is returned). */
export const stopExecution: SfnOperation = (context, body) => {
  const input = parseOperationInput({ executionArn: arnMember, error: z.string().max(256).optional(), cause: z.string().max(32_768).optional() }, body);
  const record = requireExecution(context, input.executionArn);
  return { stopDate: epochSeconds(whileWritable(() => context.executor.stop(record, input.error, input.cause))) };
};

/** `ListExecutions`: newest first, optionally by status, paged by keyset (no offset scans). */
export const listExecutions: SfnOperation = (context, body) => {
  const input = parseOperationInput(
    { stateMachineArn: arnMember.optional(), statusFilter: z.enum(LIST_STATUSES).optional(), maxResults: maxResultsMember, nextToken: nextTokenMember, mapRunArn: arnMember.optional() },
    body,
  );
  if (input.mapRunArn !== undefined) throw new SfnError('ValidationException', 'mapRunArn: the local runtime has no Distributed Map runs; list by stateMachineArn.');
  if (input.stateMachineArn === undefined) throw new SfnError('ValidationException', 'Must provide a StateMachine ARN or MapRun ARN');
  const machine = context.catalog.require(input.stateMachineArn);
  const query = `ListExecutions|${machine.arn}|${input.statusFilter ?? ''}`;
  const after = input.nextToken ? decodePageToken(input.nextToken, query, isCursor) : undefined;
  const limit = input.maxResults || DEFAULT_PAGE;
  // PENDING_REDRIVE never happens locally (no redrive): an empty list, as for any status without executions.
  const rows = input.statusFilter === 'PENDING_REDRIVE'
    ? []
    : context.store.listExecutions({ stateMachineArn: machine.arn, status: input.statusFilter, after, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    executions: page.map((record) => ({ ...executionSummary(context, record), redriveCount: 0 })),
    ...(rows.length > limit && last ? { nextToken: encodePageToken(query, { startMs: last.startMs, id: last.id }) } : {}),
  };
};

/** The fields DescribeExecution and ListExecutions share, ARNs in the client's region. */
function executionSummary(context: SfnContext, record: ExecutionRecord) {
  return {
    executionArn: shownArn(context, record.arn),
    stateMachineArn: shownArn(context, record.stateMachineArn),
    name: record.name,
    status: record.status,
    startDate: epochSeconds(record.startMs),
    ...(record.stopMs !== undefined ? { stopDate: epochSeconds(record.stopMs) } : {}),
  };
}

function isCursor(value: unknown): value is ExecutionCursor {
  return z.object({ startMs: z.number().int(), id: z.number().int() }).safeParse(value).success;
}
