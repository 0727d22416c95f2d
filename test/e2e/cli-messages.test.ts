import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runScript, startCountingServer } from './cli-harness.js';

/**
 * What a new user gets from `jml` for common slips: in-process (`main(argv, io)`, the same code the
 * binary runs; a child process costs ~2 s each), and the binary itself where the process matters
 * (stdin piped into it).
 */
const USAGE = /\nUsage:\n {2}npm run jml -- run <workflow> --input <file\|json\|-> \[--dry-run\] \[options\]\n/
const jml = (argv: string[], stdin = '') => runCli(argv, {}, stdin);

describe('jml: a wrong command says it is unknown and shows the usage', () => {
  it.concurrent.each([
    [['leaver', '--input', '{"email":"ada@acme.example"}'], /^jml: unknown command "leaver": did you mean "jml run leaver"\?/],
    [['frobnicate'], /^jml: unknown command "frobnicate": the commands are run, schema, check-config, start, executions, describe, history and stop/],
  ])('%j', async (argv, message) => {
    // Act
    const result = await jml(argv);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(USAGE);
    expect(result.stderr).not.toMatch(/give a workflow/);
    expect(result.stdout).toBe('');
  }, 60_000);
});

describe('jml run: an input that is not a JSON object says what it was', () => {
  it.concurrent.each([
    ['--input \'\'', ['--input', ''], '', /^jml: --input is empty: give inline JSON, a file, or - for stdin/],
    ['--input null', ['--input', 'null'], '', /^jml: --input null is null, not a JSON object/],
    ['--input 42', ['--input', '42'], '', /^jml: --input 42 is a number, not a JSON object/],
    ['--input - with nothing piped in', ['--input', '-'], '', /^jml: --input -: nothing arrived on stdin\. Pipe the input JSON in/],
    ['--input - with an array piped in', ['--input', '-'], '[{"email":"ada@acme.example"}]', /^jml: the input on stdin is an array, not a JSON object/],
  ])('%s', async (_what, inputArgs, stdin, message) => {
    // Act
    const result = await jml(['run', 'leaver', ...inputArgs], stdin);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/ENOENT|Unexpected end of JSON/);
    expect(result.stdout).toBe('');
  }, 60_000);
});

describe('jml as a child process reads the input piped into it', () => {
  it('an array piped in is refused as an array (exit 2)', async () => {
    // Act
    const result = await runScript('local/cli.ts', ['run', 'leaver', '--input', '-'], {}, '[{"email":"ada@acme.example"}]');

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^jml: the input on stdin is an array, not a JSON object/);
  }, 60_000);
});

describe('jml run: an input file saved with a UTF-8 byte order mark', () => {
  it('is read as if the mark were not there', async () => {
    // Prepare
    const file = join(mkdtempSync(join(tmpdir(), 'jml-bom-')), 'leaver.json');
    writeFileSync(file, '\uFEFF{"email":"alan.turing@acme.example"}', 'utf8');

    // Act
    const result = await jml(['run', 'leaver', '--dry-run', '--quiet', '--input', file]);

    // Assess
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'DRY_RUN', user: { email: 'alan.turing@acme.example' } });
  }, 60_000);
});

describe('jml --version, --help and --log-level', () => {
  it('prints the package.json version, lists the directory variables, and names the same log levels in help and error', async () => {
    // Prepare
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

    // Act
    const [versionRun, help, badLevel] = await Promise.all([
      jml(['--version']),
      jml(['--help']),
      jml(['run', 'leaver', '--input', '{"email":"ada@acme.example"}', '--log-level', 'LOUD']),
    ]);

    // Assess
    expect(versionRun).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect(help.stdout).toMatch(/^ {2}ATLASSIAN_DIRECTORY_API +v1 or v2/m);
    expect(help.stdout).toMatch(/^ {2}ATLASSIAN_DIRECTORY_ID +/m);
    expect(help.stdout).toContain('--version');
    expect(badLevel.code).toBe(2);
    const inError = /--log-level must be one of ([A-Z, ]+), not "LOUD"/.exec(badLevel.stderr)?.[1];
    const inHelp = /at this level: ([A-Z, ]+) \(case-insensitive\)/.exec(help.stdout.replace(/\n\s+/g, ' '))?.[1];
    expect(inError).toBeDefined();
    expect(inHelp).toBe(inError);
  }, 60_000);
});

describe('jml run --api-url http:// to another machine', () => {
  it('is refused before any call, naming --api-url and https, and never printing the key', async () => {
    // Act
    const result = await runCli(['run', 'leaver', '--input', '{"email":"ada@acme.example"}', '--api-url', 'http://api.atlassian.com/admin', '--org-id', 'o'],
      { ATLASSIAN_API_KEY: 'canary-key-never-printed-789' });

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^jml: --api-url must use https:\/\/ for api\.atlassian\.com: the org API key travels with every request/);
    expect(result.stderr).toMatch(/allowed only to this machine \(127\.0\.0\.0\/8, \[::1\], localhost\)/);
    expect(result.stdout + result.stderr).not.toContain('canary-key-never-printed-789');
  }, 60_000);
});

describe('jml run with a key the API rejects', () => {
  it('says the key came from ATLASSIAN_API_KEY (or --api-key), not from a secret', async () => {
    // Prepare
    const api = await startCountingServer(401, { code: 401, message: 'Unauthorized' });
    try {
      // Act
      const result = await runCli(['run', 'leaver', '--no-check', '--input', '{"email":"ada@acme.example"}', '--api-url', api.url, '--org-id', 'o', '--directory-id', 'd'],
        { ATLASSIAN_API_KEY: 'canary-key-never-printed-321' });

      // Assess
      expect(result.code).toBe(1);
      const output = JSON.parse(result.stdout) as { error: string; cause: string };
      expect(output.error).toBe('Atlassian.Unauthorized');
      expect(output.cause).toContain("Atlassian rejected the API key from the ATLASSIAN_API_KEY environment variable (which the jml CLI's --api-key also sets)");
      expect(output.cause).not.toMatch(/secret/i);
      expect(result.stdout + result.stderr).not.toContain('canary-key-never-printed-321');
    } finally {
      await new Promise((resolve) => api.server.close(resolve));
    }
  }, 60_000);
});
