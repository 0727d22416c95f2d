import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSpecDocument } from './openapi.js';

/** Without ../shared the contract tests must say where the specs are expected, not fail with ENOENT. */
const CONTRACT_DIR = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('the contract tests without ../shared', () => {
  it('say that the specs are expected at ../shared/atlassian-admin-api/', () => {
    // Prepare
    const missing = new URL('file:///nonexistent-jml-checkout/shared/atlassian-admin-api/');

    // Act / Assess
    expect(() => readSpecDocument('org-api.2026-07-22.json', missing)).toThrow(
      /spec is missing at \/nonexistent-jml-checkout\/shared\/atlassian-admin-api\/org-api\.2026-07-22\.json\. The contract tests expect the specs at \.\.\/shared\/atlassian-admin-api\//,
    );
  });

  it('read the specs only through openapi.ts, which says so', () => {
    // Prepare
    const readers = sourceFiles(CONTRACT_DIR).filter((file) => !file.endsWith('openapi.ts') && !file.endsWith('spec-files.test.ts'));

    // Act
    const direct = readers.filter((file) => /shared\/atlassian-admin-api|SPEC_DIR/.test(readFileSync(file, 'utf8')));

    // Assess
    expect(direct.map((file) => file.slice(CONTRACT_DIR.length))).toEqual([]);
  });
});
