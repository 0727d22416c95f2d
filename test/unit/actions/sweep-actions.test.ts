import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootLogger } from '../../../functions/lib/observability.js';
import { captureOutput } from '../middleware/capture-output.js';
import { CANARY_API_KEY, EMAIL, IDS, accountIdOf, invoke, useSimulator } from './simulator-harness.js';

/** The sweep's API steps as Lambda runs them: named errors for HTTP failures, logs without the key. */
const harness = useSimulator();
const PREFIX = 'sweep/2026-09-01/unit/';
const START = { done: false, nextPart: 0, pages: 0, accounts: 0 };
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jml-sweep-actions-'));
  process.env.JML_REPORT_DIR = dir;
  process.env.JML_CONFIG_FILE = new URL('../../../config/jml.example.yaml', import.meta.url).pathname;
  process.env.JML_LAST_ACTIVE_PER_MINUTE = '60000';
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const reclaim = () => ({
  reportPrefix: PREFIX,
  target: { accountId: accountIdOf(EMAIL.active), email: EMAIL.active, action: 'reclaim', rule: 'r', groups: [{ id: IDS.groupId('confluence-users'), name: 'confluence-users' }] },
});

describe('sweep steps against the simulator', () => {
  it('scanDirectory reads the whole demo org in one step and reports it done', async () => {
    // Act
    const progress = await invoke('scanDirectory', { reportPrefix: PREFIX, progress: START });

    // Assess
    expect(progress).toEqual({ done: true, nextPart: 1, pages: 1, accounts: 23 });
  });

  it('sweepAccount reclaim is idempotent: done, then already', async () => {
    // Act
    const first = await invoke('sweepAccount', reclaim());
    const again = await invoke('sweepAccount', reclaim());

    // Assess
    expect(first).toMatchObject({ action: 'reclaimLicence', outcome: 'done' });
    expect(again).toMatchObject({ action: 'reclaimLicence', outcome: 'already' });
  });

  it.each([
    [503, 'Atlassian.Transient'],
    [429, 'Atlassian.RateLimited'],
    [403, 'Atlassian.Forbidden'],
    [401, 'Atlassian.Unauthorized'],
  ])('an HTTP %i is %s for scanDirectory and sweepAccount', async (status, name) => {
    // Prepare
    await invoke('scanDirectory', { reportPrefix: PREFIX, progress: START }); // directory id known

    // Act / Assess
    harness.sim.control.failNext({ status, count: 1 });
    await expect(invoke('scanDirectory', { reportPrefix: PREFIX, progress: START })).rejects.toMatchObject({ name });
    harness.sim.control.failNext({ status, count: 1 });
    await expect(invoke('sweepAccount', reclaim())).rejects.toMatchObject({ name });
  });

  it('confirmInactivity without the decide step says the run must start again', async () => {
    await expect(invoke('confirmInactivity', { reportPrefix: 'sweep/none/', startedAt: '2026-09-01T06:00:00Z', decision: { toAct: [] } })).rejects.toMatchObject({ name: 'Jml.Configuration' });
  });

  it('never logs the org API key, on success or failure', async () => {
    // Prepare
    rootLogger.setLogLevel('DEBUG');
    const capture = captureOutput();
    try {
      // Act
      await invoke('scanDirectory', { reportPrefix: PREFIX, progress: START });
      await invoke('sweepAccount', reclaim());
      for (const status of [401, 403, 429, 500]) {
        harness.sim.control.failNext({ status, count: 1 });
        await invoke('scanDirectory', { reportPrefix: PREFIX, progress: START }).catch(() => undefined);
      }

      // Assess
      expect(capture.text().length).toBeGreaterThan(0);
      expect(capture.text()).not.toContain(CANARY_API_KEY);
    } finally {
      capture.restore();
      rootLogger.setLogLevel('WARN');
    }
  });
});
