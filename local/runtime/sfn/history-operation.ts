import { z } from 'zod';
import type { StoredHistoryEvent } from '../store/store-types.js';
import { arnMember, maxResultsMember, nextTokenMember, parseOperationInput } from './operation-input.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { lambdaArnsInRegion } from './arns.js';
import { epochSeconds, requireExecution, type SfnOperation } from './sfn-context.js';

const DEFAULT_PAGE = 100;
const DATA_FIELDS = new Set(['input', 'inputDetails', 'output', 'outputDetails']);

/** `GetExecutionHistory`: events by id (newest first with `reverseOrder`), paged; `includeExecutionData: false` drops inputs and outputs. */
export const getExecutionHistory: SfnOperation = (context, body) => {
  const input = parseOperationInput(
    { executionArn: arnMember, maxResults: maxResultsMember, reverseOrder: z.boolean().optional(), nextToken: nextTokenMember, includeExecutionData: z.boolean().optional() },
    body,
  );
  const record = requireExecution(context, input.executionArn);
  const reverse = input.reverseOrder === true;
  const query = `GetExecutionHistory|${record.arn}|${reverse ? 'desc' : 'asc'}`;
  const afterId = input.nextToken ? decodePageToken(input.nextToken, query, isEventId) : undefined;
  const limit = input.maxResults || DEFAULT_PAGE;
  const rows = context.store.history(record.id, { afterId, reverse, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const withData = input.includeExecutionData !== false;
  return {
    events: page.map((event) => wireEvent(event, withData, context.region)),
    ...(rows.length > limit ? { nextToken: encodePageToken(query, page.at(-1)?.id) } : {}),
  };
};

function wireEvent(event: StoredHistoryEvent, withData: boolean, region: string) {
  const details = Object.fromEntries(Object.entries(event.details).map(([key, value]) => [key, shownDetails(value, withData, region)]));
  return { timestamp: epochSeconds(event.timestampMs), type: event.type, id: event.id, previousEventId: event.previousEventId, ...details };
}

/** One `<x>EventDetails` object: without inputs and outputs unless asked for, a Lambda `resource` in the client's region. */
function shownDetails(details: unknown, withData: boolean, region: string): unknown {
  if (details === null || typeof details !== 'object') return details;
  return Object.fromEntries(
    Object.entries(details)
      .filter(([key]) => withData || !DATA_FIELDS.has(key))
      .map(([key, value]) => [key, key === 'resource' && typeof value === 'string' ? lambdaArnsInRegion(value, region) : value]),
  );
}

function isEventId(value: unknown): value is number {
  return z.number().int().min(0).safeParse(value).success;
}
