import { Validations, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { JmlStack } from './jml-stack.js';

/**
 * Every cdk-nag AwsSolutions finding this stack acknowledges, each on the one construct it is
 * about (never stack-wide), with the reason a reviewer needs. Anything not listed here fails synth.
 * test/infra/template.test.ts checks that the wildcard resources are exactly the ones named here.
 */
export function acknowledgeNagFindings(stack: JmlStack): void {
  for (const fn of stack.functions.all) {
    acknowledge(defaultPolicyOf(fn.role), {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only xray:PutTraceSegments and xray:PutTelemetryRecords use Resource "*" (active tracing): X-Ray supports no ' +
        'resource-level permissions for them. Logs and the API key secret are granted on their exact ARNs.',
    });
  }
  const reportObjects = `Resource::<${stack.getLogicalId(stack.reports.bucket.node.defaultChild as CfnElement)}.Arn>/reports/*`;
  for (const fn of stack.functions.all.filter((f) => f.action.reportStore)) {
    acknowledge(defaultPolicyOf(fn.role), {
      id: `AwsSolutions-IAM5[${reportObjects}]`,
      reason:
        `The ${fn.action.name} sweep step reads or writes its run's files (scan parts, decisions, snapshots, the report) whose keys ` +
        'are only known at run time (reports/sweep/<date>/<execution>/...): object actions (s3:GetObject and/or s3:PutObject only, ' +
        'no list or delete) on the reports/ prefix of the one report bucket.',
    });
  }
  if (stack.sweepSchedule) {
    acknowledge(stack.sweepSchedule.deadLetterQueue, {
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue of the sweep schedule (EventBridge Scheduler target DeadLetterConfig), which cdk-nag cannot see.',
    });
  }
  for (const machine of stack.stateMachines.all) {
    acknowledge(defaultPolicyOf(machine.stateMachine.role), {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the CloudWatch Logs delivery actions (logs:*LogDelivery*, PutResourcePolicy, DescribeResourcePolicies, ' +
        'DescribeLogGroups) and X-Ray tracing actions use Resource "*": AWS supports no resource-level permissions for them ' +
        '(Step Functions logging and tracing docs). lambda:InvokeFunction is granted on the exact ARNs of this workflow\'s functions.',
    });
  }
  if (stack.apiKey.created) {
    acknowledge(stack.apiKey.secret, {
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret holds an Atlassian organization API key, which only an org admin can create or revoke in ' +
        'admin.atlassian.com (there is no API to rotate it). Rotate by creating a new key before the old one expires ' +
        'and putting it into this secret (README "Deploy to AWS").',
    });
  }
}

function acknowledge(scope: IConstruct, rule: { id: string; reason: string }): void {
  Validations.of(scope).acknowledge(rule);
}

/** The DefaultPolicy CDK adds to a role for grants; it exists once anything was granted. */
function defaultPolicyOf(role: IConstruct): IConstruct {
  const policy = role.node.tryFindChild('DefaultPolicy');
  if (!policy) throw new Error(`Expected ${role.node.path} to have a DefaultPolicy (grants were expected on it).`);
  return policy;
}
