import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../local/simulator/index.js';
import { runCli } from './cli-harness.js';

/** `jml check-config`: the example config against the demo org, and one with a typo of each kind. */

const EXAMPLE = new URL('../../config/jml.example.yaml', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'jml-check-config-'));

/** The example config with `edits` applied (each must change something: a typo in the test is a bug). */
function exampleWith(name: string, edits: Array<[string, string]>): string {
  let text = readFileSync(EXAMPLE, 'utf8');
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`the example config has no ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const WRONG = exampleWith('wrong.yaml', [
  ['groups: [finance]', 'groups: [finanse]'],
  ['jira: ari:cloud:jira-software::site/fd0f7bba-7652-4fbc-806a-1ced330fbc06', 'jira: ari:cloud:jira-software::site/00000000-7652-4fbc-806a-1ced330fbc06'],
  ['- email: grace.hopper@acme.example', '- email: grace.hoper@acme.example'],
]);

describe('jml check-config (in-process, embedded simulator)', () => {
  it('passes the example config against the demo org: exit 0 and a one-line summary', async () => {
    // Act
    const result = await runCli(['check-config', '--config', EXAMPLE]);

    // Assess
    expect(result.code, result.stderr).toBe(0);
    // Directories, one group search, one workspaces search, one user search: not one call per name.
    expect(result.stdout).toBe('config OK: 7 groups, 2 resources, 2 protected accounts checked with 4 API call(s)\n');
    expect(result.stderr).toMatch(/▶ checking .*jml\.example\.yaml against the embedded simulator/);
  }, 60_000);

  it('lists a misspelt group, an unknown resource and an unknown protected email, each by its entry: exit 2', async () => {
    // Act
    const result = await runCli(['check-config', '--config', WRONG]);

    // Assess
    expect(result.code, result.stdout + result.stderr).toBe(2);
    const listed = result.stdout.split('\n').filter((line) => line.startsWith('  - '));
    expect(listed).toEqual([
      '  - accessRules[7].grant.groups[0]: group "finanse" does not exist in the org; create it in admin.atlassian.com or correct the name',
      expect.stringMatching(/^ {2}- resources\.jira: workspace "ari:cloud:jira-software::site\/00000000-7652-4fbc-806a-1ced330fbc06" does not exist in the org \(the org's workspaces: acme-jira \(jira-software, id fd0f7bba-/),
      '  - protectedAccounts[1].email: no user "grace.hoper@acme.example" in the org\'s directory; correct the address or remove the entry',
    ]);
    expect(result.stdout).toMatch(/^\S+wrong\.yaml names 3 thing\(s\) the embedded simulator \(demo org [^)]+\) does not have:$/m);
    expect(result.stdout).toMatch(/7 groups, 2 resources, 2 protected accounts checked with 4 API call\(s\)\n$/);
  }, 60_000);

  it('a schema error still exits 2 before any API call, naming the entry', async () => {
    // Prepare
    const invalid = exampleWith('invalid.yaml', [['groups: [finance]', 'groups: [""]']]);

    // Act
    const result = await runCli(['check-config', '--config', invalid]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('accessRules[7].grant.groups[0]: expected a group name');
    expect(result.stderr).not.toContain('▶ checking');
  }, 60_000);
});

describe('jml check-config against a running API (--api-url)', () => {
  it('takes the key from ATLASSIAN_API_KEY, never prints it, and reports what the org lacks', async () => {
    // Prepare
    const apiKey = 'canary-key-never-printed-789';
    const sim = await startSimulator({ port: 0, apiKey, rateLimits: false });

    try {
      // Act
      const result = await runCli(['check-config', '--config', WRONG, '--api-url', sim.baseUrl, '--org-id', sim.orgId], { ATLASSIAN_API_KEY: apiKey });

      // Assess
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`▶ checking ${WRONG} against ${sim.baseUrl} (org ${sim.orgId})`);
      expect(result.stdout).toContain('accessRules[7].grant.groups[0]: group "finanse" does not exist in the org');
      expect(result.stdout + result.stderr).not.toContain(apiKey);
    } finally {
      await sim.close();
    }
  });

  it.each([
    [['check-config', '--input', '{}'], /--input does not apply to check-config/],
    [['check-config', '--directory-api', 'v1'], /--directory-api does not apply to check-config: it reads .* through the v2 API/],
    [['check-config', 'extra'], /unexpected argument\(s\): extra/],
    [['check-config', '--no-check'], /--no-check does not apply to check-config/],
    [['check-config', '--api-url', 'https://api.atlassian.com/admin', '--org-id', 'o'], /ATLASSIAN_API_KEY/],
  ])('exits 2 for %j', async (argv, message) => {
    // Act
    const result = await runCli(argv);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
