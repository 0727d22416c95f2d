import { describe, expect, it } from 'vitest';
import { resolveRunTarget, resolveShortWaits } from '../../../local/cli/api-target-options.js';
import { readInput, UsageError, withDryRun } from '../../../local/cli/read-input.js';
import { renderJsonSchema } from '../../../local/cli/render-json-schema.js';

const noStdin = async () => '';

describe('resolveRunTarget', () => {
  it('uses the embedded simulator without --api-url and refuses API flags that would be ignored', () => {
    // Act / Assess
    expect(resolveRunTarget({}, {})).toEqual({ kind: 'embedded', generation: 'v2' });
    expect(() => resolveRunTarget({ 'org-id': 'o' }, {})).toThrow(/--org-id only applies with --api-url/);
  });

  it('takes the API key from ATLASSIAN_API_KEY and requires one', () => {
    // Prepare
    const values = { 'api-url': 'https://api.atlassian.com/admin/', 'org-id': 'org-9' };

    // Act
    const target = resolveRunTarget(values, { ATLASSIAN_API_KEY: 'secret-key' });

    // Assess
    expect(target).toEqual({ kind: 'external', api: { baseUrl: 'https://api.atlassian.com/admin', apiKey: 'secret-key', orgId: 'org-9', generation: 'v2' } });
    expect(() => resolveRunTarget(values, {})).toThrow(/ATLASSIAN_API_KEY/);
    expect(() => resolveRunTarget({ ...values, 'api-url': 'ftp://x' }, { ATLASSIAN_API_KEY: 'k' })).toThrow(UsageError);
  });

  it('honours ATLASSIAN_DIRECTORY_API and ATLASSIAN_DIRECTORY_ID, the options winning', () => {
    // Prepare
    const values = { 'api-url': 'https://api.atlassian.com/admin', 'org-id': 'org-9' };
    const env = { ATLASSIAN_API_KEY: 'k', ATLASSIAN_DIRECTORY_API: 'v1', ATLASSIAN_DIRECTORY_ID: 'dir-env' };

    // Act / Assess
    expect(resolveRunTarget(values, env)).toMatchObject({ api: { generation: 'v1', directoryId: 'dir-env' } });
    expect(resolveRunTarget({ ...values, 'directory-api': 'v2', 'directory-id': 'dir-flag' }, env)).toMatchObject({ api: { generation: 'v2', directoryId: 'dir-flag' } });
    expect(resolveRunTarget({}, { ATLASSIAN_DIRECTORY_API: 'v1' })).toEqual({ kind: 'embedded', generation: 'v1' });
    expect(() => resolveRunTarget({}, { ATLASSIAN_DIRECTORY_API: 'v3' })).toThrow(/ATLASSIAN_DIRECTORY_API \(environment\) must be v1 or v2, not "v3"/);
    expect(() => resolveRunTarget({ 'directory-api': 'v3' }, { ATLASSIAN_DIRECTORY_API: 'v1' })).toThrow(/^--directory-api must be v1 or v2/);
  });

  it('shortens waits by default only for the embedded simulator', () => {
    // Act / Assess
    expect(resolveShortWaits({}, { kind: 'embedded', generation: 'v2' })).toBe(true);
    expect(resolveShortWaits({}, { kind: 'external', api: { baseUrl: 'u', apiKey: 'k', orgId: 'o' } })).toBe(false);
    expect(() => resolveShortWaits({ waits: 'never' }, { kind: 'embedded', generation: 'v2' })).toThrow(/real or short/);
  });
});

describe('readInput', () => {
  it('reads inline JSON and adds dryRun on request', async () => {
    // Act
    const input = withDryRun(await readInput('{"email":"ada@acme.example"}', noStdin));

    // Assess
    expect(input).toEqual({ email: 'ada@acme.example', dryRun: true });
  });

  it('reads stdin for - and explains a missing file', async () => {
    // Act / Assess
    await expect(readInput('-', async () => '{"accountId":"a1"}')).resolves.toEqual({ accountId: 'a1' });
    await expect(readInput('/nonexistent/input.json', noStdin)).rejects.toThrow(/--input \/nonexistent\/input.json: no such file/);
    await expect(readInput(undefined, noStdin)).rejects.toThrow(/--input is required/);
  });
});

describe('readInput: what people paste, pipe and save', () => {
  it('drops a UTF-8 byte order mark on stdin and refuses blank stdin and non-objects, saying what they were', async () => {
    // Act / Assess
    await expect(readInput('-', async () => '\uFEFF{"email":"ada@acme.example"}')).resolves.toEqual({ email: 'ada@acme.example' });
    await expect(readInput('-', async () => ' \n')).rejects.toThrow(/nothing arrived on stdin/);
    await expect(readInput('-', async () => 'true')).rejects.toThrow(/the input on stdin is a boolean \(true\), not a JSON object/);
    await expect(readInput('"ada@acme.example"', noStdin)).rejects.toThrow(/--input "ada@acme.example" is a string, not a JSON object/);
    await expect(readInput('[]', noStdin)).rejects.toThrow(/the --input JSON is an array, not a JSON object/);
    await expect(readInput('  ', noStdin)).rejects.toThrow(/--input is empty/);
  });
});

describe('renderJsonSchema', () => {
  it('lists every field with type and requirement, and the alternatives', () => {
    // Prepare
    const schema = {
      type: 'object',
      properties: { effectiveAt: { type: 'string', format: 'date-time', description: 'When access ends' }, dryRun: { type: 'boolean', default: false } },
      anyOf: [
        { properties: { accountId: { type: 'string' } }, required: ['accountId'] },
        { properties: { email: { type: 'string', format: 'email' } }, required: ['email'] },
      ],
    };

    // Act
    const lines = renderJsonSchema(schema, '');

    // Assess
    expect(lines).toContain(`${'effectiveAt'.padEnd(16)} string (date-time), optional: When access ends`);
    expect(lines).toContain(`${'dryRun'.padEnd(16)} boolean, optional, default false`);
    expect(lines).toContain(`${'email'.padEnd(16)} string (email), optional`);
    expect(lines.at(-1)).toBe('give one of: accountId | email');
  });
});
