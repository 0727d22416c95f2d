import { describe, expect, it } from 'vitest';
import { runScript } from './cli-harness.js';

describe('npm run demo', () => {
  it('runs every step as expected and exits 0', async () => {
    // Act
    const result = await runScript('local/demo.ts', []);

    // Assess
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/The people this demo touches, before:/);
    expect(result.stdout).toMatch(/The same people, after:/);
    expect(result.stdout).toMatch(/All 8 steps ended as expected\./);
    expect(result.stdout.match(/✓ as expected/g)).toHaveLength(8);
    // The HR scene: a signed webhook at the local runtime starts the leaver; a forged one is refused.
    expect(result.stdout).toMatch(/a forged delivery \(wrong Bob-Signature\): 401/);
    expect(result.stdout).toMatch(/started leaver-hibob-\S+: RUNNING, frank\.audit@acme\.example is suspended/);
    expect(result.stdout).not.toMatch(/^\{"level"/m); // stdout is the demo's, not handler logs
    expect(result.stdout).toMatch(/leaver\s+\S+\s+\d+ transitions/);
    // The closing table names each step in full, JSON included (it was cut to `acting ({"dryRun"`).
    expect(result.stdout).toMatch(/^ {2}sweep +SUCCEEDED +\d+ transitions +\d+ ms {2}Inactivity sweep, acting \(\{"dryRun": false\}\)$/m);
    expect(result.stdout).toMatch(/^ {2}leaver +SUCCEEDED +\d+ transitions +\d+ ms {2}Leaver, dry run$/m);
    expect(result.stdout).toMatch(/Dry run of the inactivity sweep: .* Report: \S+report\.html/);
    expect(result.stdout).toMatch(/The inactivity sweep finished: .*2 to suspend, 2 to reclaim.* Report: \S+report\.html/);
  }, 60_000);
});
