import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadJmlConfigFile } from '../../functions/lib/config/load-jml-config.js';
import { getAction } from '../../functions/registry.js';
import { fromProjectRoot } from '../../infra/project-paths.js';
import { asList, logicalIdOf, policyStatements, removeOutdirs, resourcesOfType, synthStack } from './synth-helper.js';
import { stackFixture, type StackFixture } from './template-fixture.js';

/** The HR webhook ingress in the template: route, stage, logs, least privilege, alarms, outputs. */

let fx: StackFixture;
beforeAll(() => {
  fx = stackFixture();
});
afterAll(removeOutdirs);

const hr = () => fx.stack.hrWebhooks!;
const machineRef = (workflow: string) => ({ Ref: logicalIdOf(fx.stack.stateMachines.all.find((machine) => machine.workflow.name === workflow)!.stateMachine) });
const secretRef = (name: string) => ({ Ref: logicalIdOf(hr().secrets.secrets.get(name as never)!) });
/** Every statement of the policies attached to `role`, X-Ray and log writing left out. */
function grantsOf(roleConstruct: Parameters<typeof logicalIdOf>[0]) {
  const roleId = logicalIdOf(roleConstruct);
  return policyStatements(fx.template)
    .filter(({ policy }) => fx.rolesOf(policy).includes(roleId))
    .map(({ statement }) => statement)
    .filter((statement) => !asList<string>(statement.Action).some((action) => action.startsWith('xray:') || action.startsWith('logs:')))
    .map((statement) => ({ Action: statement.Action, Resource: sortedRefs(statement.Resource) }));
}
/** A statement's resources as a list sorted by logical id (CDK orders and collapses them its own way). */
function sortedRefs(resource: unknown): unknown[] {
  return asList(resource as object | object[]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('HR webhook ingress', () => {
  it('routes POST /webhooks/{source} of an HTTP API to the receiver (payload 2.0), on an auto-deployed, throttled $default stage', () => {
    // Act
    const routes = Object.values(resourcesOfType(fx.template, 'AWS::ApiGatewayV2::Route')).map((route) => route.Properties!);
    const integrations = Object.values(resourcesOfType(fx.template, 'AWS::ApiGatewayV2::Integration')).map((integration) => integration.Properties!);
    const stages = Object.values(resourcesOfType(fx.template, 'AWS::ApiGatewayV2::Stage')).map((stage) => stage.Properties!);

    // Assess
    expect(routes.map((route) => route.RouteKey)).toEqual(['POST /webhooks/{source}']);
    expect(routes[0].AuthorizationType).toBe('NONE');
    expect(integrations).toEqual([expect.objectContaining({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0', IntegrationUri: { 'Fn::GetAtt': [logicalIdOf(hr().receiver.function), 'Arn'] } })]);
    expect(stages).toEqual([expect.objectContaining({ StageName: '$default', AutoDeploy: true, DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 50 } })]);
  });

  it('writes JSON access logs (no headers, no bodies) to a log group encrypted with its own rotating key', () => {
    // Prepare
    const { logGroup, key } = hr().ingress.accessLogs;

    // Act
    const stage = Object.values(resourcesOfType(fx.template, 'AWS::ApiGatewayV2::Stage'))[0].Properties!;
    const group = fx.resources[logicalIdOf(logGroup)].Properties;
    const keyProps = fx.resources[logicalIdOf(key)].Properties;

    // Assess
    expect(stage.AccessLogSettings.DestinationArn).toEqual({ 'Fn::GetAtt': [logicalIdOf(logGroup), 'Arn'] });
    const format = JSON.parse(stage.AccessLogSettings.Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status' });
    expect(JSON.stringify(format)).not.toMatch(/header|body/i);
    expect(group.KmsKeyId).toEqual({ 'Fn::GetAtt': [logicalIdOf(key), 'Arn'] });
    expect(group.RetentionInDays).toBe(365);
    expect(keyProps.EnableKeyRotation).toBe(true);
    expect(JSON.stringify(keyProps.KeyPolicy)).toContain('kms:EncryptionContext:aws:logs:arn');
  });

  it('outputs the base URL, the URL to register per source, and the secrets to fill', () => {
    // Act
    const outputs = fx.template.toJSON().Outputs;

    // Assess
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining([
        'HrWebhookBaseUrl', 'HrWebhookUrlBamboohr', 'HrWebhookUrlHibob', 'HrWebhookUrlStandard',
        'HrSecretBamboohrWebhook', 'HrSecretBamboohrApi', 'HrSecretHibobWebhook', 'HrSecretHibobApi', 'HrSecretStandardWebhook',
      ]),
    );
    expect(JSON.stringify(outputs.HrWebhookUrlHibob.Value)).toContain('/webhooks/hibob');
  });
});

describe('HR webhook least privilege', () => {
  it('lets the receiver start only the hr-event state machine and read only the webhook signing secrets', () => {
    // Act
    const grants = grantsOf(hr().receiver.role);

    // Assess
    expect(grants).toEqual([
      { Action: 'states:StartExecution', Resource: [machineRef('hr-event')] },
      { Action: 'secretsmanager:GetSecretValue', Resource: sortedRefs([secretRef('bamboohr-webhook'), secretRef('hibob-webhook'), secretRef('standard-webhook')]) },
    ]);
  });

  it('lets startWorkflowExecution start only the joiner, mover and leaver, and resolveHrEvent read only the HR API credentials', () => {
    // Act
    const starter = grantsOf(fx.functionResource('startWorkflowExecution').construct.role);
    const resolver = grantsOf(fx.functionResource('resolveHrEvent').construct.role);

    // Assess
    expect(starter).toEqual([{ Action: 'states:StartExecution', Resource: sortedRefs([machineRef('joiner'), machineRef('mover'), machineRef('leaver')]) }]);
    expect(resolver).toEqual([{ Action: 'secretsmanager:GetSecretValue', Resource: sortedRefs([secretRef('bamboohr-api'), secretRef('hibob-api')]) }]);
  });

  it('gives no other role states:StartExecution or an HR secret', () => {
    // Prepare
    const allowed = new Set([hr().receiver.role, fx.functionResource('startWorkflowExecution').construct.role, fx.functionResource('resolveHrEvent').construct.role].map(logicalIdOf));

    // Act
    const others = policyStatements(fx.template).filter(
      ({ policy, statement }) =>
        (asList<string>(statement.Action).includes('states:StartExecution') || JSON.stringify(statement.Resource).includes('HrWebhooksSecrets')) &&
        // The sweep's schedule starts the sweep, and nothing else (test/infra/sweep-infra.test.ts).
        !/sweep/i.test(JSON.stringify(statement.Resource)) &&
        !fx.rolesOf(policy).every((role) => allowed.has(role)),
    );

    // Assess
    expect(others).toEqual([]);
  });

  it('tells each function where its state machines and secrets are, and the receiver the HR config', () => {
    // Act
    const receiverEnv = fx.resources[logicalIdOf(hr().receiver.function)].Properties.Environment.Variables;
    const starterEnv = fx.functionResource('startWorkflowExecution').props.Environment.Variables;
    const resolverEnv = fx.functionResource('resolveHrEvent').props.Environment.Variables;

    // Assess
    expect(receiverEnv).toMatchObject({
      JML_HR_EVENT_STATE_MACHINE_ARN: machineRef('hr-event'),
      JML_HR_BAMBOOHR_WEBHOOK_SECRET_ID: secretRef('bamboohr-webhook'),
      JML_HR_HIBOB_WEBHOOK_SECRET_ID: secretRef('hibob-webhook'),
      JML_HR_STANDARD_WEBHOOK_SECRET_ID: secretRef('standard-webhook'),
      POWERTOOLS_SERVICE_NAME: 'atlassian-jml',
    });
    expect(JSON.parse(receiverEnv.JML_CONFIG).hr).toEqual(loadJmlConfigFile(fromProjectRoot('config/jml.example.yaml')).hr);
    expect(receiverEnv.ATLASSIAN_API_KEY_SECRET_ID).toBeUndefined();
    expect(starterEnv).toMatchObject({ JML_JOINER_STATE_MACHINE_ARN: machineRef('joiner'), JML_MOVER_STATE_MACHINE_ARN: machineRef('mover'), JML_LEAVER_STATE_MACHINE_ARN: machineRef('leaver') });
    expect(resolverEnv).toMatchObject({ JML_HR_BAMBOOHR_API_SECRET_ID: secretRef('bamboohr-api'), JML_HR_HIBOB_API_SECRET_ID: secretRef('hibob-api') });
    expect(getAction('resolveHrEvent').usesAtlassianApi).toBe(false);
  });

  it('runs the receiver on the actions’ runtime, arm64, traced, 512 MB, 10 s', () => {
    const props = fx.resources[logicalIdOf(hr().receiver.function)].Properties;
    expect(props).toMatchObject({ Architectures: ['arm64'], MemorySize: 512, Timeout: 10, TracingConfig: { Mode: 'Active' }, Handler: 'index.handler' });
  });
});

describe('HR webhook alarms', () => {
  it('alarms on refused signatures (the metric the receiver emits), on 5xx answers and on receiver errors', () => {
    // Act
    const alarms = hr().alarms.map((alarm) => fx.resources[logicalIdOf(alarm)].Properties);

    // Assess
    expect(alarms).toEqual([
      expect.objectContaining({ Namespace: 'AtlassianJml', MetricName: 'WebhookSignatureFailures', Dimensions: [{ Name: 'service', Value: 'atlassian-jml' }], Threshold: 5, Statistic: 'Sum' }),
      expect.objectContaining({ Namespace: 'AWS/ApiGateway', MetricName: '5xx', Threshold: 1 }),
      expect.objectContaining({ Namespace: 'AWS/Lambda', MetricName: 'Errors', Threshold: 1 }),
    ]);
    const topicRef = { Ref: logicalIdOf(fx.stack.alarmTopic.topic) };
    for (const alarm of alarms) expect(alarm).toMatchObject({ AlarmActions: [topicRef], TreatMissingData: 'notBreaching' });
  });
});

describe('HR webhook config variants', () => {
  const writeConfig = (config: object) => {
    const file = join(mkdtempSync(join(tmpdir(), 'jml-hr-config-')), 'jml.json');
    const { hr: _hr, ...rest } = loadJmlConfigFile(fromProjectRoot('config/jml.example.yaml'));
    writeFileSync(file, JSON.stringify({ ...rest, ...config }));
    return file;
  };

  it('without an hr: section there is no ingress, no receiver and no HR secret', () => {
    // Act
    const { stack, template } = synthStack({ configFile: writeConfig({}) });

    // Assess
    expect(stack.hrWebhooks).toBeUndefined();
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 0);
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
  });

  it('with BambooHR only: its two secrets, and the receiver reads only its signing key', () => {
    // Act
    const { stack, template } = synthStack({ configFile: writeConfig({ hr: { sources: { bamboohr: { companyDomain: 'acme' } } } }) });

    // Assess
    expect([...stack.hrWebhooks!.secrets.secrets.keys()]).toEqual(['bamboohr-webhook', 'bamboohr-api']);
    const receiverId = logicalIdOf(stack.hrWebhooks!.receiver.role);
    const reads = policyStatements(template)
      .filter(({ statement }) => asList<string>(statement.Action).includes('secretsmanager:GetSecretValue'))
      .filter(({ policy }) => (template.toJSON().Resources[policy].Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === receiverId));
    expect(reads.map(({ statement }) => sortedRefs(statement.Resource))).toEqual([[{ Ref: logicalIdOf(stack.hrWebhooks!.secrets.secrets.get('bamboohr-webhook')!) }]]);
  });
});
