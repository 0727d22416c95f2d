import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { exampleConfig, failureRecord, groupNames, run, simUser } from './support/workflow-harness.js';
import { useDemoSimulator } from './support/demo-simulator.js';

/** The org-wide brake: limits.maxLeaversPerDay, counted across every execution. */

const ALAN = 'alan.turing@acme.example';
const DENNIS = 'dennis.ritchie@acme.example';
const MARGARET = 'margaret.hamilton@acme.example';
const GRACE = 'grace.hopper@acme.example'; // protected by the example config

const TEN_PEOPLE = [
  'ada.lovelace', 'alan.turing', 'linus.torvalds', 'margaret.hamilton', 'dennis.ritchie',
  'barbara.liskov', 'sally.sales', 'sam.seller', 'sid.ticket', 'fiona.ledger',
].map((name) => `${name}@acme.example`);

function withLimit(maxLeaversPerDay: number) {
  const config = exampleConfig();
  return { ...config, limits: { ...config.limits, maxLeaversPerDay } };
}

describe('leaver: the daily brake on mass offboarding', () => {
  const sim = useDemoSimulator();

  it('limit 2: two leavers act, the third fails with Jml.BlastRadiusExceeded and changes nothing', async () => {
    // Prepare
    const config = withLimit(2);
    const groupsBefore = groupNames(sim(), MARGARET);

    // Act
    const first = await run(sim(), 'leaver', { email: ALAN, graceDays: 0 }, { config });
    const second = await run(sim(), 'leaver', { email: DENNIS, graceDays: 0 }, { config });
    const third = await run(sim(), 'leaver', { email: MARGARET, graceDays: 0 }, { config });

    // Assess
    expect([first.status, second.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect((second.output as any).changeBudget).toMatchObject({ kind: 'leaver', limit: 2, used: 2, outcome: 'reserved' });
    expect(third.status).toBe('FAILED');
    expect(third.error).toBe('Jml.BlastRadiusExceeded');
    expect(third.path.slice(-3)).toEqual(['ReserveChangeBudget', 'RecordFailure', 'Failed']);
    expect(third.transitions).toBe(8);
    const record = failureRecord(third);
    expect(record.errorMessage).toContain('limits.maxLeaversPerDay is 2');
    expect(record.errorMessage).toContain('"overrideLimits": true');
    expect(record.errorMessage).toMatch(/For margaret.hamilton@acme.example \(.+\), nothing was changed\.$/);
    expect(record.completed).toEqual([]);
    expect(simUser(sim(), MARGARET).membershipStatus).toBe('active');
    expect(groupNames(sim(), MARGARET)).toEqual(groupsBefore);
  });

  it('with overrideLimits the refused leaver runs, and the output records the override', async () => {
    // Prepare
    const config = withLimit(1);
    await run(sim(), 'leaver', { email: ALAN, graceDays: 0 }, { config });
    const refused = await run(sim(), 'leaver', { email: MARGARET, graceDays: 0 }, { config });

    // Act
    const overridden = await run(sim(), 'leaver', { email: MARGARET, graceDays: 0, overrideLimits: true }, { config });

    // Assess
    expect(refused.error).toBe('Jml.BlastRadiusExceeded');
    expect(overridden.status).toBe('SUCCEEDED');
    const output = overridden.output as any;
    expect(output.changeBudget).toMatchObject({ outcome: 'overridden', used: 2, limit: 1 });
    expect(output.message).toContain('overridden (overrideLimits)');
    expect(simUser(sim(), MARGARET).membershipStatus).toBe('no_membership');
  });

  it('dry runs, refusals and already-removed users do not count', async () => {
    // Prepare
    const config = withLimit(1);
    await run(sim(), 'leaver', { email: DENNIS, dryRun: true }, { config });
    await run(sim(), 'leaver', { email: GRACE }, { config });
    await run(sim(), 'leaver', { email: 'nobody@acme.example' }, { config });
    const acting = await run(sim(), 'leaver', { email: ALAN, graceDays: 0 }, { config });

    // Act
    const rerun = await run(sim(), 'leaver', { email: ALAN }, { config });
    const next = await run(sim(), 'leaver', { email: DENNIS, graceDays: 0 }, { config });

    // Assess
    expect(acting.status).toBe('SUCCEEDED');
    expect((acting.output as any).changeBudget).toMatchObject({ used: 1 });
    expect(rerun.status).toBe('SUCCEEDED');
    expect(rerun.path).not.toContain('ReserveChangeBudget');
    expect(next.error).toBe('Jml.BlastRadiusExceeded');
  });

  it('10 leavers started at once with limit 5: exactly 5 act, 5 change nothing', async () => {
    // Act
    const runs = await Promise.all(TEN_PEOPLE.map((email) => run(sim(), 'leaver', { email, graceDays: 0 }, { config: withLimit(5) })));

    // Assess
    const acted = TEN_PEOPLE.filter((email) => simUser(sim(), email).membershipStatus === 'no_membership');
    const untouched = TEN_PEOPLE.filter((email) => simUser(sim(), email).membershipStatus === 'active' && groupNames(sim(), email).length > 0);
    expect(runs.filter((r) => r.status === 'SUCCEEDED')).toHaveLength(5);
    expect(runs.filter((r) => r.error === 'Jml.BlastRadiusExceeded')).toHaveLength(5);
    expect(acted).toHaveLength(5);
    expect(untouched).toHaveLength(5);
  });

  describe('counted in a SQLite file (JML_CHANGE_BUDGET_DB, as the local runtime sets it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jml-budget-'));
    afterEach(() => {
      delete process.env.JML_CHANGE_BUDGET_DB;
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('10 leavers at once with limit 5: exactly 5 act, and a later one that day is refused too', async () => {
      // Prepare
      process.env.JML_CHANGE_BUDGET_DB = join(dir, 'budget.db');

      // Act
      const runs = await Promise.all(TEN_PEOPLE.map((email) => run(sim(), 'leaver', { email, graceDays: 0 }, { config: withLimit(5) })));
      sim().control.reset();
      const later = await run(sim(), 'leaver', { email: ALAN, graceDays: 0 }, { config: withLimit(5) });

      // Assess
      expect(runs.filter((r) => r.status === 'SUCCEEDED')).toHaveLength(5);
      expect(runs.filter((r) => r.error === 'Jml.BlastRadiusExceeded')).toHaveLength(5);
      expect(later.error).toBe('Jml.BlastRadiusExceeded');
    });
  });
});
