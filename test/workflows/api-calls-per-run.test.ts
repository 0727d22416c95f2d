import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runWorkflow } from '../../local/engine/run-workflow.js';
import { startSimulator, type RunningSimulator } from '../../local/simulator/index.js';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy.js';
import { EXAMPLE_CONFIG_FILE, outcomes } from './support/workflow-harness.js';

/**
 * Every Atlassian call spends the org's rate limit (a layoff burst, a 100,000-user sweep), so the
 * calls a run makes are counted on the wire and pinned here: facts a workflow already holds (the
 * lookup, the snapshot's group ids and sync flags) travel to the actions instead of being re-read.
 */
let sim: RunningSimulator;
let proxy: RecordingProxy;
beforeAll(async () => {
  sim = await startSimulator({ rateLimits: false });
  proxy = await startRecordingProxy(sim.baseUrl);
});
afterAll(async () => {
  await proxy.close();
  await sim.close();
});
beforeEach(() => {
  sim.control.reset();
});

/** Runs a workflow through the proxy; returns the calls it made, without the once-per-container directory lookup. */
async function callsOf(workflow: 'leaver' | 'mover', input: object) {
  const api = { baseUrl: proxy.baseUrl, apiKey: sim.apiKey, orgId: sim.orgId, directoryId: sim.directoryId };
  // A first run warms the handlers' directory (id check) so the count is what every later run pays.
  await runWorkflow({ workflow: 'leaver', input: { email: 'nobody@acme.example' }, api, configFile: EXAMPLE_CONFIG_FILE, shortenWaits: true });
  proxy.requests.length = 0;
  const run = await runWorkflow({ workflow, input, api, configFile: EXAMPLE_CONFIG_FILE, shortenWaits: true });
  // Sorted: the snapshot's two reads run in parallel, so their order varies.
  return { run, calls: proxy.summary().sort() };
}

const sorted = (calls: string[]) => [...calls].sort();

describe('Atlassian API calls per run', () => {
  it('a leaver of a user in 3 groups makes 9 calls (was 18)', async () => {
    // Act
    const { run, calls } = await callsOf('leaver', { email: 'alan.turing@acme.example' });

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    expect(calls).toEqual(sorted([
      'POST /admin/v2/orgs/{id}/directories/{id}/users/search', // find
      'POST /admin/v2/orgs/{id}/directories/{id}/groups/search', // snapshot: groups
      'GET /admin/v2/orgs/{id}/directories/{id}/users/{id}/role-assignments', // snapshot: roles
      'POST /admin/v2/orgs/{id}/directories/{id}/users/{id}/suspend',
      ...Array(3).fill('DELETE /admin/v2/orgs/{id}/directories/{id}/groups/{id}/memberships/{id}'),
      'GET /admin/v2/orgs/{id}/directories/{id}/users/{id}', // still suspended after the grace period?
      'DELETE /admin/v2/orgs/{id}/directories/{id}/users/{id}',
    ]));
  });

  it('the same leaver again reports already with 2 reads and no write', async () => {
    // Prepare
    await callsOf('leaver', { email: 'alan.turing@acme.example' });

    // Act
    const { run, calls } = await callsOf('leaver', { email: 'alan.turing@acme.example' });

    // Assess
    expect(outcomes(run.output).every((line) => line.endsWith('already'))).toBe(true);
    expect(calls).toEqual(sorted(['POST /admin/v2/orgs/{id}/directories/{id}/users/search', 'GET /admin/v2/orgs/{id}/directories/{id}/users/{id}']));
  });

  it('a mover with 1 add and 3 removals makes 8 calls (was 16)', async () => {
    // Act
    const { run, calls } = await callsOf('mover', { email: 'ada.lovelace@acme.example', department: 'Sales' });

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    expect(calls).toEqual(sorted([
      'POST /admin/v2/orgs/{id}/directories/{id}/users/search', // find
      'POST /admin/v2/orgs/{id}/directories/{id}/groups/search', // snapshot: groups
      'GET /admin/v2/orgs/{id}/directories/{id}/users/{id}/role-assignments', // snapshot: roles
      'POST /admin/v2/orgs/{id}/directories/{id}/groups/search', // the added group's id, by name
      'POST /admin/v2/orgs/{id}/directories/{id}/groups/{id}/memberships',
      ...Array(3).fill('DELETE /admin/v2/orgs/{id}/directories/{id}/groups/{id}/memberships/{id}'),
    ]));
  });
});
