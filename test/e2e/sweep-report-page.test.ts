import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorkflow } from '../../local/engine/run-workflow.js';
import { startSimulator, type RunningSimulator } from '../../local/simulator/index.js';
import { browserTestPlan } from '../support/chromium.js';

/** Debian's chromium (installed by .ci/run) or CHROMIUM_PATH; playwright downloads no browser here. */
const plan = browserTestPlan();
if (plan.action === 'skip') console.warn(plan.message);

describe.skipIf(plan.action === 'skip')('the sweep report page, as a person sees it in a browser', () => {
  let sim: RunningSimulator;
  let browser: BrowserContext;
  let reportDir: string;
  let reportUrl: string;
  let userDataDir: string;

  beforeAll(async () => {
    if (plan.action !== 'run') throw new Error(plan.message);
    process.env.JML_LAST_ACTIVE_PER_MINUTE ??= '60000';
    sim = await startSimulator({ rateLimits: false });
    reportDir = mkdtempSync(join(tmpdir(), 'jml-report-page-'));
    userDataDir = mkdtempSync(join(tmpdir(), 'jml-chromium-'));
    const run = await runWorkflow({
      workflow: 'sweep',
      input: {},
      api: { baseUrl: sim.baseUrl, apiKey: sim.apiKey, orgId: sim.orgId },
      shortenWaits: true,
      reportDir,
    });
    if (run.status !== 'SUCCEEDED') throw new Error(`the dry-run sweep did not succeed: ${run.error} ${run.cause}`);
    reportUrl = pathToFileURL((run.output as { report: { html: string } }).report.html).href;
    // A fresh profile per run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: plan.executablePath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await sim?.close();
    for (const dir of [reportDir, userDataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the headings, the counts, the chart and the demo org inactive users, without any network request', async () => {
    // Prepare
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    // Anything the page's Content-Security-Policy refused would show up here as an error.
    const consoleErrors: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });

    // Act
    await page.goto(reportUrl);

    // Assess
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Inactivity sweep \d{4}-\d{2}-\d{2}$/);
    for (const heading of ['Decisions', 'Days since last activity', 'Accounts to act on', 'To do at the identity provider', 'Excluded']) {
      await expect.poll(() => page.getByRole('heading', { name: heading, exact: true }).isVisible()).toBe(true);
    }
    expect(await page.locator('.banner').textContent()).toContain('Dry run: nothing was changed. A real run would act on 4 account(s).');
    const cards = await page.locator('.cards li').allInnerTexts();
    expect(cards.map((card) => card.replace(/\s+/g, ' ').trim())).toEqual(['2 Suspend', '2 Reclaim licence', '14 Keep', '5 Excluded', '0 Spared']);
    const chart = page.getByRole('img', { name: 'Accounts by days since last activity' });
    expect(await chart.isVisible()).toBe(true);
    expect(await chart.locator('rect').count()).toBe(6);
    const rows = page.locator('table').first().locator('tbody tr');
    const names = await rows.locator('td:first-child').allInnerTexts();
    expect(names).toEqual(expect.arrayContaining(['Dennis Ritchie', 'Sven Deal', 'Frank Audit']));
    expect(await rows.filter({ hasText: 'Dennis Ritchie' }).innerText()).toContain('Suspend');
    expect(await rows.filter({ hasText: 'Sven Deal' }).innerText()).toContain('Reclaim licence');
    expect(requests).toEqual([reportUrl]);
    expect(consoleErrors).toEqual([]);
    const html = await page.content();
    expect(html).not.toMatch(/<script|<link|<iframe|@import|url\(|(?:src|href)="(?!#)/i);
    await page.close();
  });
});
