import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createHrSecretReader } from '../../../functions/lib/hr/hr-secrets.js';
import { bambooHrApiKey, hiBobServiceUser, signingKeys } from '../../../functions/lib/hr/secret-values.js';
import { clearRegisteredSecrets, redactText } from '../../../functions/lib/redaction.js';

const sm = mockClient(SecretsManagerClient);
afterAll(() => sm.restore());
beforeEach(() => {
  sm.reset();
  clearRegisteredSecrets();
});

describe('HR secrets', () => {
  it('on AWS: reads the secret its *_SECRET_ID names once per 5 minutes (Powertools cache) and masks it in logs', async () => {
    // Prepare
    sm.on(GetSecretValueCommand, { SecretId: 'jml/hr/hibob-webhook' }).resolves({ SecretString: 'bob-signing-secret-1' });
    const read = createHrSecretReader({ env: { JML_HR_HIBOB_WEBHOOK_SECRET_ID: 'jml/hr/hibob-webhook', JML_HR_HIBOB_WEBHOOK_SECRET: 'ignored-local' }, client: new SecretsManagerClient({ region: 'eu-west-1' }) });

    // Act
    const first = await read('hibob-webhook');
    const second = await read('hibob-webhook');

    // Assess
    expect([first, second]).toEqual(['bob-signing-secret-1', 'bob-signing-secret-1']);
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    expect(redactText('signature computed with bob-signing-secret-1')).toBe('signature computed with [REDACTED]');
  });

  it('names the variable and the fix when a secret is missing, unreadable or temporarily unavailable', async () => {
    // Prepare
    sm.on(GetSecretValueCommand, { SecretId: 'missing' }).rejects(Object.assign(new Error('not found'), { name: 'ResourceNotFoundException' }));
    sm.on(GetSecretValueCommand, { SecretId: 'throttled' }).rejects(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));
    const client = new SecretsManagerClient({ region: 'eu-west-1' });

    // Act / Assess
    await expect(createHrSecretReader({ env: {} })('bamboohr-webhook')).rejects.toMatchObject({
      name: 'Jml.Configuration',
      message: expect.stringMatching(/JML_HR_BAMBOOHR_WEBHOOK_SECRET_ID.*JML_HR_BAMBOOHR_WEBHOOK_KEY/),
    });
    await expect(createHrSecretReader({ env: { JML_HR_BAMBOOHR_API_SECRET_ID: 'missing' }, client })('bamboohr-api')).rejects.toMatchObject({ name: 'Jml.Configuration' });
    await expect(createHrSecretReader({ env: { JML_HR_BAMBOOHR_API_SECRET_ID: 'throttled' }, client })('bamboohr-api')).rejects.toMatchObject({ name: 'Jml.AwsTransient' });
  });

  it('locally: from the environment, or from the git-ignored file JML_HR_SECRETS_FILE names', async () => {
    // Prepare
    const file = join(mkdtempSync(join(tmpdir(), 'jml-hr-')), 'hr-secrets.json');
    writeFileSync(file, JSON.stringify({ JML_HR_HIBOB_API_CREDENTIALS: { serviceUserId: 'svc', token: 'tok-123456' }, JML_HR_BAMBOOHR_API_KEY: 'from-file' }));
    const read = createHrSecretReader({ env: { JML_HR_SECRETS_FILE: file, JML_HR_BAMBOOHR_API_KEY: 'from-env' } });

    // Act / Assess
    expect(await read('bamboohr-api')).toBe('from-env');
    expect(hiBobServiceUser(await read('hibob-api'))).toEqual({ serviceUserId: 'svc', token: 'tok-123456' });
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });
});

describe('secret values', () => {
  it('reads signing keys as text, several for a rotation, or JSON', () => {
    expect(signingKeys('only-one', 'x')).toEqual(['only-one']);
    expect(signingKeys('new-key old-key', 'x')).toEqual(['new-key', 'old-key']);
    expect(signingKeys('{"keys":["a","b"]}', 'x')).toEqual(['a', 'b']);
    expect(signingKeys('{"key":"a"}', 'x')).toEqual(['a']);
    expect(() => signingKeys('{"keys":[]}', 'the bamboohr webhook')).toThrow(/the bamboohr webhook holds no key/);
  });

  it('reads API credentials in their documented shapes', () => {
    expect(bambooHrApiKey('{"apiKey":"k1"}')).toBe('k1');
    expect(bambooHrApiKey('k2')).toBe('k2');
    expect(hiBobServiceUser('svc:tok:with:colons')).toEqual({ serviceUserId: 'svc', token: 'tok:with:colons' });
    expect(() => hiBobServiceUser('{"serviceUserId":"svc"}')).toThrow(/serviceUserId.*token/);
  });
});
