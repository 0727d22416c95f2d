import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from './cli-harness.js';

/** Every folder and file under `root` with its mode, e.g. `['sweep/…/report.html', '0600']`. */
function modesUnder(root: string, prefix = ''): Array<[string, string]> {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const path = join(root, entry.name);
    const here: [string, string] = [`${prefix}${entry.name}${entry.isDirectory() ? '/' : ''}`, `0${(statSync(path).mode & 0o777).toString(8)}`];
    return entry.isDirectory() ? [here, ...modesUnder(path, here[0])] : [here];
  });
}

describe('jml run sweep: its reports name people, so they are for the owner only', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jml-run-reports-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes the report folders 0700 and writes the reports and scan parts 0600', async () => {
    // Act
    const result = await runScript('local/cli.ts', ['run', 'sweep', '--quiet', '--input', '{}'], { JML_REPORT_DIR: join(dir, 'new', 'reports') });

    // Assess
    expect(result.code, result.stderr).toBe(0);
    const entries = modesUnder(join(dir, 'new'));
    expect(entries.some(([path]) => path.endsWith('/report.html'))).toBe(true);
    expect(entries.filter(([path]) => path.endsWith('/'))).toEqual(entries.filter(([path]) => path.endsWith('/')).map(([path]) => [path, '0700']));
    expect(entries.filter(([path]) => !path.endsWith('/'))).toEqual(entries.filter(([path]) => !path.endsWith('/')).map(([path]) => [path, '0600']));
  });
});
