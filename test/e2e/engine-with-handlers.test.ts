import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorkflow } from '../../local/engine/run-workflow.js';
import { statesEntered } from '../../local/engine/trace.js';
import { startSimulator, type RunningSimulator } from '../../local/simulator/index.js';
import type { AslStateMachine } from '../../local/engine/asl-types.js';

/** The real registry handlers, in-process, against a real simulator: the engine's binding end to end. */
const definition = (): AslStateMachine =>
  JSON.parse(readFileSync(new URL('./fixtures/suspend-twice.asl.json', import.meta.url), 'utf8')) as AslStateMachine;

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => {
  await sim.close();
});

const api = () => ({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, orgId: sim.orgId });

describe('runWorkflow with the registry handlers', () => {
  it('suspends a user, and a second suspend reports already', async () => {
    // Act
    const run = await runWorkflow({ workflow: 'leaver', definition: definition(), input: { email: 'alan.turing@acme.example' }, api: api(), shortenWaits: true });

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toMatchObject({ first: { action: 'suspendUser', outcome: 'done' }, second: { action: 'suspendUser', outcome: 'already' } });
    expect(statesEntered(run.trace)).toEqual(['FindUser', 'SuspendUser', 'SuspendAgain']);
  });

  it('retries injected 503 and 429 answers in the state machine and still succeeds', async () => {
    // Prepare
    sim.control.failNext({ pattern: 'POST **/suspend', status: 503, count: 1 });
    sim.control.failNext({ pattern: 'POST **/suspend', status: 429, retryAfterSeconds: 0, count: 1 });

    // Act
    const run = await runWorkflow({
      workflow: 'leaver', definition: definition(), input: { email: 'grace.hopper@acme.example' }, api: api(), shortenWaits: true, httpMaxAttempts: 1,
    });

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    const retries = run.trace.filter((entry) => entry.kind === 'StateRetried').map((entry) => `${entry.state}:${entry.error}`);
    expect(retries).toEqual(['SuspendUser:Atlassian.Transient', 'SuspendUser:Atlassian.RateLimited']);
    expect(run.output).toMatchObject({ first: { outcome: 'done' } });
  });

  it('fails with the handler error name when the API rejects the key', async () => {
    // Act
    const run = await runWorkflow({
      workflow: 'leaver', definition: definition(), input: { email: 'alan.turing@acme.example' }, api: { ...api(), apiKey: 'wrong-key' }, shortenWaits: true,
    });

    // Assess
    expect(run.status).toBe('FAILED');
    expect(run.error).toBe('Atlassian.Unauthorized');
    expect(run.cause).not.toContain('wrong-key');
  });
});
