/**
 * Writes `workflows/<name>.asl.json` and `workflows/schemas/<name>.input.schema.json` from their
 * sources (`workflows/build/*-definition.ts`, `functions/lib/workflow-input/`).
 * `npx tsx workflows/build/generate.ts` writes; `--check` exits 1 when a committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { aslPath, aslText, GENERATED_INPUT_SCHEMAS, inputSchemaText, schemaPath } from './workflow-artifacts.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const check = process.argv.includes('--check');
const stale: string[] = [];

for (const name of Object.keys(GENERATED_INPUT_SCHEMAS) as Array<keyof typeof GENERATED_INPUT_SCHEMAS>) {
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
  console.error(`Out of date: ${stale.join(', ')}. Run: npx tsx workflows/build/generate.ts`);
  process.exit(1);
}
