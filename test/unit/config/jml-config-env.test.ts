import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { loadJmlConfig, loadJmlConfigFile } from '../../../functions/lib/config/load-jml-config.js';
import { configError } from './config-error.js';

const REPO = join(import.meta.dirname, '..', '..', '..');

describe('JML_CONFIG is JSON (as infra and the local engine write it)', () => {
  it('names JML_CONFIG and says it must be JSON when the JSON is broken', () => {
    // Act
    const message = configError(() => loadJmlConfig({ JML_CONFIG: '{"accessRules": [' }));

    // Assess
    expect(message).toContain('JML_CONFIG');
    expect(message).toContain('not valid JSON');
    expect(message).toContain('{"accessRules":[]}');
  });

  it('still reads YAML text in JML_CONFIG where the yaml package is installed (local runs)', () => {
    // Act
    const config = loadJmlConfig({ JML_CONFIG: 'accessRules:\n  - id: yaml-inline\n    grant: { groups: [staff] }\n' });

    // Assess
    expect(config.accessRules.map((rule) => rule.id)).toEqual(['yaml-inline']);
  });

  it('reads a .json config file as JSON and names the file when it is not', () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'jml-config-'));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify({ accessRules: [{ id: 'from-json', grant: { groups: ['staff'] } }] }));
    writeFileSync(bad, 'accessRules: []');

    // Act
    const config = loadJmlConfigFile(good);
    const message = configError(() => loadJmlConfigFile(bad));

    // Assess
    expect(config.accessRules[0].id).toBe('from-json');
    expect(message).toContain(`${bad}) is not valid JSON`);
  });

  it('keeps the yaml package out of the workflow-logic Lambda bundles', async () => {
    // Act: the shared path of every workflow-logic handler, bundled as infra bundles it.
    const result = await build({
      entryPoints: [join(REPO, 'functions/lib/workflow-logic/logic-action.ts')],
      bundle: true, minify: true, platform: 'node', format: 'esm', target: 'node22',
      write: false, outdir: join(REPO, 'cdk.out', 'config-bundle'), metafile: true, logLevel: 'silent',
    });
    const inputs = Object.keys(Object.values(result.metafile.outputs)[0].inputs);

    // Assess
    expect(inputs.some((path) => path.includes('functions/lib/config/load-jml-config.ts'))).toBe(true);
    expect(inputs.filter((path) => path.includes('node_modules/yaml/'))).toEqual([]);
  });
});
