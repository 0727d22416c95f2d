import { readFileSync } from 'node:fs';
import aslValidator from 'asl-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../functions/registry.js';
import { aslPath, aslText, inputSchemaText, schemaPath } from '../../workflows/definitions/workflow-artifacts.js';

const WORKFLOWS = ['joiner', 'mover', 'leaver', 'sweep'] as const;
const root = new URL('../../', import.meta.url).pathname;

type State = Record<string, any>;
/** Every state of a definition, Map iterators included, as [name, state]. */
function allStates(machine: { States: Record<string, State> }): Array<[string, State]> {
  return Object.entries(machine.States).flatMap(([name, state]) => [
    [name, state] as [string, State],
    ...(state.ItemProcessor ? allStates(state.ItemProcessor) : []),
  ]);
}
const load = (name: (typeof WORKFLOWS)[number]) => JSON.parse(readFileSync(root + aslPath(name), 'utf8'));

describe.each(WORKFLOWS)('workflows/%s.asl.json', (name) => {
  it('passes asl-validator', () => {
    // Prepare
    const definition = structuredClone(load(name));

    // Act
    const { isValid, errorsText } = aslValidator(definition);

    // Assess
    expect(isValid, errorsText('\n')).toBe(true);
  });

  it('is up to date with its source (workflows/definitions) and so is its input JSON Schema', () => {
    // Act
    const committedAsl = readFileSync(root + aslPath(name), 'utf8');
    const committedSchema = readFileSync(root + schemaPath(name), 'utf8');

    // Assess
    expect(committedAsl, 'run: npx tsx workflows/definitions/generate.ts').toBe(aslText(name));
    expect(committedSchema, 'run: npx tsx workflows/definitions/generate.ts').toBe(inputSchemaText(name));
  });

  it('binds every Task to a registry action, passes _meta, retries with jitter and catches', () => {
    // Prepare
    const placeholders = new Set(ACTIONS.map((action) => `\${${action.placeholder}}`));
    const tasks = allStates(load(name)).filter(([, state]) => state.Type === 'Task');

    // Act / Assess
    expect(tasks.length).toBeGreaterThan(5);
    for (const [stateName, state] of tasks) {
      expect(placeholders.has(state.Resource), `${stateName}: ${state.Resource} is not a registry placeholder`).toBe(true);
      expect(state.Parameters._meta, stateName).toEqual({ 'executionName.$': '$$.Execution.Name', 'stateName.$': '$$.State.Name' });
      const rateLimited = state.Retry.find((r: State) => r.ErrorEquals.includes('Atlassian.RateLimited'));
      const transient = state.Retry.find((r: State) => r.ErrorEquals.includes('Atlassian.Transient'));
      expect(rateLimited, stateName).toMatchObject({ ErrorEquals: ['Atlassian.RateLimited'], BackoffRate: 2, JitterStrategy: 'FULL' });
      expect(rateLimited.MaxDelaySeconds, stateName).toBeGreaterThanOrEqual(60);
      expect(transient, stateName).toMatchObject({ ErrorEquals: ['Atlassian.Transient'], BackoffRate: 2, JitterStrategy: 'FULL' });
      expect(transient.MaxAttempts, stateName).toBeGreaterThanOrEqual(4);
      expect(transient.MaxDelaySeconds, stateName).toBeGreaterThan(0);
      if (stateName === 'PrepareRequest') {
        // Its input is the execution input as given (maybe not an object): the error replaces it.
        expect(state.Catch, stateName).toEqual([{ ErrorEquals: ['States.ALL'], Next: 'PrepareRequestFailed' }]);
      } else if (stateName !== 'RecordFailure') {
        expect(state.Catch, `${stateName} has no Catch`).toEqual([expect.objectContaining({ ErrorEquals: ['States.ALL'], ResultPath: '$.failure' })]);
      }
    }
  });

  it('uses only what aws-local-stepfunctions runs: JSONPath, inline Map with bounded concurrency', () => {
    // Prepare
    const text = readFileSync(root + aslPath(name), 'utf8');
    const maps = allStates(load(name)).filter(([, state]) => state.Type === 'Map');

    // Assess
    for (const unsupported of ['QueryLanguage', 'JSONata', '"Assign"', 'ItemReader', 'ItemBatcher', 'ResultWriter', 'waitForTaskToken']) {
      expect(text).not.toContain(unsupported);
    }
    for (const [, map] of maps) {
      expect(map.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'INLINE' });
      expect(map.MaxConcurrency).toBe(5);
    }
  });
});

describe('published input JSON Schemas', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);

  it.each([
    ['leaver', { email: 'jane.doe@example.com', effectiveAt: '2026-12-01T09:00:00Z', dryRun: true }, true],
    ['leaver', { email: 'jane.doe@example.com', dryrun: true }, false],
    ['joiner', { email: 'jane.doe@example.com', department: 'Sales' }, true],
    ['joiner', { department: 'Sales' }, false],
    ['mover', { accountId: 'abc', jobTitle: 'Lead' }, true],
    ['mover', { accountId: 'abc', effectiveAt: 'tomorrow' }, false],
    ['sweep', {}, true],
    ['sweep', { dryRun: false, reason: 'CHG-1', overrideLimits: true }, true],
    ['sweep', { dryrun: true }, false],
  ] as const)('%s accepts %j: %s', (name, input, valid) => {
    // Prepare
    const schema = JSON.parse(readFileSync(root + schemaPath(name), 'utf8'));
    const validate = ajv.getSchema(schema.$id) ?? ajv.compile(schema);

    // Act / Assess
    expect(validate(input)).toBe(valid);
  });
});
