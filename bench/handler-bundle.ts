/**
 * Bundles one action handler exactly as infra builds its Lambda (infra/function-bundling.ts: esbuild,
 * minified, ESM, the runtime's Node target) and measures what a cold start pays for it: bundle bytes (raw and gzip), the
 * largest packages inside, and the module-load time of the bundle against an empty module,
 * both measured in fresh `node` processes in the same run.
 *
 * Usage: npx tsx bench/handler-bundle.ts [functions/actions/suspend-user.ts] [--runs 7] [--node /path/to/node22]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { FUNCTION_BUNDLING } from '../infra/function-bundling.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '7' }, node: { type: 'string' } },
});
/** The node binary that loads the bundle: this one, or e.g. a Node 22 to match the Lambda runtime. */
const nodeBinary = values.node ?? process.execPath;
const entry = resolve(positionals[0] ?? 'functions/actions/suspend-user.ts');
const runs = Math.max(1, Number(values.runs));
const dir = mkdtempSync(join(tmpdir(), 'handler-bundle-'));

// Same banner CDK's NodejsFunction adds for ESM: bundled CommonJS code may still call `require`.

/** Median wall time (ms) of `import()` of `file` in a fresh node process, measured inside it. */
function medianImportMs(file: string): number {
  const script = `const t=performance.now();await import(${JSON.stringify(pathToFileURL(file).href)});process.stdout.write(String(performance.now()-t));`;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = spawnSync(nodeBinary, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`loading ${file} failed: ${out.stderr}`);
    samples.push(Number(out.stdout));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

try {
  const outfile = join(dir, 'handler.mjs');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    // Exactly infra's settings (infra/function-bundling.ts), so the figure is the deployed bundle's.
    format: FUNCTION_BUNDLING.format,
    target: FUNCTION_BUNDLING.target,
    minify: FUNCTION_BUNDLING.minify,
    mainFields: [...FUNCTION_BUNDLING.mainFields],
    banner: { js: FUNCTION_BUNDLING.banner },
    outfile,
    metafile: true,
    logLevel: 'error',
  });
  const bytes = readFileSync(outfile);
  const byPackage = new Map<string, number>();
  for (const [path, info] of Object.entries(result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = match ? match[1] : '(project code)';
    byPackage.set(key, (byPackage.get(key) ?? 0) + info.bytesInOutput);
  }
  const nodeVersion = spawnSync(nodeBinary, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const emptyFile = join(dir, 'empty.mjs');
  writeFileSync(emptyFile, 'export {};\n');
  // Both medians come from fresh processes of the same binary in this same run, so they compare.
  const emptyMs = medianImportMs(emptyFile);
  const handlerMs = medianImportMs(outfile);

  console.log(`handler:        ${entry.replace(`${process.cwd()}/`, '')}`);
  console.log(`bundle:         ${bytes.length} bytes (${(bytes.length / 1024).toFixed(1)} KiB), gzip ${gzipSync(bytes).length} bytes`);
  console.log('largest parts:');
  for (const [name, size] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
    console.log(`  ${name.padEnd(40)} ${(size / 1024).toFixed(1).padStart(7)} KiB`);
  }
  console.log(`module load:    ${handlerMs.toFixed(1)} ms (median of ${runs} fresh processes, node ${nodeVersion})`);
  console.log(`empty module:   ${emptyMs.toFixed(1)} ms; handler costs ${(handlerMs - emptyMs).toFixed(1)} ms more, ratio ${(handlerMs / emptyMs).toFixed(1)}x`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
