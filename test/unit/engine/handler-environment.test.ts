import { describe, expect, it } from 'vitest';
import { configureHandlerEnvironment, DEFAULT_CONFIG_FILE } from '../../../local/engine/handler-environment.js';

const api = { baseUrl: 'http://127.0.0.1:4010/admin', apiKey: 'key-123', orgId: 'org-1' };

describe('configureHandlerEnvironment', () => {
  it('points the handlers at the given API and drops a secret id that would win over the key', () => {
    // Prepare
    const env: NodeJS.ProcessEnv = { ATLASSIAN_API_KEY_SECRET_ID: 'arn:secret', ATLASSIAN_DIRECTORY_ID: 'old-dir' };

    // Act
    configureHandlerEnvironment({ api }, env);

    // Assess
    expect(env).toMatchObject({
      ATLASSIAN_API_BASE_URL: 'http://127.0.0.1:4010/admin',
      ATLASSIAN_ORG_ID: 'org-1',
      ATLASSIAN_API_KEY: 'key-123',
      ATLASSIAN_DIRECTORY_API: 'v2',
    });
    expect(env.ATLASSIAN_API_KEY_SECRET_ID).toBeUndefined();
    expect(env.ATLASSIAN_DIRECTORY_ID).toBeUndefined();
  });

  it('keeps quiet Powertools defaults unless the caller chose otherwise', () => {
    // Prepare
    const env: NodeJS.ProcessEnv = { POWERTOOLS_LOG_LEVEL: 'DEBUG' };

    // Act
    configureHandlerEnvironment({}, env);

    // Assess
    expect(env.POWERTOOLS_LOG_LEVEL).toBe('DEBUG');
    expect(env.POWERTOOLS_METRICS_DISABLED).toBe('true');
  });

  it('uses the example config only when no config is set, and a given one replaces the other kind', () => {
    // Prepare
    const empty: NodeJS.ProcessEnv = {};
    const withFile: NodeJS.ProcessEnv = { JML_CONFIG_FILE: '/tmp/rules.yaml' };

    // Act
    configureHandlerEnvironment({}, empty);
    configureHandlerEnvironment({ config: { json: { accessRules: [] } } }, withFile);

    // Assess
    expect(empty.JML_CONFIG_FILE).toBe(DEFAULT_CONFIG_FILE);
    expect(withFile.JML_CONFIG).toBe('{"accessRules":[]}');
    expect(withFile.JML_CONFIG_FILE).toBeUndefined();
  });
});
