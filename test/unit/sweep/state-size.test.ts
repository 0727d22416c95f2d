import { describe, expect, it } from 'vitest';
import { MAX_ACTIONS_PER_RUN, sweepLimitVerdict, blastRadiusMessage } from '../../../functions/lib/sweep/blast-radius.js';
import type { SweepTarget } from '../../../functions/lib/sweep/sweep-types.js';

/** Step Functions' limit for a state's input or output (and an execution's output). */
const STATE_LIMIT = 256 * 1024;

describe('sweep state size', () => {
  it(`stays under 256 KB with ${MAX_ACTIONS_PER_RUN} accounts, each in 5 access groups, after the Map`, () => {
    // Prepare: long ids, emails and group names: the worst a real org plausibly has.
    const id = (n: number) => `712020:${String(n).padStart(8, '0')}-aaaa-bbbb-cccc-dddddddddddd`;
    const email = (n: number) => `firstname.middlename.lastname.${n}@subsidiary.example-corporation.com`;
    const groups = Array.from({ length: 5 }, (_, g) => ({ id: `group-${g}-0000-1111-2222-333333333333`, name: `product-access-group-with-a-long-name-${g}` }));
    const toAct: SweepTarget[] = Array.from({ length: MAX_ACTIONS_PER_RUN }, (_, n) => ({ accountId: id(n), email: email(n), action: 'reclaim', rule: 'reclaim-confluence-after-90-days', groups }));
    const actions = toAct.map((t) => ({ action: 'reclaimLicence', target: t.accountId, outcome: 'done', detail: 'Removed from 5 groups; the account stays active.', accountId: t.accountId, email: t.email }));
    const limit = sweepLimitVerdict({ count: 50, percent: 5 }, 200_000, MAX_ACTIONS_PER_RUN, true);
    const state = {
      request: { workflow: 'sweep', dryRun: false, reason: 'x'.repeat(500), overrideLimits: true, reportPrefix: `sweep/2026-09-01/${'n'.repeat(80)}/`, startedAt: '2026-09-01T06:00:00.000Z' },
      results: { actions },
      scan: { done: true, nextPart: 40, pages: 2000, accounts: 200_000 },
      decision: { accounts: 200_000, counts: { suspend: 0, reclaim: MAX_ACTIONS_PER_RUN, keep: 199_000, excluded: 750, spared: 0 }, due: MAX_ACTIONS_PER_RUN, limit, blocked: false, message: blastRadiusMessage(limit, 's3://bucket/key'), toAct, spared: 0, confirmed: true },
      report: { html: `s3://jml-reports-bucket/reports/sweep/2026-09-01/${'n'.repeat(80)}/report.html`, csv: `s3://jml-reports-bucket/reports/sweep/2026-09-01/${'n'.repeat(80)}/report.csv` },
    };

    // Act
    const size = Buffer.byteLength(JSON.stringify(state));

    // Assess
    expect(size).toBeLessThan(STATE_LIMIT);
  });
});
