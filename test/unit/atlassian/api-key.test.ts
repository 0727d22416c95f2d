import 'aws-sdk-client-mock-vitest/extend';
import { GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearApiKeyCache, createApiKeyProvider, createApiKeyProviderFromEnv } from '../../../functions/lib/atlassian/api-key.js';

const SECRET_ID = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:atlassian-org-key';
const secrets = mockClient(SecretsManagerClient);

describe('API key from Secrets Manager', () => {
  beforeEach(() => {
    secrets.reset();
    clearApiKeyCache();
  });

  it('calls GetSecretValue once per TTL across invocations (providers), then refreshes', async () => {
    // Prepare
    secrets.on(GetSecretValueCommand).resolvesOnce({ SecretString: 'key-one' }).resolves({ SecretString: 'key-two' });
    let now = 1_000;
    const options = { secretId: SECRET_ID, ttlMs: 60_000, client: new SecretsManagerClient({}), now: () => now };
    // Act: three "invocations", each building its provider like a handler would
    const first = await createApiKeyProvider(options)();
    now += 30_000;
    const second = await createApiKeyProvider(options)();
    const third = await createApiKeyProvider(options)();
    // Assess
    expect([first, second, third]).toEqual(['key-one', 'key-one', 'key-one']);
    expect(secrets).toHaveReceivedCommandTimes(GetSecretValueCommand, 1);
    expect(secrets).toHaveReceivedCommandWith(GetSecretValueCommand, { SecretId: SECRET_ID });

    // Act: after the TTL, a rotated key is picked up with one more call
    now += 31_000;
    const rotated = await createApiKeyProvider(options)();
    expect(rotated).toBe('key-two');
    expect(secrets).toHaveReceivedCommandTimes(GetSecretValueCommand, 2);
  });

  it('shares one in-flight read between concurrent callers', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'key' });
    const provider = createApiKeyProvider({ secretId: SECRET_ID, client: new SecretsManagerClient({}) });
    await Promise.all([provider(), provider(), provider()]);
    expect(secrets).toHaveReceivedCommandTimes(GetSecretValueCommand, 1);
  });

  it('reads a JSON secret { "apiKey": "..." }', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: '{"apiKey":"json-key","note":"org admin key"}' });
    await expect(createApiKeyProvider({ secretId: SECRET_ID, client: new SecretsManagerClient({}) })()).resolves.toBe('json-key');
  });

  it.each([
    ['an empty string', { SecretString: '' }],
    ['whitespace', { SecretString: '   ' }],
    ['no value at all', {}],
    ['JSON without a key field', { SecretString: '{"other":"x"}' }],
  ])('reports %s as a clear Jml.Configuration error', async (_label, output) => {
    secrets.on(GetSecretValueCommand).resolves(output);
    const read = createApiKeyProvider({ secretId: SECRET_ID, client: new SecretsManagerClient({}) })();
    await expect(read).rejects.toMatchObject({ name: 'Jml.Configuration', message: expect.stringContaining(`Secret ${SECRET_ID} is empty`) });
  });

  it('reports a missing secret clearly and does not cache the failure', async () => {
    secrets
      .on(GetSecretValueCommand)
      .rejectsOnce(new ResourceNotFoundException({ message: "Secrets Manager can't find the specified secret.", $metadata: {} }))
      .resolves({ SecretString: 'created-later' });
    const provider = createApiKeyProvider({ secretId: SECRET_ID, client: new SecretsManagerClient({}) });
    await expect(provider()).rejects.toMatchObject({
      name: 'Jml.Configuration',
      message: expect.stringContaining('does not exist. Check ATLASSIAN_API_KEY_SECRET_ID'),
    });
    await expect(provider()).resolves.toBe('created-later');
  });

  it('reports a throttled read as retryable Atlassian.Transient', async () => {
    secrets.on(GetSecretValueCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    const read = createApiKeyProvider({ secretId: SECRET_ID, client: new SecretsManagerClient({}) })();
    await expect(read).rejects.toMatchObject({ name: 'Atlassian.Transient' });
  });
});

describe('API key from the environment (local)', () => {
  beforeEach(() => clearApiKeyCache());

  it('uses ATLASSIAN_API_KEY when no secret id is set, without calling AWS', async () => {
    secrets.reset();
    const provider = createApiKeyProviderFromEnv({ ATLASSIAN_API_KEY: 'local-key' });
    await expect(provider()).resolves.toBe('local-key');
    expect(secrets).not.toHaveReceivedCommand(GetSecretValueCommand);
  });

  it('prefers the secret id when both are set', async () => {
    secrets.reset();
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'from-secret' });
    const provider = createApiKeyProviderFromEnv(
      { ATLASSIAN_API_KEY_SECRET_ID: SECRET_ID, ATLASSIAN_API_KEY: 'local-key' },
      { client: new SecretsManagerClient({}) },
    );
    await expect(provider()).resolves.toBe('from-secret');
  });

  it('fails at configuration time when neither is set, saying which variables to set', () => {
    expect(() => createApiKeyProviderFromEnv({})).toThrow(/ATLASSIAN_API_KEY_SECRET_ID.*ATLASSIAN_API_KEY/);
  });
});
