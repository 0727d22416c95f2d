import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../local/engine/manual-clock.js';
import { runWorkflow } from '../../local/engine/run-workflow.js';
import { DEMO_SITES, startSimulator } from '../../local/simulator/index.js';
import { startRecordingProxy } from '../support/recording-proxy.js';
import { runScript } from '../e2e/cli-harness.js';
import { useDemoSimulator } from './support/demo-simulator.js';
import { decisionsOf, runSweep, sweepConfig, useReportDir } from './support/sweep-harness.js';
import { groupNames, run, simUser } from './support/workflow-harness.js';

/**
 * Issue 17, item 2: the sweep must not take back product access granted within
 * `inactivity.newAccessGraceDays` (default 30), whoever granted it (the mover, an admin by hand),
 * also in another process days later: the org's audit log says when access was granted.
 */
const SAM = 'sam.mover@acme.example';
const PAT = 'pat.byhand@acme.example';
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const dateOf = (iso: string) => iso.slice(0, 10);

describe('the sweep spares product access granted recently (audit log)', () => {
  const sim = useDemoSimulator();
  const reportDir = useReportDir();

  /** Sam: Sales, uses Confluence, never had Jira, in the org for 1277 days. Pat: the same in no department. */
  function putPeople(): void {
    sim().control.putUsers([
      { email: SAM, name: 'Sam Mover', department: 'Sales', jobTitle: 'Account Executive', groups: ['confluence-users', 'sales'], lastActive: [{ site: DEMO_SITES.confluence.id, at: daysAgo(3) }], addedToOrg: daysAgo(1277) },
      { email: PAT, name: 'Pat Byhand', groups: ['confluence-users'], lastActive: [{ site: DEMO_SITES.confluence.id, at: daysAgo(2) }], addedToOrg: daysAgo(900) },
    ]);
  }

  /** Runs `change` with the simulator's clock `days` in the past (its audit events dated then), then puts the clock back. */
  async function daysBack<T>(days: number, change: () => Promise<T>): Promise<T> {
    sim().control.setClock({ advanceMs: -days * DAY });
    try {
      return await change();
    } finally {
      sim().control.setClock({ advanceMs: days * DAY });
    }
  }

  const moveSamToSupport = async () => {
    const move = await run(sim(), 'mover', { email: SAM, department: 'Support' });
    expect(move.status).toBe('SUCCEEDED');
    expect(groupNames(sim(), SAM)).toEqual(['confluence-users', 'jira-software-users', 'support']);
  };

  /** "An admin by hand": a direct Admin API call adding Pat to jira-software-users. */
  const adminAddsPatToJira = async () => {
    const { baseUrl, orgId, directoryId, apiKey } = sim();
    const group = sim().state.findGroupByName('jira-software-users')!;
    const response = await fetch(`${baseUrl}/v2/orgs/${orgId}/directories/${directoryId}/groups/${group.id}/memberships`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ accountId: simUser(sim(), PAT).accountId }),
    });
    expect(response.status).toBe(204);
  };

  it('jml run sweep spares Jira the mover granted days ago (never used, account added years ago): the report says so', async () => {
    // Prepare
    putPeople();
    await daysBack(3, moveSamToSupport);
    const granted = dateOf(daysAgo(3));

    // Act
    const sweep = await runSweep(sim(), reportDir());

    // Assess
    expect(sweep.status).toBe('SUCCEEDED');
    const sam = decisionsOf(sweep, reportDir()).get(SAM);
    expect(sam).toMatchObject({ decision: 'spared' });
    expect(sam?.reason).toMatch(new RegExp(`^spared: access to jira-software granted ${granted} \\(within inactivity\\.newAccessGraceDays: 30 days\\)`));
    expect(sweep.output.decisions.spared).toBeGreaterThanOrEqual(1);
    const csvLine = readFileSync(sweep.output.report.csv, 'utf8').split('\r\n').find((line) => line.includes(SAM)) ?? '';
    expect(csvLine).toContain(',spared,');
    expect(csvLine).toContain(`spared: access to jira-software granted ${granted}`);
    expect(readFileSync(sweep.output.report.html, 'utf8')).toContain(`spared: access to jira-software granted ${granted}`);
  });

  it('an admin adding the account to a Jira group by hand (a direct API call) is spared the same way', async () => {
    // Prepare
    putPeople();
    await daysBack(10, adminAddsPatToJira);

    // Act
    const sweep = await runSweep(sim(), reportDir());

    // Assess
    const pat = decisionsOf(sweep, reportDir()).get(PAT);
    expect(pat).toMatchObject({ decision: 'spared' });
    expect(pat?.reason).toContain(`spared: access to jira-software granted ${dateOf(daysAgo(10))}`);
  });

  it('a grant older than the window is reclaimed as before (never used: counted from when the account was added)', async () => {
    // Prepare
    putPeople();
    await daysBack(40, moveSamToSupport);

    // Act
    const sweep = await runSweep(sim(), reportDir());

    // Assess
    const sam = decisionsOf(sweep, reportDir()).get(SAM);
    expect(sam).toMatchObject({ decision: 'reclaim', rule: 'reclaim-jira', reclaim: { productKeys: ['jira-software'] } });
    expect(sam?.reclaim?.groups.map((group) => group.name)).toEqual(['jira-software-users', 'support']);
    expect(sam?.reason).toMatch(/^jira-software: 1277 days without activity \(never used \(counted from when the account was added\)/);
  });

  it('newAccessGraceDays: 0 switches the grace off: the sweep reclaims as before and reads no audit log', async () => {
    // Prepare
    putPeople();
    await daysBack(3, moveSamToSupport);
    const config = sweepConfig((c) => {
      c.inactivity.enforce = false;
      c.inactivity.newAccessGraceDays = 0;
    });
    // Were the audit log read, this failure would spare every never-used product.
    sim().control.failNext({ pattern: 'GET /v1/orgs/*/events', status: 500, count: 1 });

    // Act
    const sweep = await runSweep(sim(), reportDir(), { config });

    // Assess
    expect(decisionsOf(sweep, reportDir()).get(SAM)).toMatchObject({ decision: 'reclaim', rule: 'reclaim-jira' });
  });

  it('audit log not readable (403): never-used access is not reclaimed nor counted from addedToOrg, and the report says why', async () => {
    // Prepare
    putPeople();
    await daysBack(3, moveSamToSupport);
    sim().control.failNext({ pattern: 'GET /v1/orgs/*/events', status: 403, count: 1 });

    // Act
    const sweep = await runSweep(sim(), reportDir());

    // Assess
    expect(sweep.status).toBe('SUCCEEDED');
    const decisions = decisionsOf(sweep, reportDir());
    expect(decisions.get(SAM)).toMatchObject({ decision: 'spared' });
    expect(decisions.get(SAM)?.reason).toMatch(/^spared: jira-software never used and the audit log could not be read \(Atlassian\.Forbidden/);
    // Steve never used anything: his suspension would be counted from addedToOrg.
    expect(decisions.get('steve.queue@acme.example')).toMatchObject({ decision: 'spared' });
    // Dennis was last active 200 days ago: that date does not depend on the audit log.
    expect(decisions.get('dennis.ritchie@acme.example')).toMatchObject({ decision: 'suspend' });
    expect(readFileSync(sweep.output.report.html, 'utf8')).toContain('The audit log could not be read');
  });
});

