import { describe, expect, it } from 'vitest';
import { apiBaseUrlProblem } from '../../../functions/lib/atlassian/api-base-url.js';
import { loadRuntimeConfig } from '../../../functions/lib/runtime-config.js';
import { resolveRunTarget } from '../../../local/cli/api-target-options.js';

describe('the Admin API base URL rule (--api-url, ATLASSIAN_API_BASE_URL)', () => {
  it.each([
    'https://api.atlassian.com/admin',
    'https://atlassian-proxy.internal.example/admin',
    'http://127.0.0.1:4010/admin',
    'http://127.200.3.4/admin',
    'http://localhost:8080/admin',
    'http://LOCALHOST/admin',
    'http://[::1]:9000/admin',
    'http://127.1:4010/admin', // WHATWG URL reads it as 127.0.0.1
  ])('accepts %s', (url) => {
    expect(apiBaseUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ['http://api.atlassian.com/admin', /must use https:\/\/ for api\.atlassian\.com: the org API key travels with every request.*Use https:\/\/api\.atlassian\.com\/admin$/],
    ['http://10.0.0.5:8080/admin', /must use https:\/\/ for 10\.0\.0\.5/],
    ['http://0.0.0.0:4010/admin', /must use https:\/\/ for 0\.0\.0\.0/],
    ['http://[::2]/admin', /must use https:\/\/ for \[::2\]/],
    ['http://localhost.attacker.example/admin', /must use https:\/\/ for localhost\.attacker\.example/],
    ['http://127.0.0.1.nip.io/admin', /must use https:\/\/ for 127\.0\.0\.1\.nip\.io/],
    ['ftp://api.atlassian.com/admin', /^must be an http\(s\) URL/],
    ['api.atlassian.com/admin', /^must be an http\(s\) URL/],
  ])('refuses %s', (url, message) => {
    expect(apiBaseUrlProblem(url)).toMatch(message);
  });

  it('is what both the handlers and the CLI apply, each naming its own variable or option', () => {
    // Prepare
    const url = 'http://api.atlassian.com/admin';

    // Act / Assess
    expect(() => loadRuntimeConfig({ ATLASSIAN_ORG_ID: 'o', ATLASSIAN_API_KEY: 'k', ATLASSIAN_API_BASE_URL: url })).toThrow(
      expect.objectContaining({ name: 'Jml.Configuration', message: expect.stringMatching(/ATLASSIAN_API_BASE_URL: must use https:\/\//) }),
    );
    expect(() => resolveRunTarget({ 'api-url': url, 'org-id': 'o' }, { ATLASSIAN_API_KEY: 'k' })).toThrow(/^--api-url must use https:\/\//);
    expect(loadRuntimeConfig({ ATLASSIAN_ORG_ID: 'o', ATLASSIAN_API_KEY: 'k', ATLASSIAN_API_BASE_URL: 'http://localhost:4010/admin/' }).baseUrl).toBe('http://localhost:4010/admin');
  });
});
