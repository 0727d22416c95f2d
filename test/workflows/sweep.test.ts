import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../functions/registry.js';
import type { BindableAction } from '../../local/engine/task-bindings.js';
import { groupNames, simUser } from './support/workflow-harness.js';
import { useDemoSimulator } from './support/demo-simulator.js';
import { startSimulator } from '../../local/simulator/index.js';
import { decisionsOf, runSweep, sweepConfig, useReportDir } from './support/sweep-harness.js';

const DENNIS = 'dennis.ritchie@acme.example'; // 200 days without activity
const SVEN = 'sven.deal@acme.example'; // 120 days (Confluence only)
const FRANK = 'frank.audit@acme.example'; // 95 days (Confluence only)
const STEVE = 'steve.queue@acme.example'; // never used a product, added years ago

const UP_TO_REPORT = ['PrepareRequest', 'ScanDirectory', 'ScanComplete', 'DecideInactivity', 'WriteReport', 'Route'];
const ACT = (n: number) => ['ConfirmInactivity', 'ActOnAccounts', ...Array<string>(n).fill('SweepAccount'), 'Summarize'];
const DAY = 86_400_000;

describe('inactivity sweep workflow (against the simulator)', () => {
  const sim = useDemoSimulator();
  const reportDir = useReportDir();

  it("the example config finds the demo org's inactive users; a dry run (the default) changes nothing", async () => {
    // Prepare
    const before = [DENNIS, SVEN, FRANK].map((email) => groupNames(sim(), email));

    // Act
    const run = await runSweep(sim(), reportDir());

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    expect(run.path).toEqual([...UP_TO_REPORT, 'Summarize']);
    expect(run.transitions).toBe(7);
    expect(run.output.status).toBe('DRY_RUN');
    expect(run.output.decisions).toMatchObject({ suspend: 2, reclaim: 2, spared: 0 });
    const decisions = decisionsOf(run, reportDir());
    expect(decisions.get(DENNIS)).toMatchObject({ decision: 'suspend', rule: 'suspend-dormant', daysInactive: 200 });
    expect(decisions.get(SVEN)).toMatchObject({ decision: 'reclaim', rule: 'reclaim-confluence', daysInactive: 120 });
    expect(decisions.get(FRANK)).toMatchObject({ decision: 'reclaim', rule: 'reclaim-confluence', daysInactive: 95 });
    expect(decisions.get(STEVE)?.decision).toBe('suspend');
    expect([DENNIS, SVEN, FRANK].map((email) => groupNames(sim(), email))).toEqual(before);
    expect(simUser(sim(), DENNIS).membershipStatus).toBe('active');
    expect(existsSync(run.output.report.html)).toBe(true);
    expect(readFileSync(run.output.report.csv, 'utf8')).toContain(DENNIS);
  });

  it('nothing to do: no account is due, the run ends after the report', async () => {
    // Prepare
    const config = sweepConfig((c) => c.inactivity.rules.forEach((rule) => (rule.inactiveDays = 3000)));

    // Act
    const run = await runSweep(sim(), reportDir(), { config });

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    expect(run.path).toEqual([...UP_TO_REPORT, 'Summarize']);
    expect(run.output.status).toBe('SUCCEEDED');
    expect(run.output.decisions).toMatchObject({ suspend: 0, reclaim: 0 });
    expect(run.output.actions).toEqual([]);
  });

  it('reclaim only: inactive users leave the groups that grant the unused products, their accounts stay', async () => {
    // Prepare
    const config = sweepConfig((c) => (c.inactivity.rules = c.inactivity.rules.filter((rule) => rule.action === 'reclaim')));

    // Act
    const run = await runSweep(sim(), reportDir(), { config });

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    expect(run.path).toEqual([...UP_TO_REPORT, ...ACT(4)]);
    expect(run.transitions).toBe(9 + 4);
    expect(run.output.actions.map((a: { action: string; outcome: string }) => `${a.action} ${a.outcome}`)).toEqual(Array(4).fill('reclaimLicence done'));
    for (const email of [DENNIS, SVEN, FRANK, STEVE]) {
      expect(groupNames(sim(), email)).toEqual([]);
      expect(simUser(sim(), email).membershipStatus).toBe('active');
    }
    expect(groupNames(sim(), 'victor.contractor@contractor.example')).toEqual(['jira-software-users']);
    expect(readFileSync(run.output.report.csv, 'utf8')).toMatch(/sven\.deal@acme\.example.*reclaim.*,done,/);
  });

  it('suspend: the dormant accounts are suspended with a snapshot of their groups and roles', async () => {
    // Prepare
    const config = sweepConfig((c) => (c.inactivity.rules = c.inactivity.rules.filter((rule) => rule.action === 'suspend')));

    // Act
    const run = await runSweep(sim(), reportDir(), { config });

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    expect(run.path).toEqual([...UP_TO_REPORT, ...ACT(2)]);
    expect(simUser(sim(), DENNIS).membershipStatus).toBe('suspended');
    expect(simUser(sim(), STEVE).membershipStatus).toBe('suspended');
    expect(groupNames(sim(), DENNIS)).toEqual(['confluence-users', 'engineering', 'jira-software-users']);
    const dennis = run.output.actions.find((a: { target: string }) => a.target === simUser(sim(), DENNIS).accountId);
    expect(dennis).toMatchObject({ action: 'suspendUser', outcome: 'done' });
    expect(dennis.detail).toMatch(/Snapshot of 3 group\(s\) and 0 role\(s\): snapshots\/\S+\.json beside the report\.$/);
    const snapshotPath = join(dirname(run.output.report.html), 'snapshots', `${dennis.target}.json`);
    expect(JSON.parse(readFileSync(snapshotPath, 'utf8')).groups.map((g: { name: string }) => g.name)).toEqual(['confluence-users', 'engineering', 'jira-software-users']);
  });

  it('an account active again since the scan is spared after the last-active-dates check', async () => {
    // Prepare: Frank uses Confluence between the scan and the confirmation.
    const config = sweepConfig((c) => (c.inactivity.rules = c.inactivity.rules.filter((rule) => rule.action === 'reclaim')));
    const actions: BindableAction[] = ACTIONS.map((action) =>
      action.name !== 'confirmInactivity'
        ? action
        : {
            ...action,
            loadHandler: async () => {
              const real = await action.loadHandler();
              return async (event, context) => {
                const frank = simUser(sim(), FRANK);
                frank.activity = frank.activity.map((entry) => ({ ...entry, lastActive: new Date() }));
                return real(event, context);
              };
            },
          },
    );

    // Act
    const run = await runSweep(sim(), reportDir(), { config, actions });

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    expect(run.path).toEqual([...UP_TO_REPORT, ...ACT(3)]);
    expect(run.output.decisions).toMatchObject({ reclaim: 3, spared: 1 });
    expect(groupNames(sim(), FRANK)).toEqual(['confluence-users', 'finance']);
    expect(groupNames(sim(), SVEN)).toEqual([]);
    expect(readFileSync(run.output.report.csv, 'utf8')).toMatch(/frank\.audit@acme\.example.*,spared,,"?active again since the scan/);
  });

  it('an account removed from the directory since the scan is spared, not a failure', async () => {
    // Prepare: Frank is removed between the scan and the confirmation.
    const config = sweepConfig((c) => (c.inactivity.rules = c.inactivity.rules.filter((rule) => rule.action === 'reclaim')));
    const actions: BindableAction[] = ACTIONS.map((action) =>
      action.name !== 'confirmInactivity'
        ? action
        : { ...action, loadHandler: async () => { const real = await action.loadHandler(); return async (event, context) => { sim().state.users.delete(simUser(sim(), FRANK).accountId); return real(event, context); }; } },
    );

    // Act
    const run = await runSweep(sim(), reportDir(), { config, actions });

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output.decisions).toMatchObject({ reclaim: 3, spared: 1 });
    expect(readFileSync(run.output.report.csv, 'utf8')).toMatch(/frank\.audit@acme\.example.*,spared,,no longer in the directory/);
  });

  it('over the blast radius: FAILED with Jml.BlastRadiusExceeded, nobody changed, the report lists who would have been', async () => {
    // Prepare
    const config = sweepConfig((c) => (c.limits.maxSweepActions = { count: 2, percent: 100 }));
    const before = [DENNIS, SVEN, FRANK].map((email) => groupNames(sim(), email));

    // Act
    const run = await runSweep(sim(), reportDir(), { config });

    // Assess
    expect(run.status).toBe('FAILED');
    expect(run.path).toEqual([...UP_TO_REPORT, 'BlastRadiusExceeded']);
    expect(run.transitions).toBe(7);
    expect(run.error).toBe('Jml.BlastRadiusExceeded');
    expect(run.cause).toContain('found 4 account(s) to act on');
    expect(run.cause).toContain('"overrideLimits": true');
    expect(simUser(sim(), DENNIS).membershipStatus).toBe('active');
    expect([DENNIS, SVEN, FRANK].map((email) => groupNames(sim(), email))).toEqual(before);
    const html = readFileSync(run.output.report.html, 'utf8');
    expect(html).toContain('Stopped by the blast-radius limit');
    for (const name of ['Dennis Ritchie', 'Sven Deal', 'Frank Audit']) expect(html).toContain(name);
  });

  it('overrideLimits lets a reviewed run act on more than the limit', async () => {
    // Prepare
    const config = sweepConfig((c) => (c.limits.maxSweepActions = { count: 2, percent: 100 }));

    // Act
    const run = await runSweep(sim(), reportDir(), { config, input: { overrideLimits: true, reason: 'CHG-42 reviewed' } });

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    expect(run.path).toEqual([...UP_TO_REPORT, ...ACT(4)]);
    expect(run.output.reason).toBe('CHG-42 reviewed');
    expect(run.output.counts).toMatchObject({ done: 4, failed: 0 });
  });

  it('protected, admin, new, app, excluded-group and IdP-synced accounts are each excluded with their reason', async () => {
    // Prepare: long-inactive accounts of every excluded kind.
    const old = (days: number) => new Date(Date.now() - days * DAY).toISOString();
    const site = sim().state.sites[0].id;
    sim().state.putGroup({ id: 'svc-group', name: 'service-accounts', synced: false, kind: 'regular', createdAt: new Date() });
    sim().control.putUsers([
      { email: 'build.bot@acme.example', accountType: 'app', groups: ['jira-software-users'], lastActive: [{ site, at: old(400) }], addedToOrg: old(900) },
      { email: 'new.starter@acme.example', groups: ['jira-software-users'], addedToOrg: old(5) },
      { email: 'okta.user@acme.example', managementSource: 'synced', groups: ['jira-software-users'], lastActive: [{ site, at: old(300) }], addedToOrg: old(900) },
      { email: 'svc.backup@acme.example', groups: ['jira-software-users', 'service-accounts'], lastActive: [{ site, at: old(500) }], addedToOrg: old(900) },
      { email: 'break.admin@acme.example', platformRoles: ['atlassian/org-admin'], groups: ['jira-software-users'], lastActive: [{ site, at: old(400) }], addedToOrg: old(900) },
    ]);
    const config = sweepConfig((c) => {
      c.inactivity.exclude.groups = ['service-accounts'];
      c.protectedAccounts.push({ email: DENNIS, reason: 'On sabbatical until March' });
    });

    // Act
    const run = await runSweep(sim(), reportDir(), { config, input: { dryRun: true } });

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    const decisions = decisionsOf(run, reportDir());
    const exclusion = (email: string) => [decisions.get(email)?.decision, decisions.get(email)?.exclusion];
    expect(exclusion(DENNIS)).toEqual(['excluded', 'protected']);
    expect(decisions.get(DENNIS)?.reason).toContain('On sabbatical until March');
    expect(exclusion('break.admin@acme.example')).toEqual(['excluded', 'org-admin']);
    expect(exclusion('new.starter@acme.example')).toEqual(['excluded', 'new']);
    expect(exclusion('build.bot@acme.example')).toEqual(['excluded', 'account-type']);
    expect(decisions.get('build.bot@acme.example')?.reason).toContain('app account');
    expect(exclusion('svc.backup@acme.example')).toEqual(['excluded', 'group']);
    expect(exclusion('okta.user@acme.example')).toEqual(['excluded', 'idp-synced']);
    expect(decisions.get('okta.user@acme.example')?.reason).toMatch(/synced from the identity provider: no activity in any product for 300 days.*at the identity provider/);
    expect(readFileSync(run.output.report.html, 'utf8')).toContain('okta.user@acme.example');
  });

  it('a re-run after a completed run does nothing', async () => {
    // Prepare
    const config = sweepConfig();
    const first = await runSweep(sim(), reportDir(), { config });
    expect(first.output.counts).toMatchObject({ done: 4 });

    // Act
    const again = await runSweep(sim(), reportDir(), { config });

    // Assess
    expect(again.status).toBe('SUCCEEDED');
    expect(again.path).toEqual([...UP_TO_REPORT, 'Summarize']);
    expect(again.output.decisions).toMatchObject({ suspend: 0, reclaim: 0 });
    const decisions = decisionsOf(again, reportDir());
    expect(decisions.get(DENNIS)).toMatchObject({ decision: 'excluded', exclusion: 'not-active' });
    expect(decisions.get(SVEN)).toMatchObject({ decision: 'keep', reason: expect.stringContaining('no group grants it any more (already reclaimed') });
  });
});

describe('inactivity sweep scan, resumed by cursor', () => {
  const reportDir = useReportDir();

  it('a scan step that runs out of its budget returns the cursor and the next step goes on from there', async () => {
    // Prepare: 250 people = 3 pages; each scan step may read one page only.
    const sim = await startSimulator({ users: 250, rateLimits: false });
    process.env.JML_SWEEP_SCAN_MAX_PAGES = '1';
    try {
      // Act
      const run = await runSweep(sim, reportDir(), { input: { dryRun: true } });

      // Assess
      expect(run.status).toBe('SUCCEEDED');
      expect(run.path.slice(0, 8)).toEqual(['PrepareRequest', 'ScanDirectory', 'ScanComplete', 'ScanDirectory', 'ScanComplete', 'ScanDirectory', 'ScanComplete', 'DecideInactivity']);
      const scanned = [...sim.state.users.values()].filter((user) => user.membershipStatus !== 'no_membership').length;
      expect(run.output.accounts).toBe(scanned);
      expect(run.transitions).toBe(11);
    } finally {
      delete process.env.JML_SWEEP_SCAN_MAX_PAGES;
      await sim.close();
    }
  });
});
