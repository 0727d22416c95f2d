import { describe, expect, it } from 'vitest';
import { parseJmlConfig } from '../../../functions/lib/config/load-jml-config.js';
import { blastRadiusMessage, MAX_ACTIONS_PER_RUN, sweepLimitVerdict } from '../../../functions/lib/sweep/blast-radius.js';
import { exampleConfig } from '../../workflows/support/workflow-harness.js';

const problemsOf = (config: unknown): string => {
  try {
    parseJmlConfig(config, 'test.yaml');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the config to be refused');
};

describe('inactivity config', () => {
  it('defaults to report-only with no rules and a blast radius of 50 accounts or 5%', () => {
    // Act
    const config = parseJmlConfig({ accessRules: [] });

    // Assess
    expect(config.inactivity).toEqual({ enforce: false, rules: [], exclude: { addedWithinDays: 30, groups: [] }, newAccessGraceDays: 30 });
    expect(config.limits.maxSweepActions).toEqual({ count: 50, percent: 5 });
  });

  it('reads the example config: three rules, not enforced', () => {
    // Act
    const { inactivity, limits } = exampleConfig();

    // Assess
    expect(inactivity.enforce).toBe(false);
    expect(inactivity.rules.map((rule) => `${rule.id}:${rule.product}:${rule.inactiveDays}:${rule.action}`)).toEqual([
      'suspend-dormant:all:180:suspend', 'reclaim-jira:jira:90:reclaim', 'reclaim-confluence:confluence:90:reclaim',
    ]);
    expect(limits.maxSweepActions).toEqual({ count: 25, percent: 25 });
  });

  it('newAccessGraceDays: 0 switches the grace off; more than the audit log keeps (180 days) is refused', () => {
    // Act
    const off = parseJmlConfig({ accessRules: [], inactivity: { newAccessGraceDays: 0 } });
    const tooLong = problemsOf({ accessRules: [], inactivity: { newAccessGraceDays: 365 } });
    const notWhole = problemsOf({ accessRules: [], inactivity: { newAccessGraceDays: 2.5 } });

    // Assess
    expect(off.inactivity.newAccessGraceDays).toBe(0);
    expect(tooLong).toContain('inactivity.newAccessGraceDays: newAccessGraceDays is at most 180 days: Atlassian keeps audit events for 180 days');
    expect(notWhole).toContain('inactivity.newAccessGraceDays: newAccessGraceDays must be a whole number of days');
  });

  it('names each wrong entry', () => {
    // Act
    const message = problemsOf({
      accessRules: [],
      limits: { maxSweepActions: { count: -1, percent: 150 } },
      inactivity: {
        enforce: 'yes',
        rules: [
          { id: 'a', product: 'jira', inactiveDays: 0, action: 'reclaim' },
          { id: 'a', product: 'Jira Software', inactiveDays: 90, action: 'delete' },
        ],
        exclude: { groups: [''] },
      },
    });

    // Assess
    expect(message).toContain('limits.maxSweepActions.count: count cannot be negative');
    expect(message).toContain('limits.maxSweepActions.percent: percent is at most 100');
    expect(message).toContain('inactivity.enforce: enforce must be true or false');
    expect(message).toContain('inactivity.rules[0].inactiveDays: inactiveDays must be at least 1 day(s)');
    expect(message).toContain('inactivity.rules[1].product: a product is a product key');
    expect(message).toContain("inactivity.rules[1].action: action must be 'reclaim'");
    expect(message).toContain('inactivity.exclude.groups[0]: expected a group name, got an empty string');
  });

  it('refuses two rules with the same id', () => {
    expect(problemsOf({ accessRules: [], inactivity: { rules: [
      { id: 'x', product: 'all', inactiveDays: 90, action: 'suspend' },
      { id: 'x', product: 'jira', inactiveDays: 90, action: 'reclaim' },
    ] } })).toContain('inactivity.rules[1].id: duplicate rule id "x" (also rules[0])');
  });
});

describe('blast radius', () => {
  it('the lower of the count and the percentage of active accounts wins', () => {
    expect(sweepLimitVerdict({ count: 50, percent: 5 }, 100_000, 60, false)).toMatchObject({ limit: 50, allowed: 50, blocked: true });
    expect(sweepLimitVerdict({ count: 50, percent: 5 }, 400, 21, false)).toMatchObject({ limit: 20, blocked: true });
    expect(sweepLimitVerdict({ count: 50, percent: 5 }, 400, 20, false)).toMatchObject({ limit: 20, blocked: false });
  });

  it('overrideLimits lifts the limit up to the per-run cap only', () => {
    expect(sweepLimitVerdict({ count: 5, percent: 5 }, 1000, 150, true)).toMatchObject({ limit: 5, allowed: MAX_ACTIONS_PER_RUN, blocked: false });
    expect(sweepLimitVerdict({ count: 5, percent: 5 }, 100_000, MAX_ACTIONS_PER_RUN + 1, true).blocked).toBe(true);
  });

  it('says how many, where the report is and how to proceed', () => {
    // Act
    const message = blastRadiusMessage(sweepLimitVerdict({ count: 50, percent: 5 }, 100_000, 60, false), 's3://bucket/reports/sweep/x/report.html');

    // Assess
    expect(message).toContain('found 60 account(s) to act on, more than this run may change (50;');
    expect(message).toContain('Nothing was changed.');
    expect(message).toContain('s3://bucket/reports/sweep/x/report.html');
    expect(message).toContain('{"overrideLimits": true}');
  });
});
