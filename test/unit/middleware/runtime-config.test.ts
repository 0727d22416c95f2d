import { describe, expect, it } from 'vitest';
import { loadRuntimeConfig } from '../../../functions/lib/runtime-config.js';

const BASE = { ATLASSIAN_ORG_ID: 'org-1', ATLASSIAN_API_KEY: 'local-key-123456' };

describe('loadRuntimeConfig', () => {
  it('applies the documented defaults', () => {
    // Act
    const config = loadRuntimeConfig({ ...BASE });

    // Assess
    expect(config).toEqual({
      orgId: 'org-1',
      generation: 'v2',
      directoryId: undefined,
      baseUrl: 'https://api.atlassian.com/admin',
      apiKeySource: { kind: 'literal', value: 'local-key-123456' },
      httpMaxAttempts: undefined,
    });
  });

  it('prefers the Secrets Manager secret over a literal key and trims a trailing slash off the URL', () => {
    // Act
    const config = loadRuntimeConfig({
      ...BASE,
      ATLASSIAN_API_KEY_SECRET_ID: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:jml-abc',
      ATLASSIAN_API_BASE_URL: 'http://127.0.0.1:4010/admin/',
      ATLASSIAN_DIRECTORY_API: 'v1',
      ATLASSIAN_DIRECTORY_ID: 'dir-1',
      ATLASSIAN_HTTP_MAX_ATTEMPTS: '2',
    });

    // Assess
    expect(config.apiKeySource).toEqual({ kind: 'secret', secretId: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:jml-abc' });
    expect(config.baseUrl).toBe('http://127.0.0.1:4010/admin');
    expect(config.generation).toBe('v1');
    expect(config.directoryId).toBe('dir-1');
    expect(config.httpMaxAttempts).toBe(2);
    expect(loadRuntimeConfig({ ...BASE, ATLASSIAN_REQUESTS_PER_MINUTE: '600' }).requestsPerMinute).toBe(600);
  });

  it('names a missing org id and a missing key source in one Jml.Configuration error', () => {
    // Act
    const act = () => loadRuntimeConfig({ ATLASSIAN_ORG_ID: '  ' });

    // Assess
    expect(act).toThrow(expect.objectContaining({ name: 'Jml.Configuration' }));
    expect(act).toThrow(/ATLASSIAN_ORG_ID/);
    expect(act).toThrow(/set ATLASSIAN_API_KEY_SECRET_ID .* or ATLASSIAN_API_KEY/);
  });

  it.each([
    ['ATLASSIAN_DIRECTORY_API', 'v3', /ATLASSIAN_DIRECTORY_API: must be 'v2'/],
    ['ATLASSIAN_API_BASE_URL', 'ftp://example.com', /ATLASSIAN_API_BASE_URL: must be an http\(s\) URL/],
    ['ATLASSIAN_API_BASE_URL', 'not a url', /ATLASSIAN_API_BASE_URL: must be an http\(s\) URL/],
    ['ATLASSIAN_HTTP_MAX_ATTEMPTS', '0', /ATLASSIAN_HTTP_MAX_ATTEMPTS: must be at least 1/],
    ['ATLASSIAN_HTTP_MAX_ATTEMPTS', 'three', /ATLASSIAN_HTTP_MAX_ATTEMPTS: must be a whole number/],
    ['ATLASSIAN_REQUESTS_PER_MINUTE', '0', /ATLASSIAN_REQUESTS_PER_MINUTE: must be at least 1/],
    ['ATLASSIAN_REQUESTS_PER_MINUTE', 'lots', /ATLASSIAN_REQUESTS_PER_MINUTE: must be the org's request limit per minute/],
  ])('rejects %s=%s with a message saying what is valid', (name, value, message) => {
    expect(() => loadRuntimeConfig({ ...BASE, [name]: value })).toThrow(message);
  });

  it('never echoes the API key in its error', () => {
    // Prepare
    const canary = 'CANARY-KEY-do-not-log-0123456789';

    // Act
    let message = '';
    try {
      loadRuntimeConfig({ ATLASSIAN_API_KEY: canary, ATLASSIAN_API_BASE_URL: 'nope' });
    } catch (error) {
      message = (error as Error).message;
    }

    // Assess
    expect(message).toMatch(/ATLASSIAN_ORG_ID/);
    expect(message).not.toContain(canary);
  });
});
