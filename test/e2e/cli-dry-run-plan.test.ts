import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-harness.js';

const reportDir = mkdtempSync(join(tmpdir(), 'jml-dry-run-plan-'));
afterAll(() => rmSync(reportDir, { recursive: true, force: true }));

describe('jml run --dry-run shows who and what it would change', () => {
  it('a dry-run sweep lists each account to act on (email, name, decision, rule, reason) in its output and its trace', async () => {
    // Act: the embedded demo org, the example config's rules
    const result = await runCli(['run', 'sweep', '--dry-run'], { JML_REPORT_DIR: reportDir });

    // Assess
    expect(result.code, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as { status: string; decisions: { suspend: number; reclaim: number }; planned: Array<Record<string, string>>; plannedMore: number };
    expect(output.status).toBe('DRY_RUN');
    expect(output.planned).toHaveLength(output.decisions.suspend + output.decisions.reclaim);
    expect(output.plannedMore).toBe(0);
    expect(output.planned).toContainEqual({
      accountId: expect.any(String), email: 'dennis.ritchie@acme.example', name: 'Dennis Ritchie', decision: 'suspend', rule: 'suspend-dormant',
      reason: expect.stringContaining('no activity in any product'),
    });
    expect(output.planned.every((entry) => ['suspend', 'reclaim'].includes(entry.decision))).toBe(true);
    expect(result.stderr).toContain(`  plan (${output.planned.length}):`);
    expect(result.stderr).toMatch(/^ {4}· suspend dennis\.ritchie@acme\.example \(Dennis Ritchie\), rule suspend-dormant: no activity/m);
    expect(result.stderr.indexOf('  plan (')).toBeLessThan(result.stderr.indexOf('■ SUCCEEDED'));
  });

  it('a dry-run leaver shows its planned actions in the trace', async () => {
    const result = await runCli(['run', 'leaver', '--dry-run', '--input', '{"email":"alan.turing@acme.example"}']);

    expect(result.code, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as { planned: unknown[] };
    expect(result.stderr).toContain(`  plan (${output.planned.length}):`);
    expect(result.stderr).toMatch(/^ {4}· suspendUser \S+: suspend directory access$/m);
    expect(result.stderr).toMatch(/^ {4}· removeFromGroup \S+ -> confluence-users: remove membership$/m);
  });
});
