import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from './cli-harness.js';

describe('jml run with a damaged change-budget database (JML_CHANGE_BUDGET_DB)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jml-budget-damaged-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails the leaver before any change, naming the file and what to do, and leaves the file as it was', async () => {
    // Prepare: a file that is not SQLite (an empty one would be taken for a new database by SQLite)
    const file = join(dir, 'change-budget.sqlite');
    const garbage = 'not a database '.repeat(100);
    writeFileSync(file, garbage);

    // Act
    const result = await runScript('local/cli.ts', ['run', 'leaver', '--input', '{"email":"alan.turing@acme.example"}'], { JML_CHANGE_BUDGET_DB: file });

    // Assess
    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout) as { status: string; error: string; cause: string };
    expect(output).toMatchObject({ status: 'FAILED', error: 'Jml.Configuration' });
    expect(output.cause).toContain(`The change-budget database (JML_CHANGE_BUDGET_DB) ${file} is not a SQLite database (its first bytes are not the SQLite header); it was left as it is.`);
    expect(output.cause).toContain('Nothing had been changed.');
    expect(readFileSync(file, 'utf8')).toBe(garbage);
  });
});
