import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadJmlConfig, loadJmlConfigFile } from '../../functions/lib/config/index.js';
import { parseRuntimeCommandLine, RuntimeUsageError } from '../../local/runtime/runtime-options.js';
import { PROTOTYPE_NAMES } from '../support/raw-http.js';
import { runCli } from './cli-harness.js';

/** `jml` (its main, in-process), `npm start`'s flags and the config loader, given every Object.prototype name. */

describe('jml: a command, workflow or option named like an Object.prototype member is a usage error (exit 2)', () => {
  it.each(PROTOTYPE_NAMES)('%s', async (name) => {
    const commandLines = [[name], ['run', name], ['schema', name], [`--${name}`], ['run', 'leaver', `--${name}`], ['start', name], ['executions', '--workflow', name], [`--${name}`, 'executions']];
    for (const argv of commandLines) {
      // Act
      const result = await runCli(argv);

      // Assess
      expect({ argv, code: result.code, stdout: result.stdout }).toEqual({ argv, code: 2, stdout: '' });
      expect(result.stderr).toMatch(/^jml( [a-z]+)?: .*\n/);
      expect(result.stderr.length).toBeLessThan(2_000);
    }
  });

  it('names what is wrong: an unknown command lists the commands', async () => {
    const result = await runCli(['constructor']);
    expect(result.stderr).toContain('unknown command "constructor": the commands are run, schema, check-config, start, executions, describe, history and stop');
  });
});

describe('npm start: a flag named like an Object.prototype member is refused before anything starts', () => {
  it.each(PROTOTYPE_NAMES)('--%s', (name) => {
    expect(() => parseRuntimeCommandLine([`--${name}`], {})).toThrow(RuntimeUsageError);
    expect(() => parseRuntimeCommandLine([`--${name}=1`], {})).toThrow(RuntimeUsageError);
    expect(() => parseRuntimeCommandLine([name], {})).toThrow(RuntimeUsageError);
  });
});

describe('the JML config: keys named like Object.prototype members are refused, naming each, and pollute nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jml-prototype-names-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let files = 0;
  const write = (extension: string, text: string) => {
    const path = join(dir, `config-${++files}.${extension}`);
    writeFileSync(path, text);
    return path;
  };
  const rule = (resource: string) => `accessRules:\n  - id: r1\n    when: { department: Engineering }\n    grant: { roles: [{ resource: ${JSON.stringify(resource)}, role: atlassian/user }] }\n`;

  it('a config without such a key loads (the cases below differ from it by that key only)', () => {
    expect(() => loadJmlConfigFile(write('yaml', `resources:\n  jira: ari:cloud:jira-software::site/1\n${rule('jira')}`))).not.toThrow();
  });

  it.each(PROTOTYPE_NAMES)('%s as a key anywhere (top level, resources, hr maps; YAML and JSON) is a Configuration error naming its path', (name) => {
    const key = JSON.stringify(name);
    const cases: Array<[file: string, path: string]> = [
      [write('yaml', `${key}: { polluted: true }\naccessRules: []\n`), name],
      [write('yaml', `resources:\n  ${key}: ari:cloud:jira-software::site/1\n${rule(name)}`), `resources.${name}`],
      [write('yaml', `accessRules: []\nhr:\n  sources: { hibob: { events: { ${key}: hire } } }\n  timing: { locationTimeZones: { ${key}: UTC } }\n`), `hr.sources.hibob.events.${name}`],
      [write('json', `{"accessRules": [], "resources": {${key}: "ari:cloud:jira-software::site/1"}}`), `resources.${name}`],
    ];
    for (const [file, path] of cases) {
      expect(() => loadJmlConfigFile(file), file).toThrow(expect.objectContaining({ name: 'Jml.Configuration', message: expect.stringContaining(`${path}: this name belongs to every JavaScript object`) }));
    }
    expect(() => loadJmlConfig({ JML_CONFIG: `{"accessRules": [], ${key}: {"polluted": true}}` })).toThrow(expect.objectContaining({ name: 'Jml.Configuration' }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(PROTOTYPE_NAMES)('a role whose resource is %s (no such alias) is refused, not resolved to what every object has', (name) => {
    expect(() => loadJmlConfigFile(write('yaml', `resources: {}\n${rule(name)}`))).toThrow(expect.objectContaining({
      message: expect.stringContaining(`"${name}" is neither a workspace id (ari:...) nor an alias in resources`),
    }));
  });

  it('jml check-config --config <file with __proto__:> exits 2 naming the entry', async () => {
    const file = write('yaml', `resources:\n  __proto__: ari:cloud:jira-software::site/1\n${rule('__proto__')}`);
    const result = await runCli(['check-config', '--config', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('resources.__proto__: this name belongs to every JavaScript object and cannot name an entry; rename or remove it');
  });
});
