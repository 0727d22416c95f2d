import { describe, expect, it } from 'vitest';
import { runWorkflow } from '../../../local/engine/run-workflow.js';
import { formatTraceEntry, statesEntered } from '../../../local/engine/trace.js';
import { fakeAction, miniLeaver, namedError } from './fake-actions.js';

const user = { accountId: 'acc-1', email: 'ada@acme.example' };

function actions(overrides: { findUser?: (event: unknown) => Promise<unknown>; removeFromGroup?: (event: unknown) => Promise<unknown> } = {}) {
  const findUser = fakeAction('findUser', async (event) => (overrides.findUser ? overrides.findUser(event) : { found: true, user }));
  const removeFromGroup = fakeAction('removeFromGroup', async (event) =>
    overrides.removeFromGroup
      ? overrides.removeFromGroup(event)
      : { action: 'removeFromGroup', target: (event as { groupName: string }).groupName, outcome: 'done', detail: 'removed' },
  );
  return { findUser, removeFromGroup, list: [findUser, removeFromGroup] };
}

const input = { accountId: 'acc-1', graceSeconds: 3600, groups: ['engineering', 'sales', 'support'] };

describe('runWorkflow', () => {
  it('runs every Task (Map iterations included) through its bound handler and succeeds', async () => {
    // Prepare
    const fakes = actions();

    // Act
    const run = await runWorkflow({ workflow: 'leaver', definition: miniLeaver(), actions: fakes.list, input, shortenWaits: true, executionName: 'exec-1' });

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toMatchObject({ user: { found: true }, results: [{ target: 'engineering' }, { target: 'sales' }, { target: 'support' }] });
    expect(statesEntered(run.trace)).toEqual(['FindUser', 'WaitGracePeriod', 'RemoveFromGroups', 'RemoveFromGroup', 'RemoveFromGroup', 'RemoveFromGroup', 'Done']);
    expect(run.transitions).toBe(7);
    expect(fakes.removeFromGroup.calls).toHaveLength(3);
  });

  it('passes the execution name and the state name in _meta, like Step Functions does', async () => {
    // Prepare
    const fakes = actions();

    // Act
    await runWorkflow({ workflow: 'leaver', definition: miniLeaver(), actions: fakes.list, input, shortenWaits: true, executionName: 'exec-meta' });

    // Assess
    expect(fakes.findUser.calls[0]).toEqual({ accountId: 'acc-1', _meta: { executionName: 'exec-meta', stateName: 'FindUser' } });
    expect(fakes.removeFromGroup.calls[0]).toMatchObject({ _meta: { stateName: 'RemoveFromGroup' } });
  });

  it('retries a retryable error, counts each retry as a transition and shows it in the trace', async () => {
    // Prepare
    let attempts = 0;
    const fakes = actions({
      findUser: async () => {
        attempts += 1;
        if (attempts < 3) throw namedError('Atlassian.RateLimited', 'Slow down');
        return { found: true, user };
      },
    });
    const lines: string[] = [];

    // Act
    const run = await runWorkflow({
      workflow: 'leaver', definition: miniLeaver(), actions: fakes.list, input, shortenWaits: true,
      onEvent: (entry) => { const line = formatTraceEntry(entry); if (line) lines.push(line); },
    });

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    expect(run.transitions).toBe(9);
    expect(lines).toContain('  ↻ FindUser retry 1 after Atlassian.RateLimited');
    expect(lines).toContain('  ↻ FindUser retry 2 after Atlassian.RateLimited');
    expect(lines.some((line) => /^ {2}✓ FindUser \(\d+ ms\)$/.test(line))).toBe(true);
  });

  it('ends FAILED through the Catch path and returns the Fail state input as the record', async () => {
    // Prepare
    const fakes = actions({
      removeFromGroup: async (event) => {
        if ((event as { groupName: string }).groupName === 'sales') throw namedError('Atlassian.Forbidden', 'The API key cannot change group sales.');
        return { action: 'removeFromGroup', target: 'x', outcome: 'done', detail: '' };
      },
    });

    // Act
    const run = await runWorkflow({ workflow: 'leaver', definition: miniLeaver(), actions: fakes.list, input, shortenWaits: true });

    // Assess
    expect(run.status).toBe('FAILED');
    expect(run.error).toBe('Atlassian.Forbidden');
    expect(JSON.parse(run.cause as string)).toMatchObject({ errorType: 'Atlassian.Forbidden', errorMessage: 'The API key cannot change group sales.' });
    expect(run.output).toMatchObject({ status: 'FAILED', error: 'Atlassian.Forbidden', completed: { found: true } });
    expect(statesEntered(run.trace).slice(-2)).toEqual(['RecordFailure', 'Failed']);
    const caught = run.trace.find((entry) => entry.kind === 'StateCaught');
    expect(caught).toMatchObject({ state: 'RemoveFromGroups', error: 'Atlassian.Forbidden', next: 'RecordFailure' });
  });

  it('ends FAILED with the handler error as Step Functions reports it when nothing catches it', async () => {
    // Prepare
    const definition = miniLeaver();
    delete definition.States.FindUser.Catch;
    const fakes = actions({ findUser: async () => { throw namedError('Atlassian.Unauthorized', 'The org API key was rejected.'); } });

    // Act
    const run = await runWorkflow({ workflow: 'leaver', definition, actions: fakes.list, input, shortenWaits: true });

    // Assess
    expect(run).toMatchObject({ status: 'FAILED', error: 'Atlassian.Unauthorized', output: undefined });
    expect(run.cause).toContain('The org API key was rejected.');
    expect(run.trace.at(-1)).toMatchObject({ kind: 'ExecutionFailed', error: 'Atlassian.Unauthorized', cause: 'The org API key was rejected.' });
  });

  it('gives up after MaxAttempts retries of a Map item and fails the Map', async () => {
    // Prepare
    const fakes = actions({ removeFromGroup: async () => { throw namedError('Atlassian.Transient', 'HTTP 503'); } });

    // Act
    const run = await runWorkflow({ workflow: 'leaver', definition: miniLeaver(), actions: fakes.list, input: { ...input, groups: ['engineering'] }, shortenWaits: true });

    // Assess
    expect(run.status).toBe('FAILED');
    expect(fakes.removeFromGroup.calls).toHaveLength(3);
    expect(run.trace.filter((entry) => entry.kind === 'StateRetried')).toHaveLength(2);
  });

  it('refuses to start when a Task resource is not a registry placeholder', async () => {
    // Prepare
    const definition = miniLeaver();
    definition.States.FindUser.Resource = 'arn:aws:lambda:eu-west-1:123456789012:function:find-user';

    // Act
    const running = runWorkflow({ workflow: 'leaver', definition, actions: actions().list, input });

    // Assess
    await expect(running).rejects.toThrow(/Task state "FindUser" has Resource .*find-user/);
  });
});
