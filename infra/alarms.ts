import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { ActionFunctions } from './action-functions.js';
import type { WorkflowStateMachines } from './workflow-state-machines.js';

/** Props of {@link OperationalAlarms}. */
export interface OperationalAlarmsProps {
  functions: ActionFunctions;
  stateMachines: WorkflowStateMachines;
  topic: sns.ITopic;
}

/** The Step Functions execution outcomes that need a human, with their metric. */
const EXECUTION_OUTCOMES = [
  { id: 'Failed', what: 'failed', metric: 'metricFailed' },
  { id: 'TimedOut', what: 'timed out', metric: 'metricTimedOut' },
  { id: 'Aborted', what: 'was aborted', metric: 'metricAborted' },
] as const;

/** Joiners, movers and leavers are rare events: one bad execution or error in 5 minutes is news. */
const PERIOD = Duration.minutes(5);

/**
 * Alarms on failed, timed-out and aborted executions of every state machine and on errors of
 * every action function, all notifying one topic. Missing data (no traffic) is not an alarm.
 */
export class OperationalAlarms extends Construct {
  public readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: OperationalAlarmsProps) {
    super(scope, id);
    const alarms: cloudwatch.Alarm[] = [];
    for (const machine of props.stateMachines.all) {
      for (const outcome of EXECUTION_OUTCOMES) {
        alarms.push(
          this.alarm(
            `${machine.node.id}Executions${outcome.id}`,
            machine.stateMachine[outcome.metric]({ period: PERIOD, statistic: 'Sum' }),
            `An execution of the ${machine.workflow.name} workflow ${outcome.what}. Open the execution in the Step Functions console to see which step and why.`,
          ),
        );
      }
    }
    for (const fn of props.functions.all) {
      alarms.push(
        this.alarm(
          `${fn.node.id}Errors`,
          fn.function.metricErrors({ period: PERIOD, statistic: 'Sum' }),
          `The ${fn.action.name} action function reported errors. Its log group has the error name and message.`,
        ),
      );
    }
    const notify = new actions.SnsAction(props.topic);
    for (const alarm of alarms) alarm.addAlarmAction(notify);
    this.alarms = alarms;
  }

  private alarm(id: string, metric: cloudwatch.IMetric, description: string): cloudwatch.Alarm {
    return new cloudwatch.Alarm(this, id, {
      metric,
      alarmDescription: description,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
