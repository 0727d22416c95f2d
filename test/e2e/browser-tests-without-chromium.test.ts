import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserTestPlan } from '../support/chromium.js';

const VITEST = new URL('../../node_modules/vitest/vitest.mjs', import.meta.url).pathname;
const BROWSER_TEST = 'test/e2e/sweep-report-page.test.ts';

/** A folder with a `chromium` that is not executable (the EACCES a fresh machine showed). */
const dir = mkdtempSync(join(tmpdir(), 'jml-no-chromium-'));
const notExecutable = join(dir, 'chromium');
writeFileSync(notExecutable, '#!/bin/sh\nexit 0\n');
chmodSync(notExecutable, 0o644);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The browser test file alone, as on a machine whose only Chromium is not executable (CHROMIUM_PATH). */
function runBrowserTest(extraEnv: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env, CHROMIUM_PATH: notExecutable, ...extraEnv };
  if (!('CI' in extraEnv)) delete env.CI;
  return spawnSync(process.execPath, [VITEST, 'run', BROWSER_TEST], { env, encoding: 'utf8', timeout: 60_000 });
}

describe('browser tests on a machine without a usable Chromium', () => {
  it('are skipped with one line saying how to enable them, and the run passes', () => {
    const result = runBrowserTest({});
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status, output).toBe(0);
    expect(output).toContain(`Browser tests skipped: no usable Chromium (${notExecutable}: not executable)`);
    expect(output).toContain('set CHROMIUM_PATH');
    expect(output).toMatch(/skipped/);
  });

  it('fail under CI=true, where a missing browser is a broken set-up', () => {
    const result = runBrowserTest({ CI: 'true' });
    expect(result.status).toBe(1);
    expect(`${result.stdout}${result.stderr}`).toContain('Browser tests need Chromium and CI is set');
  });
});

describe('browserTestPlan', () => {
  it('honours CHROMIUM_PATH first, then PATH, and runs only an executable file', () => {
    const executable = join(dir, 'chromium-browser');
    writeFileSync(executable, '#!/bin/sh\nexit 0\n');
    chmodSync(executable, 0o755);
    expect(browserTestPlan({ PATH: dir })).toEqual({ action: 'run', executablePath: executable });
    expect(browserTestPlan({ PATH: dir, CHROMIUM_PATH: notExecutable })).toMatchObject({ action: 'skip' });
    expect(browserTestPlan({ PATH: '', CHROMIUM_PATH: join(dir, 'nope') })).toMatchObject({ action: 'skip', message: expect.stringContaining('nope: missing') });
    expect(browserTestPlan({ PATH: '', CI: 'false' })).toMatchObject({ action: 'skip', message: expect.stringContaining('no chromium on PATH') });
    expect(browserTestPlan({ PATH: '', CI: '1' })).toMatchObject({ action: 'fail' });
    rmSync(executable);
  });
});
