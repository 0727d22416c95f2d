/**
 * Writes `workflows/<name>.asl.json` and `workflows/schemas/<name>.input.schema.json` from their
 * sources (`workflows/definitions/*-definition.ts`, `workflows/catalog.ts`'s input schemas), and the
 * JSON Schema of the standard webhook body (`docs/schemas/standard-hr-event.schema.json`).
 * `npx tsx workflows/definitions/generate.ts` writes; `--check` exits 1 when a committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WORKFLOW_NAMES } from '../catalog.js';
import { aslPath, aslText, inputSchemaText, schemaPath, STANDARD_EVENT_SCHEMA_PATH, standardEventSchemaText } from './workflow-artifacts.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const check = process.argv.includes('--check');
const stale: string[] = [];

const artifacts: Array<readonly [string, string]> = [
  ...WORKFLOW_NAMES.flatMap((name) => [[aslPath(name), aslText(name)] as const, [schemaPath(name), inputSchemaText(name)] as const]),
  [STANDARD_EVENT_SCHEMA_PATH, standardEventSchemaText()],
];

for (const [path, text] of artifacts) {
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
if (stale.length > 0) {
  console.error(`Out of date: ${stale.join(', ')}. Run: npx tsx workflows/definitions/generate.ts`);
  process.exit(1);
}
