import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runSimulatorCli, runSimulatorCommandHere } from './cli-process.js';

// Each used to print a zod issue array, a bare JSON.parse message, a Node error, or start anyway.
const BAD_FLAGS: Array<[string[], RegExp]> = [
  [['--faults', 'rate5xx=2'], /^--faults: Bad fault rule "rate5xx=2": rate5xx must be a share between 0 and 1; allowed: rules such as /],
  [['--faults', '[{"rate5xx":'], /^--faults: Fault rules are not valid JSON \(Unexpected end of JSON input\); send an array of rule objects/],
  [['--faults', '[{"rate5xx":0.1,"burst":3}]'], /^--faults: Bad fault rule 1 .*unknown key\(s\) burst; use pattern, rate5xx/],
  [['--port', '70000'], /^--port must be a whole number between 0 and 65535 \(0 picks a free port\); got "70000"\.$/],
  [['--port', '-1'], /^--port must be a whole number between 0 and 65535 \(0 picks a free port\); got "-1"\.$/],
  [['--users', '-5'], /^--users must be a whole number between 1 and 200000; got "-5"\.$/],
  [['--users=-5'], /^--users must be a whole number between 1 and 200000; got "-5"\.$/],
  [['--users', '200001'], /^--users must be a whole number between 1 and 200000; got "200001"\.$/],
  [['--api-key', ''], /^--api-key must be 1 to 200 visible characters, no spaces; got ""\.$/],
  [['--seed', 'two words'], /^--seed must be 1 to 100 visible characters, no spaces; got "two words"\.$/],
  [['--time-scale', '1e308'], /^--time-scale must be a number between 0 and 1000000; got "1e308"\.$/],
  [['--users'], /^--users needs a value: a whole number between 1 and 200000\.$/],
  [['--seed', '--port', '1'], /^--seed needs a value: 1 to 100 visible characters, no spaces \(a value starting with "-" goes as --seed=-value\)\.$/],
  [['--no-rate-limits=yes'], /^--no-rate-limits is a switch and takes no value/],
  [['--prot', '4010'], /^Unknown flag --prot; the flags are --port, --users, .*--help/],
  [['4010'], /^Unexpected argument "4010": every setting is a --flag/],
];

describe('npm run simulator: bad flags', () => {
  // In this process: the command is the same code the CLI runs (one real process below proves the exit code).
  it.each(BAD_FLAGS)('%j is one line naming the flag, exit code 2', async (args, message) => {
    // Act
    const result = await runSimulatorCommandHere(args);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(message)]);
  });

  it('explains a port that is taken', async () => {
    // Prepare
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;

    // Act
    const result = await runSimulatorCommandHere(['--port', String(port)]);
    taken.close();

    // Assess
    expect([result.code, result.stderr.trim()]).toEqual([2, `--port ${port} is already in use; pick another port between 1024 and 65535, or 0 for a free one.`]);
  });
});

describe('npm run simulator as a process', () => {
  it('a bad flag is one line on stderr and exit code 2', async () => {
    const result = await runSimulatorCli(['--port', '70000']);
    expect([result.code, result.stdout, result.stderr.trim()]).toEqual([2, '', '--port must be a whole number between 0 and 65535 (0 picks a free port); got "70000".']);
  });
});

describe('npm run simulator -- --help', () => {
  it('documents every flag: what it does, allowed values and default', async () => {
    // Act
    const result = await runSimulatorCommandHere(['--help']);
    const blocks = result.stdout.split(/^ {2}(?=--)/m).slice(1);

    // Assess
    expect(result.code).toBe(0);
    expect(blocks.map((block) => block.split(/[\s\n]/)[0])).toEqual(['--port', '--users', '--seed', '--api-key', '--faults', '--time-scale', '--no-rate-limits', '--help']);
    for (const block of blocks) expect(block).toMatch(/\n {6}\S[\s\S]*\n {6}Allowed: [\s\S]+\n {6}Default: /);
    expect(result.stdout).toMatch(/Allowed: a whole number between 1 and 200000\./);
    expect(result.stdout).toMatch(/rate5xx, rate429,\s+rate429NoRetryAfter, dropRate: a share between 0 and 1/);
  });
});

describe('npm run simulator -- --users (large org)', () => {
  it('prints generation progress on stderr every tenth', async () => {
    // Act
    const cli = await runSimulatorCommandHere(['--port', '0', '--users', '10000']);

    // Assess
    expect(cli.stderr.trim().split('\n')).toEqual(Array.from({ length: 10 }, (_, i) => `generating users: ${(i + 1) * 1000} of 10000 (${(i + 1) * 10}%)`));
    expect(cli.stdout).toMatch(/^ {2}users {9}10000 /m);
    expect(cli.code).toBe(0);
  });

  it('prints no progress for a small org', async () => {
    // Act
    const cli = await runSimulatorCommandHere(['--port', '0', '--users', '9999']);

    // Assess
    expect(cli.stderr).toBe('');
  });
});
