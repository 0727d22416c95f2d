import { describe, expect, it } from 'vitest';
import { applyLocalProcessDefaults, DEFAULT_CONFIG_FILE, handlerEnvironmentFor } from '../../../local/engine/handler-environment.js';

const api = { baseUrl: 'http://127.0.0.1:4010/admin', apiKey: 'key-123', orgId: 'org-1' };

describe('handlerEnvironmentFor', () => {
  it('points the handlers at the given API and drops a secret id that would win over the key', () => {
    // Prepare
    const base: NodeJS.ProcessEnv = { ATLASSIAN_API_KEY_SECRET_ID: 'arn:secret', ATLASSIAN_DIRECTORY_ID: 'old-dir' };

    // Act
    const env = handlerEnvironmentFor({ api: { ...api, requestsPerMinute: 600 } }, base);

    // Assess
    expect(env).toMatchObject({
      ATLASSIAN_API_BASE_URL: 'http://127.0.0.1:4010/admin',
      ATLASSIAN_ORG_ID: 'org-1',
      ATLASSIAN_API_KEY: 'key-123',
      ATLASSIAN_DIRECTORY_API: 'v2',
      ATLASSIAN_REQUESTS_PER_MINUTE: '600',
    });
    expect(env.ATLASSIAN_API_KEY_SECRET_ID).toBeUndefined();
    expect(env.ATLASSIAN_DIRECTORY_ID).toBeUndefined();
  });

  it('never writes into the process environment it starts from, and is frozen', () => {
    // Prepare
    const base: NodeJS.ProcessEnv = { JML_CHANGE_BUDGET_DB: '/data/budget.db' };

    // Act
    const env = handlerEnvironmentFor({ api, config: { json: { accessRules: [] } } }, base);

    // Assess
    expect(base).toEqual({ JML_CHANGE_BUDGET_DB: '/data/budget.db' });
    expect(env.JML_CHANGE_BUDGET_DB).toBe('/data/budget.db');
    expect(Object.isFrozen(env)).toBe(true);
  });

  it('keeps quiet Powertools defaults unless the caller chose otherwise', () => {
    // Prepare
    const processEnv: NodeJS.ProcessEnv = { POWERTOOLS_LOG_LEVEL: 'DEBUG' };

    // Act
    applyLocalProcessDefaults(processEnv);
    const env = handlerEnvironmentFor({}, { POWERTOOLS_LOG_LEVEL: 'DEBUG' });

    // Assess
    expect(processEnv.POWERTOOLS_LOG_LEVEL).toBe('DEBUG');
    expect(processEnv.POWERTOOLS_METRICS_DISABLED).toBe('true');
    expect(env.POWERTOOLS_LOG_LEVEL).toBe('DEBUG');
    expect(env.POWERTOOLS_METRICS_DISABLED).toBe('true');
  });

  it('uses the example config only when no config is set, and a given one replaces the other kind', () => {
    // Act
    const empty = handlerEnvironmentFor({}, {});
    const withFile = handlerEnvironmentFor({ config: { json: { accessRules: [] } } }, { JML_CONFIG_FILE: '/tmp/rules.yaml' });

    // Assess
    expect(empty.JML_CONFIG_FILE).toBe(DEFAULT_CONFIG_FILE);
    expect(withFile.JML_CONFIG).toBe('{"accessRules":[]}');
    expect(withFile.JML_CONFIG_FILE).toBeUndefined();
  });
});
