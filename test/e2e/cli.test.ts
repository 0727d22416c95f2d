import { afterEach, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../local/simulator/index.js';
import { runCli, runScript, startCountingServer } from './cli-harness.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('jml --help', () => {
  it('documents every option and the input schema of every workflow', async () => {
    // Act
    const result = await runCli(['--help']);

    // Assess
    expect(result.code).toBe(0);
    for (const option of ['--input', '--dry-run', '--api-url', '--api-key', '--org-id', '--directory-api', '--config', '--waits', '--quiet']) {
      expect(result.stdout).toContain(option);
    }
    for (const workflow of ['joiner', 'mover', 'leaver', 'sweep']) expect(result.stdout).toMatch(new RegExp(`^  ${workflow}:\\n {4}\\S`, 'm'));
    expect(result.stdout).not.toContain('not generated yet');
    expect(result.stdout).toMatch(/email/);
  });
});

describe('jml schema', () => {
  it('prints the published JSON Schema of a workflow input', async () => {
    // Act
    const result = await runCli(['schema', 'joiner']);

    // Assess
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as { type: string; properties: Record<string, unknown>; required: string[] };
    expect(schema.type).toBe('object');
    expect(schema.required).toContain('email');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['department', 'jobTitle', 'location', 'dryRun']));
  });
});

