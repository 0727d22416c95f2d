import { ArnFormat, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';

/** The ARN CloudWatch Logs puts in the encryption context for the log group `name`. */
export function logGroupArnOf(stack: Stack, name: string): string {
  return stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: name, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
}

/**
 * The key policy CloudWatch Logs documents for encrypting log groups, with the actions spelt out and
 * the encryption context pinned to exactly `logGroupArns`: the key encrypts those groups and nothing else.
 */
export function allowLogsToEncrypt(key: kms.Key, stack: Stack, sid: string, logGroupArns: string | readonly string[]): void {
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid,
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey'],
      resources: ['*'],
      conditions: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': typeof logGroupArns === 'string' ? logGroupArns : [...logGroupArns] } },
    }),
  );
}
