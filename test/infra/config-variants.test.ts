import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_ORG_ID } from '../../infra/deploy-config.js';
import { loadWorkflowDefinitions } from '../../infra/workflow-definitions.js';
import { ACTIONS } from '../../functions/registry.js';
import { asList, buildApp, logicalIdOf, policyStatements, synthStack, removeOutdirs } from './synth-helper.js';

/** Deploy-time options change the template as documented (each case one synth, without esbuild). */

/** Reads of the Atlassian API key (the HR webhook secrets have their own test: hr-webhooks.test.ts). */
function secretReads(template: ReturnType<typeof synthStack>['template']) {
  return policyStatements(template)
    .map(({ statement }) => statement)
    .filter((statement) => asList<string>(statement.Action).some((action) => action.startsWith('secretsmanager:') || action.startsWith('kms:')))
    .filter((statement) => !JSON.stringify(statement.Resource).includes('HrWebhooksSecrets'));
}

afterAll(removeOutdirs);

describe('deploy configuration variants', () => {
  it('references an existing secret by name: no secret created, read access on that name only', () => {
    // Act
    const { stack, template } = synthStack({ apiKeySecret: 'atlassian/org-api-key' });

    // Assess
    expect(stack.apiKey.created).toBe(false);
    template.resourceCountIs('AWS::SecretsManager::Secret', stack.hrWebhooks?.secrets.secrets.size ?? 0);
    const reads = secretReads(template);
    expect(reads.length).toBe(ACTIONS.filter((action) => action.usesAtlassianApi).length);
    for (const statement of reads) {
      expect(statement.Action).toBe('secretsmanager:GetSecretValue');
      expect(JSON.stringify(statement.Resource)).toContain(':secret:atlassian/org-api-key-??????');
    }
    const env = template.toJSON().Resources[logicalIdOf(stack.functions.all[0].function)].Properties.Environment.Variables;
    expect(env.ATLASSIAN_API_KEY_SECRET_ID).toBe('atlassian/org-api-key');
  });

  it('references an existing secret by ARN with its customer managed key: exact ARN, kms:Decrypt via Secrets Manager only', () => {
    // Prepare
    const secretArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:atlassian/org-api-key-AbC123';
    const keyArn = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

    // Act
    const { template } = synthStack({ apiKeySecret: secretArn, apiKeySecretKmsKeyArn: keyArn });

    // Assess
    const reads = secretReads(template);
    expect(reads.filter((s) => s.Action === 'secretsmanager:GetSecretValue').every((s) => s.Resource === secretArn)).toBe(true);
    const decrypts = reads.filter((s) => s.Action === 'kms:Decrypt');
    expect(decrypts.length).toBe(ACTIONS.filter((action) => action.usesAtlassianApi).length);
    for (const statement of decrypts) {
      expect(statement.Resource).toBe(keyArn);
      expect(JSON.stringify(statement.Condition)).toContain('kms:ViaService');
    }
  });

  it('subscribes the alarm email and passes log level, directory API and directory id to the functions', () => {
    // Act
    const { stack, template } = synthStack({ alarmEmail: 'ops@example.com', logLevel: 'DEBUG', directoryApi: 'v1', directoryId: 'dir-42', logRetentionDays: '90' });

    // Assess
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
    const resources = template.toJSON().Resources;
    const api = stack.functions.all.find((fn) => fn.action.usesAtlassianApi)!;
    expect(resources[logicalIdOf(api.function)].Properties.Environment.Variables).toMatchObject({
      POWERTOOLS_LOG_LEVEL: 'DEBUG',
      ATLASSIAN_DIRECTORY_API: 'v1',
      ATLASSIAN_DIRECTORY_ID: 'dir-42',
    });
    expect(resources[logicalIdOf(api.logGroup)].Properties.RetentionInDays).toBe(90);
  });

  it('makes a stack built with the example org id undeployable, with the fix in the message', () => {
    // Act
    const { template } = synthStack({ orgId: EXAMPLE_ORG_ID });

    // Assess
    const rule = template.toJSON().Rules.OrgIdMustNotBeTheExample;
    expect(rule.Assertions[0].Assert).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [EXAMPLE_ORG_ID, EXAMPLE_ORG_ID] }] });
    expect(rule.Assertions[0].AssertDescription).toContain('-c orgId=<your Atlassian organization id>');
  });

  it('fails synth on an invalid value before building anything', () => {
    expect(() => buildApp({ orgId: 'org-1', alarmEmail: 'not-an-email' })).toThrow(/alarmEmail: must be an email address/);
  });
});

describe('loadWorkflowDefinitions', () => {
  it('maps every placeholder of the real workflow files to a registry action', () => {
    // Act
    const workflows = loadWorkflowDefinitions();

    // Assess
    expect(workflows.map((w) => w.name)).toEqual(expect.arrayContaining(['joiner', 'leaver', 'mover']));
    for (const workflow of workflows) {
      const placeholders = new Set([...workflow.definition.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]));
      expect(workflow.actions.map((action) => action.placeholder).sort()).toEqual([...placeholders].sort());
    }
  });

  it('fails synth on a placeholder no action provides, naming it', () => {
    // Prepare
    const folder = mkdtempSync(join(tmpdir(), 'jml-workflows-'));
    const asl = { StartAt: 'A', States: { A: { Type: 'Task', Resource: '${SuspendUserFunctionArn}', Next: 'B' }, B: { Type: 'Task', Resource: '${FireEveryoneFunctionArn}', End: true } } };
    writeFileSync(join(folder, 'rogue.asl.json'), JSON.stringify(asl));

    // Act / Assess
    expect(() => loadWorkflowDefinitions(folder)).toThrow(/uses \$\{FireEveryoneFunctionArn\}, which no action in functions\/registry\.ts provides/);
  });
});
