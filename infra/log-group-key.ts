import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { allowLogsToEncrypt, logGroupArnOf } from './log-encryption-policy.js';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Props of {@link EncryptedLogGroup}. */
export interface EncryptedLogGroupProps {
  /** The log group's name: fixed, because the key policy must name it. */
  logGroupName: string;
  retention: logs.RetentionDays;
  /** For the key's description, e.g. `the HR webhook access logs`. */
  purpose: string;
}

/**
 * A log group encrypted with its own customer managed key (rotation on). CloudWatch Logs may use
 * the key for exactly this log group (encryption-context condition), nothing else may. Both are
 * kept when the stack is deleted: logs are evidence, and unreadable without the key.
 */
export class EncryptedLogGroup extends Construct {
  public readonly logGroup: logs.LogGroup;
  public readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: EncryptedLogGroupProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.key = new kms.Key(this, 'Key', {
      description: `Encrypts ${props.purpose} of ${stack.stackName}`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    allowLogsToEncrypt(this.key, stack, 'CloudWatchLogsEncryptsThisLogGroup', logGroupArnOf(stack, props.logGroupName));
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: props.logGroupName,
      retention: props.retention,
      encryptionKey: this.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
