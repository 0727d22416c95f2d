import {
  DynamoDBClient,
  GetItemCommand,
  TransactWriteItemsCommand,
  type CancellationReason,
} from '@aws-sdk/client-dynamodb';
import { ErrorNames, JmlError } from '../errors.js';
import { expiryOf, type ChangeBudgetStore, type ReservationOutcome, type ReservationRequest } from './change-budget-store.js';

/**
 * The budget in a DynamoDB table (`JML_CHANGE_BUDGET_TABLE`, partition key `pk`, TTL on
 * `expiresAt`). Two items per reservation, written in one transaction so concurrent leavers cannot
 * overshoot: the execution's reservation (only if it does not exist yet: a retried Task is not
 * counted twice) and the day's counter (only while it is under the limit).
 */
export class DynamoDbChangeBudgetStore implements ChangeBudgetStore {
  constructor(
    readonly tableName: string,
    private readonly client: DynamoDBClient = new DynamoDBClient({}),
  ) {}

  async reserve(request: ReservationRequest): Promise<ReservationOutcome> {
    const counterKey = `counter#${request.kind}#${request.scope}#${request.day}`;
    const expiresAt = { N: String(Math.floor(expiryOf(request.day).getTime() / 1000)) };
    try {
      await this.client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  pk: { S: `reservation#${request.kind}#${request.scope}#${request.executionName}` },
                  day: { S: request.day },
                  reservedAt: { S: request.at },
                  enforced: { BOOL: request.enforce },
                  expiresAt,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: { pk: { S: counterKey } },
                UpdateExpression: 'ADD #used :one SET #expiresAt = :expiresAt, #limit = :limit',
                ...(request.enforce ? { ConditionExpression: 'attribute_not_exists(#used) OR #used < :limit' } : {}),
                ExpressionAttributeNames: { '#used': 'used', '#expiresAt': 'expiresAt', '#limit': 'limit' },
                ExpressionAttributeValues: { ':one': { N: '1' }, ':expiresAt': expiresAt, ':limit': { N: String(request.limit) } },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
          ],
        }),
      );
    } catch (error) {
      return this.refused(error, request);
    }
    return { status: 'reserved', used: (await this.usedOn(counterKey)) ?? 1 };
  }

  /** A cancelled transaction: already reserved, or the day is full; anything else is thrown as a named error. */
  private refused(error: unknown, request: ReservationRequest): ReservationOutcome {
    const reasons = (error as { name?: string; CancellationReasons?: CancellationReason[] }).CancellationReasons;
    if ((error as Error).name === 'TransactionCanceledException' && reasons) {
      const [reservation, counter] = reasons;
      if (reservation?.Code === 'ConditionalCheckFailed') return { status: 'already', day: reservation.Item?.day?.S ?? request.day };
      if (counter?.Code === 'ConditionalCheckFailed') return { status: 'exceeded', used: Number(counter.Item?.used?.N ?? request.limit) };
      if (reasons.some((reason) => reason.Code === 'TransactionConflict' || reason.Code === 'ThrottlingError')) {
        throw new JmlError(ErrorNames.Transient, 'Another execution reserved a change-budget unit at the same moment; retrying.', { cause: error });
      }
    }
    // AWS SDK errors (access denied, missing table, throttling) are named by the error-mapping middleware.
    throw error;
  }

  /** The day's counter after our write, for the record (strongly consistent). */
  private async usedOn(counterKey: string): Promise<number | undefined> {
    const { Item } = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: { pk: { S: counterKey } }, ConsistentRead: true }));
    return Item?.used?.N !== undefined ? Number(Item.used.N) : undefined;
  }
}
