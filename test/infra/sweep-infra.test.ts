import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../functions/registry.js';
import { asList, logicalIdOf, policyStatements, resourcesOfType, removeOutdirs } from './synth-helper.js';
import { stackFixture, type StackFixture } from './template-fixture.js';

/** Template assertions for the inactivity sweep: its report bucket, grants, schedule and alarms. */

let fx: StackFixture;

beforeAll(() => {
  fx = stackFixture({ sweepSchedule: '0 6 * * 1-5', sweepTimeZone: 'Europe/Amsterdam' });
});

afterAll(removeOutdirs);

describe('sweep report bucket', () => {
  it('is encrypted, versioned, private, logged and expires old reports', () => {
    // Act
    const bucket = fx.resources[logicalIdOf(fx.stack.reports.bucket)].Properties;

    // Assess
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(bucket.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: logicalIdOf(fx.stack.reports.accessLogs) });
    const expiry = bucket.LifecycleConfiguration.Rules.find((rule: { Id: string }) => rule.Id === 'expire-old-reports');
    expect(expiry).toMatchObject({ Prefix: 'reports/', ExpirationInDays: 400, NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' });
  });

  it('refuses requests without TLS', () => {
    // Act
    const policies = Object.values(resourcesOfType(fx.template, 'AWS::S3::BucketPolicy')).filter((policy) => policy.Properties?.Bucket.Ref === logicalIdOf(fx.stack.reports.bucket));

    // Assess
    const statements = policies.flatMap((policy) => policy.Properties?.PolicyDocument.Statement);
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  it('grants the sweep steps only GetObject / PutObject on the reports/ prefix, and nobody else anything', () => {
    // Prepare
    const bucketId = logicalIdOf(fx.stack.reports.bucket);
    const expected = new Map(ACTIONS.filter((a) => a.reportStore).map((a) => [logicalIdOf(fx.functionResource(a.name).construct.role), a.reportStore]));

    // Act
    const onBucket = policyStatements(fx.template).filter(({ statement }) => JSON.stringify(statement.Resource).includes(bucketId));

    // Assess
    const granted = new Map<string, string[]>();
    for (const { policy, statement } of onBucket) {
      expect(statement.Resource).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/reports/*']] });
      for (const role of fx.rolesOf(policy)) granted.set(role, [...(granted.get(role) ?? []), ...asList<string>(statement.Action)].sort());
    }
    const wanted = (access: string | undefined) => (access === 'read' ? ['s3:GetObject'] : access === 'write' ? ['s3:PutObject'] : ['s3:GetObject', 's3:PutObject']);
    expect(Object.fromEntries(granted)).toEqual(Object.fromEntries([...expected].map(([role, access]) => [role, wanted(access)])));
  });

  it('tells exactly the report-store steps where the bucket is, and gives the org-wide steps time and memory', () => {
    // Act
    const scan = fx.functionResource('scanDirectory').props;
    const suspend = fx.functionResource('suspendUser').props;
    const confirm = fx.functionResource('confirmInactivity').props;

    // Assess
    expect(scan.Environment.Variables).toMatchObject({ JML_REPORT_BUCKET: { Ref: logicalIdOf(fx.stack.reports.bucket) }, JML_REPORT_PREFIX: 'reports/' });
    expect(scan).toMatchObject({ Timeout: 900, MemorySize: 1024 });
    expect(suspend.Environment.Variables.JML_REPORT_BUCKET).toBeUndefined();
    expect(confirm.Environment.Variables.JML_CONFIG).toBeDefined();
    expect(scan.Environment.Variables.JML_CONFIG).toBeUndefined();
  });
});

describe('sweep schedule', () => {
  it('starts the sweep state machine from the deploy config, in its time zone, with retries and a dead-letter queue', () => {
    // Act
    const [schedule] = Object.values(resourcesOfType(fx.template, 'AWS::Scheduler::Schedule'));
    const sweep = fx.stack.stateMachines.all.find((m) => m.workflow.name === 'sweep');

    // Assess
    expect(schedule.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 6 ? * 2-6 *)',
      ScheduleExpressionTimezone: 'Europe/Amsterdam',
      State: 'ENABLED',
      Target: {
        Arn: { Ref: logicalIdOf(sweep!.stateMachine) },
        Input: '{"scheduledAt":"<aws.scheduler.scheduled-time>"}',
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalIdOf(fx.stack.sweepSchedule!.deadLetterQueue), 'Arn'] } },
      },
    });
  });

  it('alarms when a scheduled start lands in the dead-letter queue, and the sweep has the execution alarms of every workflow', () => {
    // Act
    const alarms = Object.values(resourcesOfType(fx.template, 'AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties as Record<string, any>);

    // Assess
    expect(alarms).toContainEqual(expect.objectContaining({ MetricName: 'ApproximateNumberOfMessagesVisible', Namespace: 'AWS/SQS' }));
    const sweepArn = logicalIdOf(fx.stack.stateMachines.all.find((m) => m.workflow.name === 'sweep')!.stateMachine);
    const sweepAlarms = alarms.filter((alarm) => JSON.stringify(alarm.Dimensions ?? []).includes(sweepArn)).map((alarm) => alarm.MetricName).sort();
    expect(sweepAlarms).toEqual(['ExecutionsAborted', 'ExecutionsFailed', 'ExecutionsTimedOut']);
  });
});
