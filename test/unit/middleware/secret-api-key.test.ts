import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { allCustomMatcher } from 'aws-sdk-client-mock-vitest';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearApiKeyCache } from '../../../functions/lib/atlassian/api-key.js';
import { resetDirectoryCache } from '../../../functions/lib/middleware/directory-deps.js';
import { CANARY_API_KEY, EMAIL, invoke, useSimulator } from '../actions/simulator-harness.js';

expect.extend(allCustomMatcher);

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:jml/atlassian-api-key-AbCdEf';

useSimulator();
const secrets = mockClient(SecretsManagerClient);

describe('the API key from Secrets Manager', () => {
  beforeAll(() => {
    // The harness configured a literal key; a deployed function has only the secret id.
    delete process.env.ATLASSIAN_API_KEY;
    process.env.ATLASSIAN_API_KEY_SECRET_ID = SECRET_ARN;
  });
  afterAll(() => {
    delete process.env.ATLASSIAN_API_KEY_SECRET_ID;
    secrets.restore();
  });
  beforeEach(() => {
    // A fresh execution environment: no Directory, no cached secret.
    secrets.reset();
    resetDirectoryCache();
    clearApiKeyCache();
  });

  it('is read once and reused across warm invocations of different handlers', async () => {
    // Prepare
    secrets.on(GetSecretValueCommand).resolves({ SecretString: CANARY_API_KEY });

    // Act
    await invoke('findUser', { email: EMAIL.active });
    await invoke('findUser', { email: EMAIL.suspended });
    await invoke('listUsers', { limit: 2 });

    // Assess
    expect(secrets).toHaveReceivedCommandTimes(GetSecretValueCommand, 1);
    expect(secrets).toHaveReceivedCommandWith(GetSecretValueCommand, { SecretId: SECRET_ARN });
  });

  it('reads a JSON secret {"apiKey": ...}', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ apiKey: CANARY_API_KEY }) });
    await expect(invoke('findUser', { email: EMAIL.active })).resolves.toMatchObject({ found: true });
  });

  it('is read again once its cache TTL has passed (a rotated key is picked up)', async () => {
    // Prepare
    secrets.on(GetSecretValueCommand).resolves({ SecretString: CANARY_API_KEY });
    const start = Date.now();
    const clock = vi.spyOn(Date, 'now');
    clock.mockReturnValue(start);
    await invoke('findUser', { email: EMAIL.active });

    // Act
    clock.mockReturnValue(start + 6 * 60_000);
    await invoke('findUser', { email: EMAIL.active });
    clock.mockRestore();

    // Assess
    expect(secrets).toHaveReceivedCommandTimes(GetSecretValueCommand, 2);
  });

  it('a missing secret is Jml.Configuration, and is not cached: the next invocation tries again', async () => {
    // Prepare
    const missing = Object.assign(new Error("Secrets Manager can't find the specified secret."), {
      name: 'ResourceNotFoundException',
      $metadata: {},
    });
    secrets.on(GetSecretValueCommand).rejectsOnce(missing).resolves({ SecretString: CANARY_API_KEY });

    // Act
    const first = invoke('findUser', { email: EMAIL.active });

    // Assess
    await expect(first).rejects.toMatchObject({ name: 'Jml.Configuration' });
    await expect(invoke('findUser', { email: EMAIL.active })).resolves.toMatchObject({ found: true });
    expect(secrets).toHaveReceivedCommandTimes(GetSecretValueCommand, 2);
  });

  it('an empty secret is Jml.Configuration saying what to store', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: '  ' });
    await expect(invoke('findUser', { email: EMAIL.active })).rejects.toMatchObject({
      name: 'Jml.Configuration',
      message: expect.stringMatching(/is empty/),
    });
  });

  it('a key Atlassian rejects is reported as coming from the secret, which is where to fix it', async () => {
    // Prepare
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'an-expired-org-key-0000' });

    // Act
    const failure = invoke('findUser', { email: EMAIL.active });

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'Atlassian.Unauthorized' });
    await expect(failure).rejects.toThrow(`Atlassian rejected the API key from the Secrets Manager secret ${SECRET_ARN} (ATLASSIAN_API_KEY_SECRET_ID)`);
    await expect(failure).rejects.not.toThrow(/ATLASSIAN_API_KEY environment variable/);
  });

  it('no AWS call happens when the handler modules are imported', async () => {
    // Prepare
    vi.resetModules();

    // Act
    await import('../../../functions/registry.js');

    // Assess
    expect(secrets).toHaveReceivedCommandTimes(GetSecretValueCommand, 0);
  });

  it('a wrong environment fails the invocation with Jml.Configuration naming the variable, and recovers once fixed', async () => {
    // Prepare
    const orgId = process.env.ATLASSIAN_ORG_ID;
    delete process.env.ATLASSIAN_ORG_ID;

    // Act
    const failure = invoke('findUser', { email: EMAIL.active });

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'Jml.Configuration' });
    await expect(failure).rejects.toThrow(/ATLASSIAN_ORG_ID: is required/);
    expect(secrets).toHaveReceivedCommandTimes(GetSecretValueCommand, 0);
    process.env.ATLASSIAN_ORG_ID = orgId;
    secrets.on(GetSecretValueCommand).resolves({ SecretString: CANARY_API_KEY });
    await expect(invoke('findUser', { email: EMAIL.active })).resolves.toMatchObject({ found: true });
  });
});
