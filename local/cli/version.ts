import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const PackageJsonSchema = z.object({ name: z.string(), version: z.string().min(1) });

/** `jml --version`: the version in package.json, the one place it is kept. */
export async function packageVersion(): Promise<string> {
  const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
  return PackageJsonSchema.parse(JSON.parse(text)).version;
}
