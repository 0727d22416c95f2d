import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createActionHandler } from '../../../functions/lib/middleware/create-action-handler.js';
import { currentLogger } from '../../../functions/lib/middleware/logger-scope.js';
import { rootLogger } from '../../../functions/lib/observability.js';
import { ACTIONS } from '../../../functions/registry.js';
import { captureOutput, fakeContext } from '../middleware/capture-output.js';
import { CANARY_API_KEY, EMAIL, IDS, accountIdOf, invoke, useSimulator } from './simulator-harness.js';

const harness = useSimulator();
const alan = accountIdOf(EMAIL.active);
const jira = IDS.sites.jira.resourceId;

const INPUTS: Record<string, Record<string, unknown>> = {
  findUser: { email: EMAIL.active },
  getUserAccess: { accountId: alan },
  suspendUser: { accountId: alan },
  restoreUser: { accountId: alan },
  removeUser: { accountId: accountIdOf(EMAIL.suspended) },
  inviteUser: { email: 'new.joiner@acme.example', name: 'New Joiner' },
  addToGroup: { accountId: alan, groupName: 'sales' },
  removeFromGroup: { accountId: alan, groupName: 'engineering' },
  grantRole: { accountId: alan, resourceId: jira, role: 'atlassian/admin' },
  revokeRole: { accountId: alan, resourceId: jira, role: 'atlassian/admin' },
  createGroup: { name: 'contractors' },
  deleteGroup: { groupName: 'finance' },
  assignGroupRole: { groupName: 'sales', resourceId: jira, role: 'atlassian/user' },
  revokeGroupRole: { groupName: 'sales', resourceId: jira, role: 'atlassian/user' },
  getLastActiveDates: { accountId: alan },
  listUsers: { limit: 2 },
};

describe('the org API key never reaches a log line', () => {
  const output = { lines: '' };
  let capture: ReturnType<typeof captureOutput>;
  beforeAll(() => rootLogger.setLogLevel('DEBUG'));
  afterAll(() => rootLogger.setLogLevel('INFO'));
  beforeEach(() => {
    capture = captureOutput();
    return () => {
      output.lines += capture.text();
      capture.restore();
    };
  });

  // The sweep's steps (report store) have their own canary test: test/unit/actions/sweep-actions.test.ts.
  for (const action of ACTIONS.filter((a) => a.usesAtlassianApi && !a.reportStore).map((a) => a.name)) {
    it(`${action}: success, repeat, invalid input and HTTP failures log without the key`, async () => {
      // Prepare
      const input = INPUTS[action];
      expect(input, `sample input for ${action}`).toBeDefined();

      // Act: the happy path, its repeat, then the error paths.
      await invoke(action, input);
      await invoke(action, input).catch(() => undefined);
      await invoke(action, { ...input, apiKey: CANARY_API_KEY }).catch(() => undefined);
      for (const status of [401, 403, 429, 500]) {
        harness.sim.control.failNext({ status, count: 1 });
        await invoke(action, input).catch(() => undefined);
      }

      // Assess
      const text = capture.text();
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toContain(CANARY_API_KEY);
    });
  }

  it('no registered action (workflow-logic ones included) echoes a key smuggled into its input', async () => {
    for (const action of ACTIONS) {
      await invoke(action.name, { apiKey: CANARY_API_KEY, note: `key=${CANARY_API_KEY}` }).catch(() => undefined);
    }
    expect(capture.text()).toContain('"errorName":"Jml.InvalidInput"');
    expect(capture.text()).not.toContain(CANARY_API_KEY);
  });

  it('masks the key even when a failure message carries it, in the log and in the thrown error', async () => {
    // Prepare: a loaded key is registered with the redactor; this core leaks it on purpose.
    await invoke('findUser', { email: EMAIL.active });
    const leaky = createActionHandler({
      name: 'leaky',
      inputSchema: z.strictObject({}),
      resolveDeps: () => ({}),
      run: async () => {
        currentLogger().info(`about to call with ${CANARY_API_KEY}`, { headers: { authorization: `Bearer ${CANARY_API_KEY}` }, key: CANARY_API_KEY });
        throw new Error(`request failed with Authorization: Bearer ${CANARY_API_KEY}`);
      },
    });

    // Act
    const error = await leaky({}, fakeContext() as never).catch((e: Error) => e);

    // Assess
    expect((error as Error).message).not.toContain(CANARY_API_KEY);
    expect(capture.text()).toContain('Action failed unexpectedly');
    expect(capture.text()).toContain('about to call with [REDACTED]');
    expect(capture.text()).not.toContain(CANARY_API_KEY);
  });

  it('saw every handler log something (the captures above are not empty)', () => {
    for (const action of Object.keys(INPUTS)) expect(output.lines).toContain(`"action":"${action}"`);
  });
});
