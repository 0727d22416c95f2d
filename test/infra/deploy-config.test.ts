import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAccessConfig, MAX_JML_CONFIG_BYTES } from '../../infra/access-config.js';
import { DeployConfigError, EXAMPLE_ORG_ID, parseDeployConfig } from '../../infra/deploy-config.js';

/** A context lookup over a plain object, like `app.node.tryGetContext`. */
const contextOf = (values: Record<string, unknown>) => (key: string) => values[key];

function errorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, got none');
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'jml-config-')), name);
  writeFileSync(path, text);
  return path;
}

describe('parseDeployConfig', () => {
  it('applies the documented defaults when only the org id is given', () => {
    // Act
    const config = parseDeployConfig(contextOf({ orgId: 'c0ffee00-1234-4abc-9def-000000000001' }));

    // Assess
    expect(config).toEqual({
      stackName: 'AtlassianJml',
      orgId: 'c0ffee00-1234-4abc-9def-000000000001',
      directoryApi: 'v2',
      configFile: 'config/jml.example.yaml',
      logLevel: 'INFO',
      logRetentionDays: 365,
      sweepSchedule: '0 6 * * *',
      sweepTimeZone: 'UTC',
      sweepScheduleEnabled: true,
      reportRetentionDays: 400,
    });
  });

  it('checks the sweep schedule, its time zone and the report retention', () => {
    // Act
    const good = parseDeployConfig(contextOf({ orgId: EXAMPLE_ORG_ID, sweepSchedule: '30 5 * * 1-5', sweepTimeZone: 'Europe/Amsterdam', sweepScheduleEnabled: 'false', reportRetentionDays: '90' }));
    const bad = errorOf(() => parseDeployConfig(contextOf({ orgId: EXAMPLE_ORG_ID, sweepSchedule: '0 25 * * *', sweepTimeZone: 'Mars/Base', reportRetentionDays: 3 })));

    // Assess
    expect(good).toMatchObject({ sweepSchedule: '30 5 * * 1-5', sweepTimeZone: 'Europe/Amsterdam', sweepScheduleEnabled: false, reportRetentionDays: 90 });
    expect(bad.message).toContain('sweepSchedule: the hour field has "25": expected 0-23');
    expect(bad.message).toContain('sweepTimeZone: must be an IANA time zone');
    expect(bad.message).toContain('reportRetentionDays: must be at least 7 days');
  });

  it('accepts -c strings: a numeric retention, a secret ARN, a KMS key and blank values as unset', () => {
    // Prepare
    const secretArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:atlassian/org-api-key-AbC123';
    const keyArn = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

    // Act
    const config = parseDeployConfig(
      contextOf({ orgId: 'org-1', logRetentionDays: '731', apiKeySecret: secretArn, apiKeySecretKmsKeyArn: keyArn, alarmEmail: ' ', directoryApi: 'v1' }),
    );

    // Assess
    expect(config).toMatchObject({ logRetentionDays: 731, apiKeySecret: secretArn, apiKeySecretKmsKeyArn: keyArn, directoryApi: 'v1' });
    expect(config.alarmEmail).toBeUndefined();
  });

  it('names every wrong key with how to fix it', () => {
    // Act
    const error = errorOf(() =>
      parseDeployConfig(
        contextOf({ orgId: 'not an id!', alarmEmail: 'ops-at-example', logRetentionDays: 42, directoryApi: 'v3', apiKeySecret: 'has spaces in it', logLevel: 'LOUD' }),
      ),
    );

    // Assess
    expect(error).toBeInstanceOf(DeployConfigError);
    expect(error.message).toContain('orgId: must be an Atlassian organization id');
    expect(error.message).toContain('alarmEmail: must be an email address');
    expect(error.message).toContain('logRetentionDays: must be a retention CloudWatch Logs accepts: 1, 3, 5');
    expect(error.message).toContain("directoryApi: must be 'v2' (default) or 'v1'");
    expect(error.message).toContain('apiKeySecret: must be the name or the full ARN of an existing Secrets Manager secret');
    expect(error.message).toContain('logLevel: must be DEBUG, INFO, WARN or ERROR');
  });

  it('requires an org id and says where to find it', () => {
    // Act
    const error = errorOf(() => parseDeployConfig(contextOf({})));

    // Assess
    expect(error.message).toContain('orgId: is required: pass -c orgId=<your Atlassian organization id>');
  });

  it('accepts the example org id (so CI can synth) but rejects a KMS key without a secret', () => {
    // Act
    const example = parseDeployConfig(contextOf({ orgId: EXAMPLE_ORG_ID }));
    const error = errorOf(() =>
      parseDeployConfig(contextOf({ orgId: 'org-1', apiKeySecretKmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/abc' })),
    );

    // Assess
    expect(example.orgId).toBe(EXAMPLE_ORG_ID);
    expect(error.message).toContain('apiKeySecretKmsKeyArn: only applies to an existing secret');
  });
});

describe('loadAccessConfig', () => {
  it('validates the example config with the handlers\' schema and hands out its JSON', () => {
    // Act
    const { config, json } = loadAccessConfig('config/jml.example.yaml');

    // Assess
    expect(config.accessRules.length).toBeGreaterThan(0);
    expect(JSON.parse(json)).toEqual(config);
  });

  it('fails synth with the path of the wrong entry', () => {
    // Prepare
    const path = tempFile('bad.yaml', 'accessRules:\n  - id: eng\n    grant:\n      groups: [""]\n');

    // Act
    const error = errorOf(() => loadAccessConfig(path));

    // Assess
    expect(error).toBeInstanceOf(DeployConfigError);
    expect(error.message).toContain(`configFile (${path})`);
    expect(error.message).toContain('accessRules[0].grant.groups[0]: expected a group name');
  });

  it('says so when the file does not exist', () => {
    // Act
    const error = errorOf(() => loadAccessConfig('config/does-not-exist.yaml'));

    // Assess
    expect(error.message).toContain('configFile (config/does-not-exist.yaml): Cannot read the JML config file');
  });

  it('rejects a config too large for the Lambda environment', () => {
    // Prepare
    const rules = Array.from({ length: 60 }, (_, i) => `  - id: rule-${i}\n    when: { department: Department-${i} }\n    grant: { groups: [group-number-${i}] }`);
    const path = tempFile('big.yaml', `accessRules:\n${rules.join('\n')}\n`);

    // Act
    const error = errorOf(() => loadAccessConfig(path));

    // Assess
    expect(error.message).toMatch(new RegExp(`is \\d+ bytes as JSON, more than the ${MAX_JML_CONFIG_BYTES} bytes`));
  });
});
