import { describe, expect, it } from 'vitest';
import { prepareRequest } from '../../../functions/actions/prepare-request.js';
import { parseJmlConfig } from '../../../functions/lib/config/load-jml-config.js';
import type { LogicDeps } from '../../../functions/lib/workflow-logic/logic-action.js';

const NOW = new Date('2026-09-01T06:00:00.123Z');
const deps = (enforce: boolean): LogicDeps => ({
  config: parseJmlConfig({ accessRules: [], inactivity: { enforce, rules: [] } }),
  logger: { info() {}, warn() {}, error() {}, debug() {} } as unknown as LogicDeps['logger'],
  now: () => NOW,
});

describe('prepareRequest for the sweep', () => {
  it('is a dry run unless the config enforces or the input says dryRun: false', async () => {
    expect((await prepareRequest({ workflow: 'sweep', input: {}, executionName: 'x' }, deps(false))).dryRun).toBe(true);
    expect((await prepareRequest({ workflow: 'sweep', input: {}, executionName: 'x' }, deps(true))).dryRun).toBe(false);
    expect((await prepareRequest({ workflow: 'sweep', input: { dryRun: true }, executionName: 'x' }, deps(true))).dryRun).toBe(true);
    expect((await prepareRequest({ workflow: 'sweep', input: { dryRun: false }, executionName: 'x' }, deps(false))).dryRun).toBe(false);
  });

  it('names the run folder by date and execution, safe for any store', async () => {
    // Act
    const request = await prepareRequest({ workflow: 'sweep', input: { reason: 'CHG-1' }, executionName: 'sweep nightly (Europe)' }, deps(false));

    // Assess
    expect(request).toEqual({
      workflow: 'sweep', dryRun: true, reason: 'CHG-1', overrideLimits: false,
      reportPrefix: 'sweep/2026-09-01/sweep_nightly__Europe_/', startedAt: '2026-09-01T06:00:00.123Z', scheduledAt: '2026-09-01T06:00:00.123Z',
    });
  });

  it('files a scheduled run under the run time it stands for, not the day it started', async () => {
    const request = await prepareRequest({ workflow: 'sweep', input: { scheduledAt: '2026-08-31T06:00:00+00:00' }, executionName: 'late' }, deps(false));
    expect(request).toMatchObject({ reportPrefix: 'sweep/2026-08-31/late/', startedAt: '2026-09-01T06:00:00.123Z', scheduledAt: '2026-08-31T06:00:00.000Z' });
  });

  it('refuses unknown fields before any API call', async () => {
    await expect(prepareRequest({ workflow: 'sweep', input: { dryrun: true } }, deps(false))).rejects.toMatchObject({
      name: 'Jml.InvalidInput',
      message: expect.stringContaining('unknown field(s) "dryrun"'),
    });
  });
});
