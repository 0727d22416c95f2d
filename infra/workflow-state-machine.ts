import { Stack } from 'aws-cdk-lib';
import { acknowledgeNag, defaultPolicyOf } from './nag-acknowledgement.js';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { ActionFunctions } from './action-functions.js';
import type { WorkflowDefinition } from './workflow-definitions.js';

/** Props of {@link WorkflowStateMachine}. */
export interface WorkflowStateMachineProps {
  workflow: WorkflowDefinition;
  functions: ActionFunctions;
  logRetention: logs.RetentionDays;
  /** Name of the execution-history log group (`workflowLogGroupName`), which the key policy names. */
  logGroupName: string;
  /** Customer managed key of the log group: the history holds personal data. */
  logKey: kms.IKey;
}

/**
 * One `workflows/<name>.asl.json` as a Standard state machine: every `${Placeholder}` replaced by
 * its function's ARN, ALL events (with execution data, the audit trail of who was changed how) to
 * its own KMS-encrypted log group, X-Ray tracing, and a role that may invoke exactly the functions it uses.
 */
export class WorkflowStateMachine extends Construct {
  public readonly stateMachine: sfn.StateMachine;
  public readonly logGroup: logs.LogGroup;
  public readonly workflow: WorkflowDefinition;

  constructor(scope: Construct, id: string, props: WorkflowStateMachineProps) {
    super(scope, id);
    const { workflow, functions } = props;
    this.workflow = workflow;
    const used = workflow.actions.map((action) => functions.forAction(action));
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: props.logGroupName,
      retention: props.logRetention,
      encryptionKey: props.logKey,
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: `${Stack.of(this).stackName}-${workflow.name}`,
      stateMachineType: sfn.StateMachineType.STANDARD,
      // fromString keeps the definition inline (fromFile would make it an S3 asset).
      definitionBody: sfn.DefinitionBody.fromString(workflow.definition),
      definitionSubstitutions: Object.fromEntries(used.map((fn) => [fn.action.placeholder, fn.function.functionArn])),
      tracingEnabled: true,
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: true },
    });
    // The ASL calls unqualified function ARNs, so the exact ARNs suffice (no `:*` version wildcard).
    this.stateMachine.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: used.map((fn) => fn.function.functionArn) }),
    );
  }

  /** Step Functions' log delivery and X-Ray actions take no resource ARN. Called once every grant is made. */
  acknowledgeNagFindings(): void {
    acknowledgeNag(defaultPolicyOf(this.stateMachine.role), {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the CloudWatch Logs delivery actions (logs:*LogDelivery*, PutResourcePolicy, DescribeResourcePolicies, ' +
        'DescribeLogGroups) and X-Ray tracing actions use Resource "*": AWS supports no resource-level permissions for them ' +
        "(Step Functions logging and tracing docs). lambda:InvokeFunction is granted on the exact ARNs of this workflow's functions.",
    });
  }
}
