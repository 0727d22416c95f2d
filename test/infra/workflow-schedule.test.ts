import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { WorkflowSchedule, type WorkflowScheduleProps } from '../../infra/workflow-schedule.js';
import { logicalIdOf, policyStatements } from './synth-helper.js';

/** The schedule construct for the coming inactivity sweep, in a stack of its own (no stack uses it yet). */

function build(props: Partial<WorkflowScheduleProps> = {}) {
  const app = new App();
  const stack = new Stack(app, 'ScheduleTest', { env: { account: '123456789012', region: 'eu-west-1' } });
  const machine = new sfn.StateMachine(stack, 'Sweep', { definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, 'Noop')) });
  const schedule = new WorkflowSchedule(stack, 'WeeklySweep', {
    stateMachine: machine,
    cron: { minute: '0', hour: '6', weekDay: 'MON' },
    timeZone: 'Europe/Amsterdam',
    input: { dryRun: true },
    description: 'Weekly inactivity sweep',
    ...props,
  });
  return { app, stack, machine, schedule, template: Template.fromStack(stack) };
}

describe('WorkflowSchedule', () => {
  it('starts the state machine on a cron in a time zone, with retries and a dead-letter queue', () => {
    // Act
    const { template, machine, schedule } = build();

    // Assess
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule'));
    expect(schedules).toHaveLength(1);
    expect(schedules[0].Properties).toMatchObject({
      ScheduleExpression: 'cron(0 6 ? * MON *)',
      ScheduleExpressionTimezone: 'Europe/Amsterdam',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: { Ref: logicalIdOf(machine) },
        Input: '{"dryRun":true}',
        RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalIdOf(schedule.deadLetterQueue), 'Arn'] } },
      },
    });
  });

  it('encrypts the dead-letter queue, enforces TLS, and keeps missed starts for 14 days', () => {
    // Act
    const { template, schedule } = build();

    // Assess
    const queue = template.toJSON().Resources[logicalIdOf(schedule.deadLetterQueue)].Properties;
    expect(queue).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86_400 });
    const queuePolicy = Object.values(template.findResources('AWS::SQS::QueuePolicy'))[0].Properties;
    expect(queuePolicy.PolicyDocument.Statement).toEqual(expect.arrayContaining([expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]));
  });

  it('lets the scheduler role start exactly this state machine and send to exactly its queue', () => {
    // Act
    const { template, machine, schedule } = build();

    // Assess
    const statements = policyStatements(template).map(({ statement }) => statement);
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Action: 'states:StartExecution', Resource: { Ref: logicalIdOf(machine) } }),
        expect.objectContaining({ Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [logicalIdOf(schedule.deadLetterQueue), 'Arn'] } }),
      ]),
    );
    expect(statements.flatMap((statement) => [statement.Action].flat()).filter((action: string) => action.includes('*'))).toEqual([]);
  });

  it('is cdk-nag clean (AwsSolutions), acknowledgements reasoned', () => {
    // Prepare
    const { app } = build();

    // Act
    const violations = new AwsSolutionsChecks(app).validateScope(app).violations;

    // Assess: only the test's own throwaway state machine may have findings.
    expect(violations.filter((violation) => violation.violatingResources.some((resource) => !(resource.constructPath ?? '').includes('/Sweep')))).toEqual([]);
  });

  it('refuses impossible settings up front, with the rule', () => {
    expect(() => build({ retryAttempts: 200 })).toThrow(/retryAttempts must be a whole number from 0 to 185/);
    expect(() => build({ maxEventAge: Duration.hours(48) })).toThrow(/maxEventAge must be between 1 minute and 24 hours/);
    expect(() => build({ timeZone: 'Amsterdam' })).toThrow(/timeZone must be an IANA time zone/);
  });
});
