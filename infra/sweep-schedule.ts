import { Duration, TimeZone } from 'aws-cdk-lib';
import { acknowledgeNag } from './nag-acknowledgement.js';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { toEventBridgeCron } from '../functions/lib/schedule/cron-schedule.js';

/** Props of {@link SweepSchedule}. */
export interface SweepScheduleProps {
  /** The inactivity sweep's state machine. */
  stateMachine: sfn.IStateMachine;
  /** 5-field cron (minute hour day-of-month month day-of-week). @default '0 6 * * *' (daily 06:00) */
  cron?: string;
  /** IANA time zone the cron is read in. @default 'UTC' */
  timeZone?: string;
  /** @default true */
  enabled?: boolean;
  /** Where the dead-letter alarm notifies. */
  alarmTopic: sns.ITopic;
}

/**
 * Starts the inactivity sweep on an EventBridge Scheduler schedule (time zones, retries, DLQ) with
 * the input `{"scheduledAt": <the run time>}`: the config decides whether it is a dry run (`inactivity.enforce`). A start that
 * still fails after the retries (throttling, a deleted state machine) lands in an encrypted
 * dead-letter queue, which alarms.
 */
export class SweepSchedule extends Construct {
  public readonly schedule: scheduler.Schedule;
  public readonly deadLetterQueue: sqs.Queue;
  public readonly deadLetterAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: SweepScheduleProps) {
    super(scope, id);
    const cron = props.cron ?? '0 6 * * *';
    const expression = toEventBridgeCron(cron);
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: `Starts the inactivity sweep (${cron}, ${props.timeZone ?? 'UTC'})`,
      schedule: scheduler.ScheduleExpression.expression(expression, TimeZone.of(props.timeZone ?? 'UTC')),
      enabled: props.enabled ?? true,
      target: new targets.StepFunctionsStartExecution(props.stateMachine, {
        // The run time goes in as scheduledAt: a retried or late start still files its report under it.
        input: scheduler.ScheduleTargetInput.fromObject({ scheduledAt: scheduler.ContextAttribute.scheduledTime }),
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 3,
        maxEventAge: Duration.hours(2),
      }),
    });
    this.deadLetterAlarm = new cloudwatch.Alarm(this, 'DeadLetterAlarm', {
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      alarmDescription: 'A scheduled inactivity sweep could not be started (see the dead-letter queue message for why). Start it by hand or fix the schedule.',
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.deadLetterAlarm.addAlarmAction(new actions.SnsAction(props.alarmTopic));
      acknowledgeNag(this.deadLetterQueue, {
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue of the sweep schedule (EventBridge Scheduler target DeadLetterConfig), which cdk-nag cannot see.',
    });
  }
}
