import { Duration, TimeZone, Validations } from 'aws-cdk-lib';
import { isTimeZone } from '../functions/lib/schedule/time-zone.js';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

/** Props of {@link WorkflowSchedule}. */
export interface WorkflowScheduleProps {
  stateMachine: sfn.IStateMachine;
  /** When, as cron fields in `timeZone`, e.g. `{ minute: '0', hour: '6', weekDay: 'MON' }`. */
  cron: { minute?: string; hour?: string; day?: string; month?: string; weekDay?: string; year?: string };
  /** IANA time zone the cron is read in (daylight saving time included), e.g. `Europe/Amsterdam`. @default 'UTC' */
  timeZone?: string;
  /** The execution input. @default {} */
  input?: Record<string, unknown>;
  /** Attempts to start the execution after the first one fails (0-185). @default 5 */
  retryAttempts?: number;
  /** How long Scheduler keeps trying before the event goes to the dead-letter queue. @default 1 hour */
  maxEventAge?: Duration;
  description: string;
  /** @default true */
  enabled?: boolean;
}

/**
 * A recurring start of a state machine with EventBridge Scheduler (time zones, retries, a DLQ;
 * not the legacy scheduled rules): for the coming inactivity sweep. A start that still fails after
 * the retries lands in an encrypted SQS dead-letter queue, kept 14 days, so a missed run is seen.
 */
export class WorkflowSchedule extends Construct {
  public readonly schedule: scheduler.Schedule;
  public readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: WorkflowScheduleProps) {
    super(scope, id);
    const retryAttempts = props.retryAttempts ?? 5;
    if (!Number.isInteger(retryAttempts) || retryAttempts < 0 || retryAttempts > 185) {
      throw new Error(`${this.node.path}: retryAttempts must be a whole number from 0 to 185 (EventBridge Scheduler's range), not ${retryAttempts}.`);
    }
    const timeZone = props.timeZone ?? 'UTC';
    if (!isTimeZone(timeZone)) throw new Error(`${this.node.path}: timeZone must be an IANA time zone such as Europe/Amsterdam, not ${JSON.stringify(timeZone)}.`);
    const maxEventAge = props.maxEventAge ?? Duration.hours(1);
    if (maxEventAge.toSeconds() < 60 || maxEventAge.toSeconds() > 86_400) {
      throw new Error(`${this.node.path}: maxEventAge must be between 1 minute and 24 hours.`);
    }
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: props.description,
      schedule: scheduler.ScheduleExpression.cron({ ...props.cron, timeZone: timeZone === 'UTC' ? TimeZone.ETC_UTC : TimeZone.of(timeZone) }),
      enabled: props.enabled ?? true,
      target: new targets.StepFunctionsStartExecution(props.stateMachine, {
        input: scheduler.ScheduleTargetInput.fromObject(props.input ?? {}),
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts,
        maxEventAge,
      }),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue: EventBridge Scheduler puts the starts it could not make here (after its ' +
        'retries); nothing consumes it automatically, so a further DLQ would only move the same messages.',
    });
  }
}
