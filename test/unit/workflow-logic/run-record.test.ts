import { describe, expect, it } from 'vitest';
import { checkProtected, handler as checkProtectedHandler } from '../../../functions/actions/check-protected.js';
import { recordFailure } from '../../../functions/actions/record-failure.js';
import { summarizeRun } from '../../../functions/actions/summarize-run.js';
import { verifyResults } from '../../../functions/actions/verify-results.js';
import { createLambdaContext } from '../../../local/engine/lambda-context.js';
import { rootLogger } from '../../../functions/lib/observability.js';
import { USER, deps, rejection } from './logic-fixtures.js';
import { parseJmlConfig } from '../../../functions/lib/config/load-jml-config.js';

const done = (action: string, target: string) => ({ action, target, outcome: 'done' as const, detail: 'ok' });
const failed = (target: string) => ({
  action: 'addToGroup',
  target,
  outcome: 'failed' as const,
  error: 'Atlassian.Forbidden',
  cause: JSON.stringify({ errorType: 'Atlassian.Forbidden', errorMessage: 'HTTP 403: not allowed' }),
});

describe('run record actions', () => {
  it('verifyResults passes a clean record and fails with the first failed action\'s error name', async () => {
    // Act
    const clean = await verifyResults({ results: { suspend: done('suspendUser', 'acc-1'), groups: [done('removeFromGroup', 'acc-1 -> a')] } });
    const message = await rejection(verifyResults({ results: { groups: [done('addToGroup', 'acc-1 -> a'), failed('acc-1 -> b')] } }), 'Atlassian.Forbidden');

    // Assess
    expect(clean).toEqual({ checked: 2 });
    expect(message).toBe('1 of 2 action(s) failed after retries: addToGroup acc-1 -> b: Atlassian.Forbidden: HTTP 403: not allowed.');
  });

  it('summarizeRun lists every action, adds in-place access as already, and counts outcomes', async () => {
    // Act
    const summary = await summarizeRun({
      workflow: 'mover',
      state: {
        request: { identifier: 'jane@example.com', dryRun: false, reason: 'HR-1' },
        lookup: { found: true, user: USER },
        plan: {
          accountId: 'acc-1',
          matchedRules: [],
          add: { groups: ['sales'], roles: [] },
          remove: { groups: [], roles: [] },
          inPlace: { groups: ['staff'], roles: [] },
          warnings: [],
        },
        results: { groupAdds: [done('addToGroup', 'acc-1 -> sales')] },
      },
      executionName: 'mover-1',
    }, deps());

    // Assess
    expect(summary.status).toBe('SUCCEEDED');
    expect(summary.actions.map((a) => `${a.target} ${a.outcome}`)).toEqual(['acc-1 -> staff already', 'acc-1 -> sales done']);
    expect(summary.counts).toEqual({ done: 1, already: 1, skipped: 0, failed: 0 });
    expect(summary.message).toContain('Jane Doe (acc-1)');
    expect(summary).toMatchObject({ executionName: 'mover-1', finishedAt: '2026-11-28T12:00:00.000Z' });
  });

  it('recordFailure builds the error and a JSON cause with what was completed and what failed', async () => {
    // Act
    const record = await recordFailure({
      workflow: 'leaver',
      state: {
        lookup: { found: true, user: USER },
        results: { suspend: done('suspendUser', 'acc-1'), groups: [failed('acc-1 -> b')] },
        failure: { Error: 'Atlassian.Forbidden', Cause: JSON.stringify({ errorMessage: '1 of 2 action(s) failed' }) },
      },
    });

    // Assess
    expect(record.error).toBe('Atlassian.Forbidden');
    const cause = JSON.parse(record.cause);
    expect(cause.errorMessage).toContain('The leaver failed: 1 of 2 action(s) failed Completed before the failure: 1 done');
    expect(cause.completed).toHaveLength(1);
    expect(cause.failed[0].target).toBe('acc-1 -> b');
  });

  it('checkProtected treats a user that was not found as not protected', async () => {
    // Act
    const verdict = await checkProtected({ lookup: { found: false } }, deps());

    // Assess
    expect(verdict).toEqual({ protected: false });
  });

  it('checkProtected refuses a not-found email the config lists (joiner: no invite of a protected address)', async () => {
    // Prepare
    const config = parseJmlConfig({ accessRules: [], protectedAccounts: [{ email: 'break.glass@example.com', reason: 'break-glass' }] });

    // Act
    const listed = await checkProtected({ lookup: { found: false }, email: 'Break.Glass@example.com' }, deps({ config }));
    const unlisted = await checkProtected({ lookup: { found: false }, email: 'new.hire@example.com' }, deps({ config }));

    // Assess
    expect(listed).toEqual({ protected: true, reason: expect.stringContaining('break-glass') });
    expect(unlisted).toEqual({ protected: false });
  });

  it('the handler strips _meta and reads the config from JML_CONFIG', async () => {
    // Prepare
    const previous = process.env.JML_CONFIG;
    process.env.JML_CONFIG = JSON.stringify({ accessRules: [], protectedAccounts: [{ email: 'jane@example.com', reason: 'test account' }] });
    rootLogger.setLogLevel('SILENT');

    // Act
    const verdict = await checkProtectedHandler(
      { user: USER, _meta: { executionName: 'x', stateName: 'CheckProtected' } },
      createLambdaContext('checkProtected'),
    ).finally(() => {
      rootLogger.setLogLevel('INFO');
      if (previous === undefined) delete process.env.JML_CONFIG;
      else process.env.JML_CONFIG = previous;
    });

    // Assess
    expect(verdict).toEqual({ protected: true, reason: expect.stringContaining('test account') });
  });
});

