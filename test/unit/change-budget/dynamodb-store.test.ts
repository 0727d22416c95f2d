import { DynamoDBClient, GetItemCommand, TransactWriteItemsCommand, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { allCustomMatcher } from 'aws-sdk-client-mock-vitest';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReservationRequest } from '../../../functions/lib/change-budget/change-budget-store.js';
import { DynamoDbChangeBudgetStore } from '../../../functions/lib/change-budget/dynamodb-store.js';

expect.extend(allCustomMatcher);

const TABLE = 'AtlassianJml-ChangeBudget';
const dynamo = mockClient(DynamoDBClient);
afterAll(() => dynamo.restore());
beforeEach(() => dynamo.reset());

const request = (overrides: Partial<ReservationRequest> = {}): ReservationRequest => ({
  kind: 'leaver', scope: 'org-1', executionName: 'leaver-hr-123', day: '2026-12-01', limit: 50, enforce: true, at: '2026-12-01T10:00:00Z', ...overrides,
});

function cancelled(reasons: Array<Record<string, unknown>>): TransactionCanceledException {
  return new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: reasons as never });
}

describe('the DynamoDB change budget', () => {
  it('writes the reservation and the counter in one conditional transaction, then reads the count', async () => {
    // Prepare
    dynamo.on(TransactWriteItemsCommand).resolves({});
    dynamo.on(GetItemCommand).resolves({ Item: { pk: { S: 'counter#leaver#org-1#2026-12-01' }, used: { N: '7' } } });
    const store = new DynamoDbChangeBudgetStore(TABLE, new DynamoDBClient({}));

    // Act
    const outcome = await store.reserve(request());

    // Assess
    expect(outcome).toEqual({ status: 'reserved', used: 7 });
    const [put, update] = dynamo.commandCalls(TransactWriteItemsCommand)[0].args[0].input.TransactItems!;
    expect(put.Put).toMatchObject({
      TableName: TABLE,
      Item: { pk: { S: 'reservation#leaver#org-1#leaver-hr-123' }, day: { S: '2026-12-01' } },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    expect(update.Update).toMatchObject({
      TableName: TABLE,
      Key: { pk: { S: 'counter#leaver#org-1#2026-12-01' } },
      ConditionExpression: 'attribute_not_exists(#used) OR #used < :limit',
      ExpressionAttributeValues: expect.objectContaining({ ':limit': { N: '50' }, ':one': { N: '1' } }),
    });
    // TTL: 7 days after the day ended (2026-12-09T00:00:00Z).
    expect(put.Put!.Item!.expiresAt).toEqual({ N: String(Date.parse('2026-12-09T00:00:00Z') / 1000) });
    expect(dynamo).toHaveReceivedCommandWith(GetItemCommand, { TableName: TABLE, ConsistentRead: true });
  });

  it('an override counts without the limit condition', async () => {
    // Prepare
    dynamo.on(TransactWriteItemsCommand).resolves({});
    dynamo.on(GetItemCommand).resolves({ Item: { used: { N: '51' } } });

    // Act
    const outcome = await new DynamoDbChangeBudgetStore(TABLE, new DynamoDBClient({})).reserve(request({ enforce: false }));

    // Assess
    expect(outcome).toEqual({ status: 'reserved', used: 51 });
    const update = dynamo.commandCalls(TransactWriteItemsCommand)[0].args[0].input.TransactItems![1].Update!;
    expect(update.ConditionExpression).toBeUndefined();
  });

  it('a retried Task finds its reservation: already, not counted again', async () => {
    // Prepare
    dynamo.on(TransactWriteItemsCommand).rejects(cancelled([{ Code: 'ConditionalCheckFailed', Item: { day: { S: '2026-11-30' } } }, { Code: 'None' }]));

    // Act
    const outcome = await new DynamoDbChangeBudgetStore(TABLE, new DynamoDBClient({})).reserve(request());

    // Assess
    expect(outcome).toEqual({ status: 'already', day: '2026-11-30' });
    expect(dynamo).toHaveReceivedCommandTimes(GetItemCommand, 0);
  });

  it('a full day is refused with the count it holds', async () => {
    // Prepare
    dynamo.on(TransactWriteItemsCommand).rejects(cancelled([{ Code: 'None' }, { Code: 'ConditionalCheckFailed', Item: { used: { N: '50' } } }]));

    // Act
    const outcome = await new DynamoDbChangeBudgetStore(TABLE, new DynamoDBClient({})).reserve(request());

    // Assess
    expect(outcome).toEqual({ status: 'exceeded', used: 50 });
  });

  it('a conflict with a concurrent transaction is Atlassian.Transient (the state machine retries it)', async () => {
    // Prepare
    dynamo.on(TransactWriteItemsCommand).rejects(cancelled([{ Code: 'None' }, { Code: 'TransactionConflict' }]));

    // Act
    const outcome = new DynamoDbChangeBudgetStore(TABLE, new DynamoDBClient({})).reserve(request());

    // Assess
    await expect(outcome).rejects.toMatchObject({ name: 'Atlassian.Transient' });
  });

  it('other AWS errors pass through for the error-mapping middleware to name', async () => {
    // Prepare
    const denied = Object.assign(new Error('not authorized to perform dynamodb:TransactWriteItems'), { name: 'AccessDeniedException', $metadata: {} });
    dynamo.on(TransactWriteItemsCommand).rejects(denied);

    // Act
    const outcome = new DynamoDbChangeBudgetStore(TABLE, new DynamoDBClient({})).reserve(request());

    // Assess
    await expect(outcome).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
