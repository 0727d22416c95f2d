import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The packages (and zod locale files) that end up in the minified bundle of `entry`. */
async function bundledInputs(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(REPO, entry)],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    write: false,
    outdir: join(REPO, 'cdk.out', 'bundle-hygiene'),
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs);
  return inputs.filter(([, info]) => info.bytesInOutput > 0).map(([path]) => path);
}

describe('what a handler bundle carries', () => {
  it('imports zod as a namespace everywhere under functions/ (esbuild cannot tree-shake `import { z }`)', () => {
    // Prepare: `import { z } from 'zod'` makes esbuild keep every zod locale (~260 KiB minified).
    const offenders = sourceFiles(join(REPO, 'functions')).filter((file) =>
      /^import \{ z \} from 'zod';$/m.test(readFileSync(file, 'utf8')),
    );

    // Assess
    expect(offenders.map((f) => f.slice(REPO.length + 1)), "use `import * as z from 'zod'`").toEqual([]);
  });

  it('bundles only the Secrets Manager client of the AWS SDK, and no zod locale beyond English', async () => {
    // Act
    const inputs = await bundledInputs('functions/actions/suspend-user.ts');

    // Assess
    const sdkClients = new Set(inputs.map((p) => /node_modules\/@aws-sdk\/(client-[^/]+)/.exec(p)?.[1]).filter(Boolean));
    expect([...sdkClients]).toEqual(['client-secrets-manager']);
    expect(inputs.filter((p) => /zod\/v4\/locales\/(?!en\.js$|index\.js$)/.test(p))).toEqual([]);
    expect(inputs.filter((p) => p.includes('vitest') || p.includes('aws-cdk-lib') || p.includes('local/simulator'))).toEqual([]);
  });
});
