import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../functions/registry.js';
import { asList, logicalIdOf, policyStatements, resourcesOfType } from './synth-helper.js';
import { apiActions, workflowFiles, useStackFixture } from './template-fixture.js';

/** Template assertions: least-privilege IAM, alarms and their topic, outputs and guards. */

const fx = useStackFixture();

describe('permissions', () => {
  it('has no wildcard action in any IAM policy and no managed policy on any role', () => {
    // Act
    const actions = policyStatements(fx.template).flatMap(({ statement }) => asList<string>(statement.Action));
    const roles = Object.values(resourcesOfType(fx.template, 'AWS::IAM::Role'));

    // Assess
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
    for (const role of roles) expect(role.Properties?.ManagedPolicyArns).toBeUndefined();
  });

  it('lets exactly the API action functions read exactly the one secret, with GetSecretValue only', () => {
    // Prepare
    const secretId = logicalIdOf(fx.stack.apiKey.secret);
    const apiRoles = apiActions.map((action) => logicalIdOf(fx.functionResource(action.name).construct.role)).sort();

    // Act
    const secretStatements = policyStatements(fx.template).filter(
      ({ statement }) =>
        asList<string>(statement.Action).some((action) => action.startsWith('secretsmanager:')) &&
        // The HR webhook secrets are granted to their own functions (hr-webhooks.test.ts).
        !JSON.stringify(statement.Resource).includes('HrWebhooksSecrets'),
    );

    // Assess
    expect(secretStatements.flatMap(({ policy }) => fx.rolesOf(policy)).sort()).toEqual(apiRoles);
    for (const { statement } of secretStatements) {
      expect(statement).toEqual({ Action: 'secretsmanager:GetSecretValue', Effect: 'Allow', Resource: { Ref: secretId } });
    }
  });

  it('uses Resource "*" only for X-Ray and CloudWatch Logs delivery, which have no resource-level permissions', () => {
    // Prepare
    const allowed = new Set([
      'xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets',
      'logs:CreateLogDelivery', 'logs:GetLogDelivery', 'logs:UpdateLogDelivery', 'logs:DeleteLogDelivery',
      'logs:ListLogDeliveries', 'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies', 'logs:DescribeLogGroups',
    ]);

    // Act
    const wildcard = policyStatements(fx.template).filter(({ statement }) => asList(statement.Resource).includes('*'));

    // Assess
    expect(wildcard.length).toBeGreaterThan(0);
    for (const { statement } of wildcard) {
      for (const action of asList<string>(statement.Action)) expect(allowed, action).toContain(action);
    }
  });
});

describe('alarms', () => {
  it('alarms on failed, timed-out and aborted executions and on function errors, all to the encrypted topic', () => {
    // Prepare
    const alarms = Object.values(resourcesOfType(fx.template, 'AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties!);
    const topicRef = { Ref: logicalIdOf(fx.stack.alarmTopic.topic) };

    // Act
    const executionAlarms = (machineId: string) =>
      alarms.filter((alarm) => alarm.Namespace === 'AWS/States' && JSON.stringify(alarm.Dimensions).includes(machineId)).map((alarm) => alarm.MetricName);
    const errorAlarms = (functionId: string) =>
      alarms.filter((alarm) => alarm.Namespace === 'AWS/Lambda' && alarm.MetricName === 'Errors' && alarm.Dimensions[0].Value.Ref === functionId);

    // Assess
    // + the mass-change brake (change-budget.test.ts) + the HR webhook alarms
    // + the sweep schedule's dead-letter alarm (test/infra/sweep-infra.test.ts).
    const hrAlarms = fx.stack.hrWebhooks?.alarms.length ?? 0;
    expect(alarms).toHaveLength(3 * workflowFiles.length + ACTIONS.length + 1 + hrAlarms + (fx.stack.sweepSchedule ? 1 : 0));
    for (const machine of fx.stack.stateMachines.all) {
      expect(executionAlarms(logicalIdOf(machine.stateMachine)).sort()).toEqual(['ExecutionsAborted', 'ExecutionsFailed', 'ExecutionsTimedOut']);
    }
    for (const action of ACTIONS) expect(errorAlarms(fx.functionResource(action.name).id)).toHaveLength(1);
    for (const alarm of alarms.filter((candidate) => !String(candidate.AlarmDescription).includes('HR webhook'))) {
      expect(alarm).toMatchObject({ AlarmActions: [topicRef], Threshold: 1, EvaluationPeriods: 1, TreatMissingData: 'notBreaching' });
      // Counts are summed; a queue's depth is a level (Maximum).
      expect(alarm.Statistic).toBe(alarm.Namespace === 'AWS/SQS' ? 'Maximum' : 'Sum');
    }
  });

  it('encrypts the topic with a rotating key CloudWatch may use, enforces TLS, and has no subscription by default', () => {
    // Prepare
    const keyId = logicalIdOf(fx.stack.alarmTopic.key);

    // Act
    const topic = fx.resources[logicalIdOf(fx.stack.alarmTopic.topic)].Properties;
    const topicPolicy = Object.values(resourcesOfType(fx.template, 'AWS::SNS::TopicPolicy'))[0].Properties!;
    const key = fx.resources[keyId].Properties;

    // Assess
    expect(topic.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    expect(key.EnableKeyRotation).toBe(true);
    expect(topicPolicy.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        expect.objectContaining({ Effect: 'Allow', Action: 'sns:Publish', Principal: { Service: 'cloudwatch.amazonaws.com' } }),
      ]),
    );
    expect(key.KeyPolicy.Statement).toEqual(
      expect.arrayContaining([expect.objectContaining({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey'] })]),
    );
    fx.template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});

describe('outputs and guards', () => {
  it('creates the API key secret empty and outputs it with every state machine ARN', () => {
    // Act
    const secret = fx.resources[logicalIdOf(fx.stack.apiKey.secret)].Properties;
    const outputs = Object.keys(fx.template.toJSON().Outputs);

    // Assess
    expect(secret.GenerateSecretString).toMatchObject({ SecretStringTemplate: '{"apiKey":""}' });
    expect(outputs).toEqual(expect.arrayContaining(['ApiKeySecretId', 'AlarmTopicArn', ...fx.stack.stateMachines.all.map((m) => `${m.node.id}StateMachineArn`)]));
  });

  it('adds no example-org guard rule when a real org id is configured', () => {
    expect(fx.template.toJSON().Rules?.OrgIdMustNotBeTheExample).toBeUndefined();
  });
});

