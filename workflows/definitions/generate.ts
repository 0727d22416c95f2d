/**
 * Writes `workflows/<name>.asl.json` and `workflows/schemas/<name>.input.schema.json` from their
 * sources (`workflows/definitions/*-definition.ts`, `workflows/inputs/`).
 * `npx tsx workflows/definitions/generate.ts` writes; `--check` exits 1 when a committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WORKFLOW_NAMES } from '../catalog.js';
import { aslPath, aslText, inputSchemaText, schemaPath } from './workflow-artifacts.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const check = process.argv.includes('--check');
const stale: string[] = [];

for (const name of WORKFLOW_NAMES) {
  for (const [path, text] of [
    [aslPath(name), aslText(name)],
    [schemaPath(name), inputSchemaText(name)],
  ] as const) {
    let current = '';
    try {
      current = readFileSync(root + path, 'utf8');
    } catch {
      // Missing: stale in --check mode, written otherwise.
    }
    if (current === text) continue;
    if (check) stale.push(path);
    else {
      writeFileSync(root + path, text);
      console.log(`wrote ${path}`);
    }
  }
}
if (stale.length > 0) {
  console.error(`Out of date: ${stale.join(', ')}. Run: npx tsx workflows/definitions/generate.ts`);
  process.exit(1);
}
