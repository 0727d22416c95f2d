import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logicalIdOf, removeOutdirs } from './synth-helper.js';
import { stackFixture, workflowFiles, type StackFixture } from './template-fixture.js';

/**
 * The state machines log every event with its data (emails, names, HR reasons, group snapshots) for
 * the retention period: those log groups are encrypted with the stack's customer managed key, which
 * CloudWatch Logs may use for exactly those log groups and no other.
 */

let fx: StackFixture;

beforeAll(() => {
  fx = stackFixture();
});

afterAll(removeOutdirs);

/** `arn:${Partition}:logs:${Region}:${AccountId}:log-group:<name>`, as the template writes it. */
const logGroupArn = (name: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:log-group:${name}`]],
});

describe('encryption of the workflow execution logs', () => {
  it('uses a customer managed key with rotation on, kept when the stack is deleted (like the logs)', () => {
    // Act
    const key = fx.resources[logicalIdOf(fx.stack.stateMachines.logKey.key)];

    // Assess
    expect(key.Type).toBe('AWS::KMS::Key');
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.DeletionPolicy).toBe('Retain');
    expect(logicalIdOf(fx.stack.stateMachines.logKey.key)).not.toBe(logicalIdOf(fx.stack.alarmTopic.key));
  });

  it('encrypts every state machine log group with that key', () => {
    // Prepare
    const keyArn = { 'Fn::GetAtt': [logicalIdOf(fx.stack.stateMachines.logKey.key), 'Arn'] };

    // Act
    const logGroups = fx.stack.stateMachines.all.map((machine) => fx.resources[logicalIdOf(machine.logGroup)]);

    // Assess
    expect(logGroups).toHaveLength(workflowFiles.length);
    for (const [index, logGroup] of logGroups.entries()) {
      expect(logGroup.Properties).toEqual({
        KmsKeyId: keyArn,
        LogGroupName: `/aws/vendedlogs/states/AtlassianJml-${fx.stack.stateMachines.all[index].workflow.name}`,
        RetentionInDays: 365,
      });
      expect(logGroup.DeletionPolicy).toBe('Retain');
    }
  });

  it('lets the CloudWatch Logs service use the key only for exactly those log groups (encryption context)', () => {
    // Prepare
    const key = fx.resources[logicalIdOf(fx.stack.stateMachines.logKey.key)];
    const names = fx.stack.stateMachines.all.map((machine) => fx.resources[logicalIdOf(machine.logGroup)].Properties.LogGroupName as string);
    const statements: Array<Record<string, any>> = key.Properties.KeyPolicy.Statement;

    // Act
    const forLogs = statements.filter((statement) => JSON.stringify(statement.Principal).includes('logs.'));

    // Assess
    expect(forLogs).toEqual([
      {
        Sid: 'CloudWatchLogsEncryptsTheWorkflowLogGroups',
        Effect: 'Allow',
        Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
        Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'],
        Resource: '*',
        Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': names.map(logGroupArn) } },
      },
    ]);
    // The only other statement is the account's own administration of the key (CDK's default).
    expect(statements.filter((statement) => !forLogs.includes(statement)).map((statement) => statement.Principal)).toEqual([
      { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] } },
    ]);
  });

  it('names the log groups after the stack, so two stacks in one account never share one', () => {
    // Act
    const other = stackFixture({ stackName: 'JmlSecondOrg' });

    // Assess
    for (const machine of other.stack.stateMachines.all) {
      expect(other.resources[logicalIdOf(machine.logGroup)].Properties.LogGroupName).toBe(`/aws/vendedlogs/states/JmlSecondOrg-${machine.workflow.name}`);
    }
  });
});
