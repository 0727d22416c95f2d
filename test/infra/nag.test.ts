import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../functions/registry.js';
import type { JmlStack } from '../../infra/jml-stack.js';
import { buildApp, logicalIdOf, SKIP_BUNDLING, removeOutdirs } from './synth-helper.js';

/**
 * The app exactly as `cdk synth` builds it: real esbuild bundles and the cdk-nag AwsSolutions
 * plugin. Synthesized once for the file (bundling every action is the slow part).
 */

let app: App;
let stack: JmlStack;
let outdir: string;
let synthError: unknown;

beforeAll(() => {
  const built = buildApp({});
  ({ app, stack, outdir } = built);
  try {
    built.app.synth();
  } catch (error) {
    synthError = error;
  }
}, 180_000);

afterAll(removeOutdirs);

describe('cdk-nag AwsSolutions', () => {
  it('synthesizes with every finding acknowledged', () => {
    // Assess
    expect(synthError).toBeUndefined();
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
    const failures = report.pluginReports.filter((plugin: { conclusion: string }) => plugin.conclusion !== 'success');
    expect(failures).toEqual([]);
    // The same checks run directly on the tree: no violation left after the acknowledgements.
    expect(new AwsSolutionsChecks(app).validateScope(app).violations).toEqual([]);
  });

  it('fails synthesis on an unacknowledged finding', () => {
    // Prepare: the same app plus a role with a wildcard policy nobody acknowledged.
    const { app, stack: rogueStack } = buildApp(SKIP_BUNDLING);
    new iam.Role(rogueStack, 'Rogue', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }).addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }),
    );

    // Act / Assess
    expect(() => app.synth()).toThrow(/AwsSolutions-IAM5\[Action::s3:\*\]/);
  });
});

/** The synthesized properties of an action's function, read from the cloud assembly. */
function functionProps(actionName: string): Record<string, any> {
  const template = JSON.parse(readFileSync(join(outdir, `${stack.stackName}.template.json`), 'utf8'));
  const fn = stack.functions.all.find((candidate) => candidate.action.name === actionName)!;
  return template.Resources[logicalIdOf(fn.function)].Properties;
}

/** The asset folder of an action's bundle (or, for `hrWebhook`, the receiver's) in the cloud assembly. */
function assetDirOf(actionName: string): string {
  const s3Key: string = (actionName === 'hrWebhook' ? receiverProps() : functionProps(actionName)).Code.S3Key;
  return join(outdir, `asset.${s3Key.replace(/\.zip$/, '')}`);
}

/** The synthesized properties of the HR webhook receiver function. */
function receiverProps(): Record<string, any> {
  const template = JSON.parse(readFileSync(join(outdir, `${stack.stackName}.template.json`), 'utf8'));
  return template.Resources[logicalIdOf(stack.hrWebhooks!.receiver.function)].Properties;
}

/** Loads a bundle in a fresh Node process, as Lambda would, and calls its handler once. */
function invokeBundle(actionName: string, event: unknown, env: Record<string, string>): { ok: boolean; value: any } {
  const script = `
    const { handler } = await import(${JSON.stringify(join(assetDirOf(actionName), 'index.mjs'))});
    const context = { awsRequestId: 'test', functionName: '${actionName}', getRemainingTimeInMillis: () => 10000 };
    let result;
    try { result = { ok: true, value: await handler(${JSON.stringify(event)}, context) }; }
    catch (error) { result = { ok: false, value: { name: error.name, message: error.message } }; }
    process.stdout.write('RESULT' + JSON.stringify(result));`;
  const { PATH } = process.env;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH, POWERTOOLS_LOG_LEVEL: 'SILENT', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output.slice(output.lastIndexOf('RESULT') + 'RESULT'.length));
}

describe('bundles', () => {
  it('run on their own: a workflow-logic action answers from JML_CONFIG, an API action loads with the SDK inside', () => {
    // Prepare
    const jmlConfig: string = functionProps('checkProtected').Environment.Variables.JML_CONFIG;
    const admin = { accountId: 'a-1', email: 'olivia.admin@acme.example', status: 'active', platformRoles: [] };

    // Act
    const verdict = invokeBundle('checkProtected', { user: admin }, { JML_CONFIG: jmlConfig });
    const unconfigured = invokeBundle('suspendUser', { accountId: 'a-1' }, {});

    // Assess
    expect(verdict).toMatchObject({ ok: true, value: { protected: true } });
    expect(unconfigured).toMatchObject({ ok: false, value: { name: 'Jml.Configuration' } });
    expect(unconfigured.value.message).toContain('ATLASSIAN_ORG_ID');
  });

  it('bundles each action into a minified ESM file with a source map and the require shim', () => {
    for (const action of ACTIONS) {
      // Act
      const assetDir = assetDirOf(action.name);
      const code = readFileSync(join(assetDir, 'index.mjs'), 'utf8');

      // Assess
      expect(existsSync(join(assetDir, 'index.mjs.map')), action.name).toBe(true);
      expect(code.startsWith("import { createRequire as __jmlCreateRequire } from 'node:module';"), action.name).toBe(true);
      expect(code).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
      // Minified: long lines (a readable bundle averages well under 100 characters per line).
      expect(statSync(join(assetDir, 'index.mjs')).size / code.split('\n').length, action.name).toBeGreaterThan(1_000);
    }
  });
});

describe('the HR webhook receiver bundle', () => {
  it('runs on its own: answers an API Gateway v2 event with its JSON error policy (unknown source 404, unset secret 503 with Retry-After)', () => {
    // Prepare
    const jmlConfig: string = receiverProps().Environment.Variables.JML_CONFIG;
    const event = (source: string) => ({
      version: '2.0', routeKey: 'POST /webhooks/{source}', rawPath: `/webhooks/${source}`, headers: { 'content-type': 'application/json' },
      pathParameters: { source }, requestContext: { requestId: 'r-1', http: { method: 'POST', path: `/webhooks/${source}` } }, body: '{}', isBase64Encoded: false,
    });

    // Act
    const unknown = invokeBundle('hrWebhook', event('workday'), { JML_CONFIG: jmlConfig });
    const unconfigured = invokeBundle('hrWebhook', event('hibob'), { JML_CONFIG: jmlConfig });

    // Assess
    expect(unknown).toMatchObject({ ok: true, value: { statusCode: 404 } });
    expect(JSON.parse(unknown.value.body)).toMatchObject({ error: 'unknown_source' });
    expect(unconfigured).toMatchObject({ ok: true, value: { statusCode: 503, headers: { 'retry-after': '300' } } });
    expect(JSON.parse(unconfigured.value.body)).toMatchObject({ error: 'source_not_configured', set: expect.arrayContaining(['JML_HR_HIBOB_WEBHOOK_SECRET_ID']) });
  });
});
