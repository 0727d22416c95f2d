import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SIMULATOR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../local/simulator');
const MODEL = join(SIMULATOR, 'model');
const WIRE_LAYERS = ['http', 'routes'].map((folder) => join(SIMULATOR, folder));

/** Every module specifier a file names: static and type imports, re-exports, side-effect and dynamic imports. */
function importSpecifiers(source: string): string[] {
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]));
}

function tsFilesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name));
}

describe('simulator model boundary', () => {
  it('finds the import specifiers of every import form', () => {
    // Act
    const found = importSpecifiers([
      "import { a } from '../http/a.js';",
      "import type { B } from \"../routes/b.js\";",
      "export * from './c.js';",
      "import './d.js';",
      "const e = await import('../http/e.js');",
    ].join('\n'));

    // Assess
    expect(found).toEqual(['../http/a.js', '../routes/b.js', './c.js', './d.js', '../http/e.js']);
  });

  it('keeps model/ free of the wire layer: no file imports from http/ or routes/', () => {
    // Prepare
    const files = tsFilesUnder(MODEL);

    // Act
    const offenders = files.flatMap((file) =>
      importSpecifiers(readFileSync(file, 'utf8'))
        .filter((specifier) => specifier.startsWith('.'))
        .filter((specifier) => {
          const target = resolve(dirname(file), specifier);
          return WIRE_LAYERS.some((layer) => target === layer || target.startsWith(`${layer}/`));
        })
        .map((specifier) => `${relative(SIMULATOR, file)} -> ${specifier}`));

    // Assess
    expect(files.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});
