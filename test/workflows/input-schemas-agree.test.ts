import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { WORKFLOWS, type WorkflowName as WorkflowKind } from '../../workflows/catalog.js';

/**
 * The published JSON Schemas (workflows/schemas/, what people validate against before starting an
 * execution) must accept and refuse the same inputs as the zod schemas the workflow enforces.
 */
const ajv = new Ajv2020({ allErrors: true });
addFormats.default(ajv);
const validators = new Map<WorkflowKind, ValidateFunction>();
function published(workflow: WorkflowKind): ValidateFunction {
  const file = new URL(`../../workflows/schemas/${workflow}.input.schema.json`, import.meta.url);
  if (!validators.has(workflow)) validators.set(workflow, ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object));
  return validators.get(workflow)!;
}

type Case = [workflow: WorkflowKind, what: string, input: unknown, valid: boolean];

const identified = (workflow: 'leaver' | 'mover'): Case[] => [
  [workflow, 'by email', { email: 'jane.doe@acme.example' }, true],
  [workflow, 'by account id', { accountId: '5b10ac8d82e05b22cc7d4ef5' }, true],
  [workflow, 'no identifier', {}, false],
  [workflow, 'both identifiers', { accountId: 'a', email: 'b@acme.example' }, false],
  [workflow, 'only a reason', { reason: 'HR-1' }, false],
  [workflow, 'an account id with a slash', { accountId: 'a/b' }, false],
  [workflow, 'an empty account id', { accountId: '' }, false],
  [workflow, 'not an email', { email: 'jane.doe' }, false],
  [workflow, 'an internationalised email', { email: 'josé.müller@acme.example' }, true],
  [workflow, 'an email in Greek with an IDN domain', { email: 'δοκιμή@παράδειγμα.δοκιμή' }, true],
  [workflow, 'an email with an A-label TLD', { email: 'user@bücher.xn--p1ai' }, true],
  [workflow, 'an email without a TLD', { email: 'a@b' }, false],
  [workflow, 'an email with 65 characters before @', { email: `${'é'.repeat(65)}@acme.example` }, false],
  [workflow, 'effectiveAt with a zone', { email: 'jane.doe@acme.example', effectiveAt: '2026-12-01T09:00:00+01:00' }, true],
  [workflow, 'effectiveAt without a zone', { email: 'jane.doe@acme.example', effectiveAt: '2026-12-01T09:00:00' }, false],
  [workflow, 'effectiveAt as a date only', { email: 'jane.doe@acme.example', effectiveAt: '2026-12-01' }, false],
  [workflow, 'dryRun as a string', { email: 'jane.doe@acme.example', dryRun: 'true' }, false],
  [workflow, 'a misspelt field', { email: 'jane.doe@acme.example', dryrun: true }, false],
  [workflow, 'a snake_case field', { account_id: 'a' }, false],
  [workflow, 'a reason of 501 characters', { email: 'jane.doe@acme.example', reason: 'x'.repeat(501) }, false],
  [workflow, 'null', null, false],
  [workflow, 'an array', [{ email: 'jane.doe@acme.example' }], false],
  [workflow, 'a number', 42, false],
];

const CASES: Case[] = [
  ...identified('leaver'),
  ['leaver', 'every field', { accountId: 'a1', effectiveAt: '2026-12-01T17:00:00Z', reason: 'Resignation', dryRun: true, graceDays: 30 }, true],
  ['leaver', 'graceDays 0', { email: 'jane.doe@acme.example', graceDays: 0 }, true],
  ['leaver', 'fractional graceDays', { email: 'jane.doe@acme.example', graceDays: 1.5 }, false],
  ['leaver', 'negative graceDays', { email: 'jane.doe@acme.example', graceDays: -1 }, false],
  ['leaver', 'graceDays as a string', { email: 'jane.doe@acme.example', graceDays: '30' }, false],
  ['leaver', 'attributes (mover fields)', { email: 'jane.doe@acme.example', department: 'Sales' }, false],
  ...identified('mover'),
  ['mover', 'new attributes', { email: 'sam@acme.example', department: 'Support', jobTitle: 'Agent', location: 'Lisbon' }, true],
  ['mover', 'a blank department', { email: 'sam@acme.example', department: '   ' }, false],
  ['mover', 'an empty job title', { email: 'sam@acme.example', jobTitle: '' }, false],
  ['mover', 'a numeric location', { email: 'sam@acme.example', location: 7 }, false],
  ['mover', 'graceDays (a leaver field)', { email: 'sam@acme.example', graceDays: 3 }, false],
  ['joiner', 'an email only', { email: 'nina@acme.example' }, true],
  ['joiner', 'every field', { email: 'nina@acme.example', name: 'Nina', department: 'Engineering', jobTitle: 'Software Engineer', location: 'Amsterdam', effectiveAt: '2026-12-01T09:00:00Z', reason: 'HR-7', dryRun: false }, true],
  ['joiner', 'no email', { name: 'Nina' }, false],
  ['joiner', 'nothing', {}, false],
  ['joiner', 'an account id (joiners have none yet)', { email: 'nina@acme.example', accountId: 'a' }, false],
  ['joiner', 'a blank name', { email: 'nina@acme.example', name: ' \t ' }, false],
  ['joiner', 'a name of 256 characters', { email: 'nina@acme.example', name: 'n'.repeat(256) }, false],
  ['joiner', 'a department of 255 characters', { email: 'nina@acme.example', department: 'd'.repeat(255) }, true],
  ['joiner', 'an email of 255 characters', { email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(59)}.example`, name: 'Long' }, false],
  ['joiner', 'an email of 254 characters, some outside the BMP', { email: `${'𠀀'.repeat(60)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.example`, name: 'Long' }, true],
  ['joiner', 'an email of 255 characters, some outside the BMP', { email: `${'𠀀'.repeat(60)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.example`, name: 'Long' }, false],
  ['joiner', 'a name as a number', { email: 'nina@acme.example', name: 42 }, false],
  ['joiner', 'a string', 'nina@acme.example', false],
];

describe('the published JSON Schemas and the zod schemas give the same verdicts', () => {
  it.each(CASES)('%s: %s', (workflow, _what, input, valid) => {
    // Act
    const zodVerdict = WORKFLOWS[workflow].inputSchema.safeParse(input).success;
    const validate = published(workflow);
    const jsonSchemaVerdict = validate(input) as boolean;

    // Assess
    expect({ zod: zodVerdict, jsonSchema: jsonSchemaVerdict, errors: validate.errors?.map((e) => `${e.instancePath} ${e.message}`) ?? [] })
      .toMatchObject({ zod: valid, jsonSchema: valid });
  });
});