describe('the grace survives processes and days: the source is the org audit log', () => {
  const sim = useDemoSimulator();
  const reportDir = useReportDir();

  it.each([
    [6, 'spared'],
    [31, 'reclaim'],
  ])('a fresh engine %i days after the mover (its clock and the org\'s moved on): %s', async (days, decision) => {
    // Prepare: the mover runs today.
    sim().control.putUsers([
      { email: SAM, name: 'Sam Mover', department: 'Sales', groups: ['confluence-users', 'sales'], lastActive: [{ site: DEMO_SITES.confluence.id, at: daysAgo(3) }], addedToOrg: daysAgo(1277) },
    ]);
    expect((await run(sim(), 'mover', { email: SAM, department: 'Support' })).status).toBe('SUCCEEDED');
    const later = new ManualClock(Date.now() + days * DAY);
    sim().control.setClock({ advanceMs: days * DAY });
    try {
      // Act: a new engine run on a clock `days` ahead, as a scheduled sweep days later would run.
      const sweep = await runWorkflow({ workflow: 'sweep', input: {}, api: { baseUrl: sim().baseUrl, apiKey: sim().apiKey, orgId: sim().orgId }, reportDir: reportDir(), clock: later, shortenWaits: true, httpMaxAttempts: 1 });

      // Assess
      expect(sweep.status).toBe('SUCCEEDED');
      const sam = decisionsOf({ ...sweep, path: [], output: sweep.output }, reportDir()).get(SAM);
      expect(sam?.decision).toBe(decision);
      if (decision === 'spared') expect(sam?.reason).toContain(`spared: access to jira-software granted ${dateOf(new Date().toISOString())}`);
    } finally {
      sim().control.setClock({ advanceMs: -days * DAY });
    }
  });

  it('`jml run sweep` in a fresh process, days after the mover ran in this one, still spares the new Jira access', async () => {
    // Prepare: the mover ran 6 days ago (simulator clock), in this process.
    sim().control.putUsers([
      { email: SAM, name: 'Sam Mover', department: 'Sales', groups: ['confluence-users', 'sales'], lastActive: [{ site: DEMO_SITES.confluence.id, at: daysAgo(3) }], addedToOrg: daysAgo(1277) },
    ]);
    sim().control.setClock({ advanceMs: -6 * DAY });
    try {
      expect((await run(sim(), 'mover', { email: SAM, department: 'Support' })).status).toBe('SUCCEEDED');
    } finally {
      sim().control.setClock({ advanceMs: 6 * DAY });
    }
    const reports = mkdtempSync(join(tmpdir(), 'jml-sweep-process-'));

    try {
      // Act: a new process, a new engine, nothing shared but the org.
      const result = await runScript('local/cli.ts', ['run', 'sweep', '--quiet', '--api-url', sim().baseUrl, '--org-id', sim().orgId], {
        ATLASSIAN_API_KEY: sim().apiKey,
        JML_REPORT_DIR: reports,
      });

      // Assess
      expect(result.code, result.stderr).toBe(0);
      const output = JSON.parse(result.stdout);
      expect(output.status).toBe('DRY_RUN');
      const csvLine = readFileSync(output.report.csv, 'utf8').split('\r\n').find((line) => line.includes(SAM)) ?? '';
      expect(csvLine).toContain(`,spared,,spared: access to jira-software granted ${dateOf(daysAgo(6))}`);
    } finally {
      rmSync(reports, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the audit log costs the same few calls per sweep, whatever the size of the org', () => {
  const reportDir = useReportDir();

  it.each([[23], [250]])('%i people: 4 events queries (one per grant action), within the events limit of 10/min', async (users) => {
    // Prepare: the simulator's rate limits on (events: 10/min per key and path).
    const sim = await startSimulator(users === 23 ? {} : { users });
    const proxy = await startRecordingProxy(sim.baseUrl);
    try {
      // Act
      const sweep = await runWorkflow({ workflow: 'sweep', input: { dryRun: true }, api: { baseUrl: proxy.baseUrl, apiKey: sim.apiKey, orgId: sim.orgId }, reportDir: reportDir(), shortenWaits: true, httpMaxAttempts: 1 });

      // Assess
      expect(sweep.status).toBe('SUCCEEDED');
      expect(proxy.count('GET', /\/v1\/orgs\/[^/]+\/events$/)).toBe(4);
      expect(proxy.summary().filter((line) => line.includes('/users/search'))).toHaveLength(Math.ceil(users / 100));
    } finally {
      await proxy.close();
      await sim.close();
    }
  });
});
