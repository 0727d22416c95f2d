import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKFLOW_NAMES } from '../../workflows/catalog.js';
import { runCli } from './cli-harness.js';

/** What a newcomer met typing `jml` (issue 18, item 9), in-process: each message says what is wrong and what exists. */

const EXAMPLE = new URL('../../config/jml.example.yaml', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'jml-newcomer-'));
const LEAVER = ['run', 'leaver', '--input', '{"email":"linus.torvalds@acme.example"}'];

describe('jml usage: every command, every workflow', () => {
  it('an unknown command prints a usage block with all eight commands (exit 2)', async () => {
    // Act
    const result = await runCli(['deploy']);

    // Assess
    expect(result.code).toBe(2);
    const usage = result.stderr.split('\n').filter((line) => line.startsWith('  npm run jml -- ')).join('\n');
    for (const command of ['run', 'schema', 'check-config', 'start', 'executions', 'describe', 'history', 'stop']) {
      expect(usage, command).toMatch(new RegExp(`\\b${command}\\b`));
    }
    expect(result.stderr).toContain(`<workflow> is one of ${WORKFLOW_NAMES.join(', ')}`);
  });

  it('--help shows start with every workflow it takes, sweep and hr-event included', async () => {
    // Act
    const result = await runCli(['--help']);

    // Assess
    expect(result.stdout).toContain('npm run jml -- start <joiner|mover|leaver|sweep|hr-event> --input');
    expect(result.stdout).not.toContain('start <joiner|mover|leaver>');
  });
});

describe('jml unknown options', () => {
  it.each([
    [['run', 'leaver', '--bogus'], 'jml: unknown option --bogus\n'],
    [['run', 'leaver', '--dryrun'], 'jml: unknown option --dryrun: did you mean --dry-run?\n'],
    [['executions', '--statuss', 'RUNNING'], 'jml executions: unknown option --statuss: did you mean --status?\n'],
    [['run', 'leaver', '--input'], 'jml: --input needs a value, e.g. --input <value>\n'],
  ])('%j: in our words, quotes balanced (exit 2)', async (argv, first) => {
    // Act
    const result = await runCli(argv);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith(first), result.stderr).toBe(true);
    expect(result.stderr).not.toContain('positional argument');
    expect((result.stderr.match(/'/g) ?? []).length % 2).toBe(0);
    expect((result.stderr.match(/"/g) ?? []).length % 2).toBe(0);
  });
});

describe('jml config messages', () => {
  it('names a key nobody knows and lists the keys the config takes (exit 2, nothing called)', async () => {
    // Prepare
    const config = join(dir, 'bogus-key.yaml');
    writeFileSync(config, `${readFileSync(EXAMPLE, 'utf8')}\nbogusKey: 1\n`);

    // Act
    const result = await runCli([...LEAVER, '--config', config]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('  - bogusKey: unknown key (check the spelling); the config takes resources, accessRules, protectedAccounts, leaver, limits, hr, inactivity\n');
    expect(result.stderr).not.toContain('(the whole config)');
    expect(result.stderr).not.toContain('▶');
  });

  it('names a misspelt nested key by its path and lists that object\'s keys', async () => {
    // Prepare
    const config = join(dir, 'nested-key.yaml');
    writeFileSync(config, readFileSync(EXAMPLE, 'utf8').replace('  graceDays: 30', '  graceDay: 30'));

    // Act
    const result = await runCli(['check-config', '--config', config]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('leaver.graceDay: unknown key (check the spelling); leaver takes graceDays');
  });

  it('--config naming a directory says so about --config, not about JML_CONFIG_FILE', async () => {
    // Act
    const flag = await runCli([...LEAVER, '--config', dir]);
    const variable = await runCli(LEAVER, { JML_CONFIG_FILE: dir });

    // Assess
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain(`jml: --config ${dir} names a directory: give the config file itself, a JSON or YAML file such as config/jml.example.yaml.`);
    expect(flag.stderr).not.toContain('JML_CONFIG_FILE');
    expect(variable.code).toBe(2);
    expect(variable.stderr).toContain(`jml: JML_CONFIG_FILE=${dir} names a directory`);
  });
});
