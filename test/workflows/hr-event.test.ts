import { readFileSync } from 'node:fs';
import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { ACTIONS, getAction } from '../../functions/registry.js';
import { runWorkflow } from '../../local/engine/run-workflow.js';
import { statesEntered } from '../../local/engine/trace.js';
import { aslPath, aslText, inputSchemaText, schemaPath } from '../../workflows/definitions/workflow-artifacts.js';
import { fakeAction, namedError } from '../unit/engine/fake-actions.js';

/** workflows/hr-event.asl.json: its shape, retry policy, and what happens to a failing notice. */

const root = new URL('../../', import.meta.url).pathname;
const definition = () => JSON.parse(readFileSync(root + aslPath('hr-event'), 'utf8'));
const itemStates = () => definition().States.ProcessNotices.ItemProcessor.States;

const input = (count: number) => ({
  source: 'hibob',
  deliveryId: 'employee.left-1-abc',
  receivedAt: '2026-03-02T10:00:00.000Z',
  notices: Array.from({ length: count }, (_, index) => ({ format: 'hibob.v2', type: 'employee.left', employeeId: String(100 + index) })),
});

describe('workflows/hr-event.asl.json', () => {
  it('passes asl-validator and is up to date with workflows/definitions (ASL and input JSON Schema)', () => {
    const { isValid, errorsText } = aslValidator(structuredClone(definition()));
    expect(isValid, errorsText('\n')).toBe(true);
    expect(readFileSync(root + aslPath('hr-event'), 'utf8'), 'run: npx tsx workflows/definitions/generate.ts').toBe(aslText('hr-event'));
    expect(readFileSync(root + schemaPath('hr-event'), 'utf8')).toBe(inputSchemaText('hr-event'));
  });

  it('retries the HR API for hours (backoff capped at an hour, jitter) and AWS hiccups, then the shared retries', () => {
    // Act
    const { ResolveHrEvent, StartMappedWorkflow } = itemStates();

    // Assess
    expect(ResolveHrEvent.Resource).toBe(`\${${getAction('resolveHrEvent').placeholder}}`);
    expect(ResolveHrEvent.Retry[0]).toEqual({ ErrorEquals: ['Hr.Unavailable'], IntervalSeconds: 30, BackoffRate: 2, MaxAttempts: 10, MaxDelaySeconds: 3600, JitterStrategy: 'FULL' });
    const worstCaseSeconds = Array.from({ length: 10 }, (_, retry) => Math.min(30 * 2 ** retry, 3600)).reduce((sum, delay) => sum + delay, 0);
    expect(worstCaseSeconds / 3600).toBeGreaterThan(3);
    expect(ResolveHrEvent.Retry.map((retry: { ErrorEquals: string[] }) => retry.ErrorEquals[0])).toEqual(['Hr.Unavailable', 'Jml.AwsTransient', 'Atlassian.RateLimited', 'Atlassian.Transient', 'Lambda.ServiceException']);
    expect(StartMappedWorkflow.Retry[0]).toMatchObject({ ErrorEquals: ['Jml.AwsTransient'], JitterStrategy: 'FULL' });
    for (const state of [ResolveHrEvent, StartMappedWorkflow]) {
      expect(state.Catch).toEqual([expect.objectContaining({ ErrorEquals: ['States.ALL'], ResultPath: '$.failure' })]);
      expect(state.Parameters._meta).toEqual({ 'executionName.$': '$$.Execution.Name', 'stateName.$': '$$.State.Name' });
    }
    expect(ACTIONS.map((action) => action.name)).toEqual(expect.arrayContaining(['resolveHrEvent', 'startWorkflowExecution', 'verifyResults']));
  });

  it('a notice that fails for good is recorded, the others still start their workflow, and the execution fails with the record', async () => {
    // Prepare: the second of three notices names someone HR no longer has.
    const started: unknown[] = [];
    const resolve = fakeAction('resolveHrEvent', async (event) => {
      const { notice, index } = event as { notice: { employeeId: string }; index: number };
      if (index === 1) throw namedError('Hr.NotFound', `HiBob API: no employee ${notice.employeeId}`);
      return { mapped: true, workflow: 'leaver', executionName: `leaver-hibob-${notice.employeeId}`, input: { email: `${notice.employeeId}@acme.example` }, target: `hibob employee ${notice.employeeId}`, detail: '' };
    });
    const start = fakeAction('startWorkflowExecution', async (event) => ({ action: 'startWorkflowExecution', target: (event as { name: string }).name, outcome: 'done', detail: 'Started' }), started);

    // Act
    const run = await runWorkflow({ workflow: 'hr-event', input: input(3), actions: [resolve, start, getAction('verifyResults')], shortenRetries: true });

    // Assess
    expect(run.status).toBe('FAILED');
    expect(run.error).toBe('Hr.NotFound');
    expect(run.cause).toContain('no employee 101');
    expect(started.map((event) => (event as { name: string }).name).sort()).toEqual(['leaver-hibob-100', 'leaver-hibob-102']);
    expect(statesEntered(run.trace).at(-1)).toBe('NoticeFailed');
  });

  it('an event that maps to nothing is recorded as skipped and the execution succeeds without starting anything', async () => {
    // Prepare
    const started: unknown[] = [];
    const resolve = fakeAction('resolveHrEvent', async () => ({ mapped: false, target: 'hibob employee 100', detail: 'Nothing to do: a first-name fix.' }));
    const start = fakeAction('startWorkflowExecution', async () => ({}), started);

    // Act
    const run = await runWorkflow({ workflow: 'hr-event', input: input(1), actions: [resolve, start, getAction('verifyResults')] });

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    expect(started).toEqual([]);
    expect(run.output).toEqual({
      source: 'hibob',
      deliveryId: 'employee.left-1-abc',
      notices: [{ action: 'resolveHrEvent', target: 'hibob employee 100', outcome: 'skipped', detail: 'Nothing to do: a first-name fix.' }],
    });
    expect(run.transitions).toBe(6);
  });
});
