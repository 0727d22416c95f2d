import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { allowLogsToEncrypt, logGroupArnOf } from './log-encryption-policy.js';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * The name of a workflow's execution-history log group. Fixed rather than generated: the key
 * policy must name the log groups, and a generated name would make key and log group depend on
 * each other. `/aws/vendedlogs/` is the prefix AWS recommends for Step Functions logs (the log
 * delivery resource policy then stays one entry, however many state machines log).
 */
export function workflowLogGroupName(stackName: string, workflowName: string): string {
  return `/aws/vendedlogs/states/${stackName}-${workflowName}`;
}

/** Props of {@link WorkflowLogKey}. */
export interface WorkflowLogKeyProps {
  /** Names of the log groups the key encrypts (see {@link workflowLogGroupName}); no other may use it. */
  logGroupNames: readonly string[];
}

/**
 * The customer managed key of the state machines' log groups, which hold personal data (emails,
 * names, HR reasons, group snapshots: the execution history with inputs and outputs). Rotation on;
 * CloudWatch Logs may use it only for exactly the named log groups (encryption context condition).
 * Retained with the stack deleted, like the log groups it encrypts, which would be unreadable without it.
 */
export class WorkflowLogKey extends Construct {
  public readonly key: kms.Key;
  /** ARNs of the log groups the key policy allows, as CloudWatch Logs puts them in the encryption context. */
  public readonly logGroupArns: readonly string[];

  constructor(scope: Construct, id: string, props: WorkflowLogKeyProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.key = new kms.Key(this, 'Key', {
      description: `Encrypts the workflow execution logs of ${stack.stackName} (personal data of joiners, movers and leavers)`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.logGroupArns = props.logGroupNames.map((name) => logGroupArnOf(stack, name));
    allowLogsToEncrypt(this.key, stack, 'CloudWatchLogsEncryptsTheWorkflowLogGroups', this.logGroupArns);
  }
}