describe('dry-run plans', () => {
  it('a leaver dry run for a user already removed plans nothing but the (already done) removal', async () => {
    // Act
    const summary = await summarizeRun({
      workflow: 'leaver',
      state: {
        request: { identifier: 'jane@example.com', dryRun: true, graceDays: 30 },
        lookup: { found: true, user: { ...USER, membershipStatus: 'no_membership' } },
        snapshot: { accountId: 'acc-1', groups: [], roles: [] },
        results: {},
      },
    }, deps());

    // Assess
    expect(summary.status).toBe('DRY_RUN');
    expect(summary.planned).toEqual([{ action: 'removeUser', target: 'acc-1', detail: 'already removed from the directory: nothing to do', expectedOutcome: 'already' }]);
    expect(summary.message).toContain(': 0 planned change(s), 1 already in place; nothing changed.');
  });

  it('a leaver dry run counts only what would change, and says how many steps will be skipped', async () => {
    // Act
    const summary = await summarizeRun({
      workflow: 'leaver',
      state: {
        request: { identifier: 'jane@example.com', dryRun: true, graceDays: 0 },
        lookup: { found: true, user: USER },
        snapshot: {
          accountId: 'acc-1',
          groups: [
            { id: 'g1', name: 'engineering', synced: false, modifiable: true },
            { id: 'g2', name: 'okta-all-staff', synced: true, modifiable: false },
          ],
          roles: [],
        },
        results: {},
      },
    }, deps());

    // Assess: suspend, remove from engineering, remove from the directory; okta-all-staff is skipped
    expect(summary.planned?.map((step) => `${step.action} ${step.expectedOutcome}`)).toEqual([
      'suspendUser done', 'removeFromGroup done', 'removeFromGroup skipped', 'removeUser done',
    ]);
    expect(summary.message).toBe('Dry run of the leaver for Jane Doe (acc-1): 3 planned change(s), 1 will be skipped; nothing changed.');
  });
});

describe('run outputs and failure messages', () => {
  it('leave reason out of the output when the input gave none', async () => {
    // Prepare
    const state = (reason?: string) => ({ request: { identifier: 'jane@example.com', dryRun: false, ...(reason !== undefined ? { reason } : {}) }, lookup: { found: true as const, user: USER }, results: {} });

    // Act
    const [without, empty, given] = await Promise.all([
      summarizeRun({ workflow: 'joiner', state: state() }, deps()),
      summarizeRun({ workflow: 'joiner', state: state('') }, deps()),
      summarizeRun({ workflow: 'joiner', state: state('HR-7') }, deps()),
    ]);

    // Assess
    expect(without).not.toHaveProperty('reason');
    expect(empty).not.toHaveProperty('reason');
    expect(given.reason).toBe('HR-7');
  });

  it('end a failed action\'s sentence with one period before "Nothing had been changed."', async () => {
    // Prepare: a missing group, as requireGroup words it (its message ends with a period)
    const missing = {
      action: 'addToGroup',
      target: 'acc-1 -> ghosts',
      outcome: 'failed' as const,
      error: 'Atlassian.NotFound',
      cause: JSON.stringify({ errorType: 'Atlassian.NotFound', errorMessage: 'The group "ghosts" does not exist. Create the group first (createGroup) or correct the access rules that name it.' }),
    };
    const verifyMessage = await rejection(verifyResults({ results: { groupAdds: [missing] } }), 'Atlassian.NotFound');

    // Act
    const record = await recordFailure({
      workflow: 'joiner',
      state: { results: {}, failure: { Error: 'Atlassian.NotFound', Cause: JSON.stringify({ errorType: 'Atlassian.NotFound', errorMessage: verifyMessage }) } },
    });

    // Assess
    const { errorMessage } = JSON.parse(record.cause) as { errorMessage: string };
    expect(errorMessage).toContain('correct the access rules that name it. Nothing had been changed.');
    expect(errorMessage).not.toMatch(/\.\./);
  });
});

describe('recordFailure on a very long record', () => {
  it('keeps the cause under the Step Functions limit and says how many entries it left out', async () => {
    // Prepare
    const many = Array.from({ length: 400 }, (_, i) => done('removeFromGroup', `acc-1 -> group-with-a-long-name-${i}`));

    // Act
    const record = await recordFailure({
      workflow: 'leaver',
      state: { results: { groups: many }, failure: { Error: 'Atlassian.Forbidden', Cause: 'no' } },
    });

    // Assess
    const cause = JSON.parse(record.cause);
    expect(record.cause.length).toBeLessThanOrEqual(30_000);
    expect(cause.completedOmitted + cause.completed.length).toBe(400);
    expect(cause.completed.at(-1).target).toBe('acc-1 -> group-with-a-long-name-399');
  });
});