describe('jml bad usage', () => {
  it.each([
    [[], /no command given/],
    [['run'], /give a workflow/],
    [['run', 'offboarder', '--input', '{}'], /give a workflow: joiner, mover, leaver, sweep, hr-event \(not "offboarder"\)/],
    [['run', 'leaver', '--bogus'], /^jml: unknown option --bogus\n/],
    [['run', 'leaver'], /--input is required/],
    [['schema'], /give a workflow/],
    [['deploy', 'leaver'], /unknown command "deploy"/],
    [['run', 'leaver', 'extra', '--input', '{}'], /unexpected argument\(s\): extra/],
    [['run', 'leaver', '--input', '{"email":"a@b.example"}', '--waits', 'forever'], /--waits must be real or short/],
    [['run', 'leaver', '--input', '{"email":"a@b.example"}', '--log-level', 'LOUD'], /--log-level must be one of/],
    [['run', 'leaver', '--input', '{"email":"a@b.example"}', '--config', '/nonexistent/rules.yaml'], /--config \/nonexistent\/rules.yaml: no such file/],
    [['run', 'leaver', '--input', '{oops'], /not valid JSON/],
    [['run', 'leaver', '--input', '{"email":"a@b.example"}', '--directory-api', 'v3'], /--directory-api must be v1 or v2/],
    [['run', 'leaver', '--input', '{"email":"a@b.example"}', '--api-url', 'https://api.atlassian.com/admin', '--org-id', 'o'], /ATLASSIAN_API_KEY/],
  ])('exits 2 for %j', async (argv, message) => {
    // Act
    const result = await runCli(argv as string[], { ATLASSIAN_API_KEY: '' });

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe('jml run: input validation', () => {
  it('refuses an invalid input with exit 2 before any API call', async () => {
    // Prepare
    const api = await startCountingServer(200, {});
    servers.push(api.server);
    const apiKey = 'canary-key-never-printed-123';

    // Act
    const result = await runCli(['run', 'leaver', '--input', '{"email":"not-an-email","effectiveAt":"tomorrow"}', '--api-url', api.url, '--org-id', 'org-1'], { ATLASSIAN_API_KEY: apiKey });

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/leaver input is not valid/);
    expect(result.stderr).toMatch(/email/);
    expect(api.requests).toEqual([]);
    expect(result.stdout + result.stderr).not.toContain(apiKey);
  });
});

describe('jml run: config validation', () => {
  it('refuses a config with a wrong entry with exit 2, naming the entry, before any API call', async () => {
    // Prepare
    const api = await startCountingServer(200, {});
    servers.push(api.server);
    const dir = mkdtempSync(join(tmpdir(), 'jml-config-'));
    const config = join(dir, 'rules.yaml');
    writeFileSync(config, 'accessRules:\n  - id: broken\n    grant:\n      groups: [42]\n');

    // Act
    const result = await runCli(['run', 'leaver', '--input', '{"email":"ada.lovelace@acme.example"}', '--config', config, '--api-url', api.url, '--org-id', 'org-1'],
      { ATLASSIAN_API_KEY: 'k' });

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/accessRules\[0\]\.grant\.groups\[0\]/);
    expect(api.requests).toEqual([]);
  });
});

describe('jml run --api-url against a separately started simulator', () => {
  it('works against any compatible API given by URL, org id and ATLASSIAN_API_KEY', async () => {
    // Prepare
    const sim = await startSimulator({ port: 0 });
    try {
      // Act
      const result = await runCli(['run', 'mover', '--input', '{"email":"sue.helpdesk@acme.example","department":"Finance","jobTitle":"Accountant"}',
        '--api-url', sim.baseUrl, '--org-id', sim.orgId, '--waits', 'short'], { ATLASSIAN_API_KEY: sim.apiKey });

      // Assess
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain(`▶ mover against ${sim.baseUrl} (org ${sim.orgId}), waits shortened`);
      const output = JSON.parse(result.stdout) as { actions: Array<{ action: string; target: string; outcome: string }> };
      expect(output.actions).toContainEqual(expect.objectContaining({ action: 'addToGroup', target: expect.stringMatching(/finance$/), outcome: 'done' }));
      expect(output.actions).toContainEqual(expect.objectContaining({ action: 'removeFromGroup', target: expect.stringMatching(/support$/), outcome: 'done' }));
    } finally {
      await sim.close();
    }
  });
});

describe('jml run: the directory API generation from the environment', () => {
  it('calls the v1 endpoints when ATLASSIAN_DIRECTORY_API=v1, and --directory-api wins over it', async () => {
    // Prepare: an API that knows no user, so each run stops after its first lookups
    const api = await startCountingServer(404, { errors: [{ code: 'ADMIN-404-1', title: 'Not found' }] });
    servers.push(api.server);
    const args = ['run', 'leaver', '--dry-run', '--quiet', '--input', '{"email":"ada.lovelace@acme.example"}', '--api-url', api.url, '--org-id', 'org-1'];

    // Act
    await runCli(args, { ATLASSIAN_API_KEY: 'k', ATLASSIAN_DIRECTORY_API: 'v1' });
    const v1Requests = api.requests.splice(0);
    await runCli([...args, '--directory-api', 'v2'], { ATLASSIAN_API_KEY: 'k', ATLASSIAN_DIRECTORY_API: 'v1' });

    // Assess
    expect(v1Requests.length).toBeGreaterThan(0);
    for (const request of v1Requests) expect(request).toMatch(/ \/admin\/v1\//);
    expect(api.requests[0]).toMatch(/ \/admin\/v2\//);
  });
});

describe('jml run against the embedded simulator', () => {
  it('runs a leaver to success: exit 0, output JSON on stdout, progress on stderr', async () => {
    // Act
    const result = await runCli(['run', 'leaver', '--input', '{"email":"dennis.ritchie@acme.example","reason":"Resignation"}']);

    // Assess
    expect(result.code, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as unknown;
    expect(JSON.stringify(output)).toMatch(/suspendUser/);
    expect(result.stderr).toMatch(/▶ leaver against the embedded simulator/);
    expect(result.stderr).toMatch(/✓ \S+ \(\d+ ms\)/);
    expect(result.stderr).toMatch(/■ SUCCEEDED in \d+ ms, \d+ state transitions/);
  });

  it('--dry-run returns the plan and does nothing', async () => {
    // Act
    const dry = await runCli(['run', 'leaver', '--dry-run', '--quiet', '--input', '{"email":"alan.turing@acme.example"}']);

    // Assess
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toBe('');
    const output = JSON.parse(dry.stdout) as { status: string; planned: unknown[]; actions: unknown[] };
    expect(output.status).toBe('DRY_RUN');
    expect(output.planned).toContainEqual(expect.objectContaining({ action: 'suspendUser' }));
    expect(output.actions).toEqual([]);
  });
});

describe('jml run: a failed execution', () => {
  it('exits 1 and prints the error and a readable cause, never the key', async () => {
    // Prepare: an API that rejects every key
    const api = await startCountingServer(401, { code: 401, message: 'Unauthorized' });
    servers.push(api.server);
    const apiKey = 'canary-key-never-printed-456';

    // Act: --no-check, so the workflow itself meets the rejection (the config check would stop first)
    const result = await runCli(['run', 'leaver', '--no-check', '--input', '{"email":"ada.lovelace@acme.example"}', '--api-url', api.url, '--org-id', 'org-1', '--directory-id', 'dir-1'],
      { ATLASSIAN_API_KEY: apiKey });

    // Assess
    expect(result.code, result.stderr).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'FAILED', error: 'Atlassian.Unauthorized' });
    expect(api.requests.length).toBeGreaterThan(0);
    expect(result.stdout + result.stderr).not.toContain(apiKey);
  });
});

describe('jml as a child process', () => {
  it('npx tsx local/cli.ts exits 2 on invalid input and 0 on --help', async () => {
    // Act
    const [invalid, help] = await Promise.all([
      runScript('local/cli.ts', ['run', 'joiner', '--input', '{"name":42}']),
      runScript('local/cli.ts', ['--help']),
    ]);

    // Assess
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/joiner input is not valid/);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit codes: 0 execution succeeded, 1 execution failed, 2 bad usage/);
  }, 60_000);
});

describe('jml run sweep', () => {
  it('runs the inactivity sweep without --input: a dry run with the example config, the report location in the output', async () => {
    // Act
    const result = await runCli(['run', 'sweep', '--quiet']);

    // Assess
    expect(result.code, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output).toMatchObject({ workflow: 'sweep', status: 'DRY_RUN', decisions: { suspend: 2, reclaim: 2 } });
    expect(output.report.html).toMatch(/report\.html$/);
    expect(output.report.csv).toMatch(/report\.csv$/);
  });
});
