import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { ActionFunction } from './action-function.js';
import { POWERTOOLS_METRICS_NAMESPACE, POWERTOOLS_SERVICE_NAME } from './action-function.js';

/** Props of {@link ChangeBudget}. */
export interface ChangeBudgetProps {
  /** The reserveChangeBudget function: the only one that reads or writes the table. */
  reserveFunction: ActionFunction;
  /** The org the budget belongs to (one stack per org). */
  orgId: string;
  /** Where the "brake engaged" alarm notifies. */
  topic: sns.ITopic;
}

/** The item operations of one reservation (a TransactWriteItems of a Put and an Update, then a GetItem). */
export const CHANGE_BUDGET_TABLE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem'];

/**
 * The org-wide daily budget of changes (functions/lib/change-budget/): a small on-demand table
 * (point-in-time recovery, encrypted with the AWS managed key, old days expire through TTL on
 * `expiresAt`), writable by the reserveChangeBudget function alone, and an alarm when the brake
 * refuses a leaver, which is the moment a person has to look.
 */
export class ChangeBudget extends Construct {
  public readonly table: dynamodb.Table;
  public readonly brakeAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ChangeBudgetProps) {
    super(scope, id);
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: 'expiresAt',
      // Only counters of the last week live here; the audit trail is the execution history.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const fn = props.reserveFunction.function;
    this.table.grant(fn, ...CHANGE_BUDGET_TABLE_ACTIONS);
    fn.addEnvironment('JML_CHANGE_BUDGET_TABLE', this.table.tableName);
    fn.addEnvironment('ATLASSIAN_ORG_ID', props.orgId);

    // The handler middleware counts every refusal as ActionErrors{action, errorName, code} (EMF).
    const refusals = new cloudwatch.Metric({
      namespace: POWERTOOLS_METRICS_NAMESPACE,
      metricName: 'ActionErrors',
      dimensionsMap: { service: POWERTOOLS_SERVICE_NAME, action: 'reserveChangeBudget', errorName: 'Jml.BlastRadiusExceeded', code: 'none' },
      statistic: 'Sum',
      period: Duration.minutes(5),
    });
    this.brakeAlarm = new cloudwatch.Alarm(this, 'BrakeEngaged', {
      metric: refusals,
      alarmDescription:
        'The mass-change brake refused a leaver: limits.maxLeaversPerDay leavers already acted today. Review today\'s leavers ' +
        '(a wrong HR export?); start intended ones again with "overrideLimits": true.',
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.brakeAlarm.addAlarmAction(new actions.SnsAction(props.topic));
  }
}
