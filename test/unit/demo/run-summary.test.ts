import { describe, expect, it } from 'vitest';
import { reportedActions, summarizeRun } from '../../../local/demo/run-summary.js';
import { renderPeopleTable } from '../../../local/demo/org-snapshot.js';
import type { WorkflowRun } from '../../../local/engine/run-workflow.js';

const base: WorkflowRun = { status: 'SUCCEEDED', executionName: 'x', transitions: 12, trace: [], durationMs: 40 };

describe('summarizeRun', () => {
  it('names the person instead of the account id and explains everything not simply done', () => {
    // Prepare
    const run: WorkflowRun = {
      ...base,
      output: {
        user: { accountId: 'acc-9', name: 'Linus Torvalds' },
        actions: [
          { action: 'suspendUser', target: 'acc-9', outcome: 'done', detail: 'Suspended.' },
          { action: 'removeFromGroup', target: 'acc-9 -> okta-all-staff', outcome: 'skipped', detail: 'Synced from the IdP.' },
        ],
        counts: { done: 1 },
      },
    };

    // Act
    const lines = summarizeRun(run);

    // Assess
    expect(lines).toEqual([
      'Succeeded (40 ms, 12 state transitions). 1 done, 1 skipped.',
      '  - suspendUser Linus Torvalds: done',
      '  - removeFromGroup Linus Torvalds -> okta-all-staff: skipped (Synced from the IdP.)',
    ]);
  });

  it('reports a refusal with the error and a readable cause', () => {
    // Prepare
    const run: WorkflowRun = { ...base, status: 'FAILED', error: 'Jml.ProtectedAccount', cause: '{"errorType":"Jml.ProtectedAccount","errorMessage":"olivia is an org admin"}' };

    // Act
    const [verdict] = summarizeRun(run);

    // Assess
    expect(verdict).toBe('Refused (40 ms, 12 state transitions) with Jml.ProtectedAccount: olivia is an org admin. Before that: no actions.');
  });
});

describe('reportedActions', () => {
  it('treats a dry run plan (no outcome) as planned and drops duplicates', () => {
    // Act
    const actions = reportedActions({ planned: [{ action: 'removeUser', target: 'a' }], summary: { actions: [{ action: 'removeUser', target: 'a' }] } });

    // Assess
    expect(actions).toEqual([{ action: 'removeUser', target: 'a', outcome: 'planned', detail: undefined }]);
  });
});

describe('renderPeopleTable', () => {
  it('shows one row per person and wraps long group lists under their column', () => {
    // Act
    const lines = renderPeopleTable([{ email: 'a@x.example', status: 'active', groups: ['g1', 'g2', 'g3'], roles: ['jira:admin'] }], 50);

    // Assess
    expect(lines[0]).toMatch(/^Person\s+Status\s+Groups \/ direct roles$/);
    expect(lines.slice(2).join('\n')).toContain('a@x.example  active     g1, g2, g3, [jira:admin]');
  });
});
