import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRuntime, type RunningRuntime } from '../../local/runtime/start-runtime.js';

const EXAMPLE = new URL('../../config/jml.example.yaml', import.meta.url).pathname;

describe('npm start checks the config against the org before it starts', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('refuses a config that names a group the org lacks, listing the entry, and starts with a good one', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'jml-runtime-config-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, readFileSync(EXAMPLE, 'utf8').replace(/groups: \[engineering\b/, 'groups: [enginering'));

    // Act
    const refused = startRuntime({ port: 0, dataDir: join(dir, 'data-1'), configFile: broken, clock: 'manual', log: () => {} });

    // Assess
    await expect(refused).rejects.toThrow(/group "enginering" does not exist in the org/);
    const good: RunningRuntime = await startRuntime({ port: 0, dataDir: join(dir, 'data-2'), configFile: EXAMPLE, clock: 'manual', log: () => {} });
    cleanups.push(() => good.close());
    expect(good.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
