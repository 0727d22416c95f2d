import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../local/simulator/index.js';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy.js';
import { runCli } from './cli-harness.js';

/**
 * `jml run` checks the config against the org before a run that may change something (issue 18,
 * item 6): a config naming a group the org lacks used to invite the user and add other groups
 * before failing `Atlassian.NotFound`. In-process CLI; the org is the simulator over HTTP behind a
 * recording proxy, which counts every call the check and the workflow make.
 */

const EXAMPLE = new URL('../../config/jml.example.yaml', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'jml-run-config-check-'));
const HOUR = 60 * 60 * 1000;

function exampleWith(name: string, edits: Array<[string, string]>): string {
  let text = readFileSync(EXAMPLE, 'utf8');
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`the example config has no ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const WRONG = exampleWith('wrong.yaml', [['groups: [finance]', 'groups: [finanse]']]);
const FINANCE_JOINER = (email: string) => ['run', 'joiner', '--input', JSON.stringify({ email, name: 'New Hire', department: 'Finance' })];
/** Every request that is not a read (GETs, and the searches that are POSTs: users, groups, workspaces): the check makes none. */
const writes = (requests: readonly string[]) => requests.filter((line) => !line.startsWith('GET ') && !/\/(search|workspaces)$/.test(line));

describe('jml run checks the config against the embedded simulator', () => {
  it('refuses the joiner the issue met: lists the missing group by its config path, mentions --no-check, exit 2', async () => {
    // Act
    const result = await runCli([...FINANCE_JOINER('nina@acme.example'), '--config', WRONG]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`jml: ${WRONG} names 1 thing(s) the org`);
    expect(result.stderr).toContain('so the joiner was not started (nothing was changed)');
    expect(result.stderr).toContain('  - accessRules[7].grant.groups[0]: group "finanse" does not exist in the org');
    expect(result.stderr).toContain('--no-check');
    expect(result.stderr).not.toContain('InviteUser');
  });
});

describe('jml run checks the config against an API (--api-url)', () => {
  let sim: RunningSimulator;
  let proxy: RecordingProxy;
  let dataDir: string;
  const api = () => ['--api-url', proxy.baseUrl, '--org-id', sim.orgId, '--waits', 'short', '--data', dataDir];
  const env = () => ({ ATLASSIAN_API_KEY: sim.apiKey });
  /** Runs jml and returns its result with the requests it made. */
  const run = async (argv: string[], now?: () => number) => {
    const from = proxy.requests.length;
    const result = await runCli([...argv, ...api()], env(), '', now);
    return { ...result, requests: proxy.requests.slice(from) };
  };

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, rateLimits: false });
    proxy = await startRecordingProxy(sim.baseUrl);
    dataDir = mkdtempSync(join(dir, 'data-'));
  });
  afterAll(async () => {
    await proxy?.close();
    await sim?.close();
  });

  it('a config the org does not fit: exit 2, only reads reached the org, the user was not invited', async () => {
    // Act
    const result = await run([...FINANCE_JOINER('fiona@acme.example'), '--config', WRONG]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('accessRules[7].grant.groups[0]: group "finanse" does not exist in the org');
    expect(result.requests.length).toBeGreaterThan(0);
    expect(writes(result.requests)).toEqual([]);
    expect(sim.state.findUserByEmail('fiona@acme.example')).toBeUndefined();
    expect(existsSync(join(dataDir, 'config-checks.json'))).toBe(false); // a failure is not remembered
  });

  it('a config that fits: checked once, remembered for an hour per config and org, then checked again', async () => {
    // Prepare: the same joiner repeated, so every run after the first finds the same org ("already").
    const joiner = FINANCE_JOINER('felix@acme.example');
    const t0 = Date.parse('2026-12-07T09:00:00Z');

    // Act
    const first = await run(joiner, () => t0);
    const second = await run(joiner, () => t0 + 10 * 60 * 1000);
    const unchecked = await run([...joiner, '--no-check'], () => t0 + 20 * 60 * 1000);
    const anHourLater = await run(joiner, () => t0 + HOUR + 1);
    const edited = exampleWith('edited.yaml', [['graceDays: 30', 'graceDays: 31']]);
    const otherConfig = await run([...joiner, '--config', edited], () => t0 + HOUR + 2);

    // Assess
    for (const result of [first, second, unchecked, anHourLater, otherConfig]) expect(result.code, result.stderr).toBe(0);
    const checkCalls = Number(/config fits the org: .* checked with (\d+) API call\(s\)/.exec(first.stderr)?.[1]);
    expect(checkCalls).toBeGreaterThan(0);
    expect(second.stderr).toMatch(/✓ config fits the org \(checked 10 min ago, remembered in \S+config-checks\.json\)/);
    // The remembered check costs no call: the second run makes exactly the calls of an unchecked one.
    expect(second.requests).toEqual(unchecked.requests);
    expect(unchecked.stderr).toContain('config not checked against the org (--no-check)');
    expect(anHourLater.stderr).toMatch(/config fits the org: .* checked with \d+ API call\(s\)/);
    expect(anHourLater.requests.length).toBe(unchecked.requests.length + checkCalls);
    expect(otherConfig.stderr).toMatch(/config fits the org: .* checked with \d+ API call\(s\)/);
    const cache = readFileSync(join(dataDir, 'config-checks.json'), 'utf8');
    expect(cache).not.toContain(sim.apiKey);
    expect(JSON.parse(cache).checks).toHaveLength(2); // the example (checked again) and the edited config
  });

  it('a dry run is not checked: it changes nothing', async () => {
    // Act
    const dry = await run([...FINANCE_JOINER('dora@acme.example'), '--config', WRONG, '--dry-run']);

    // Assess
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toContain('config not checked against the org (a dry run changes nothing; jml check-config checks it)');
    expect(writes(dry.requests)).toEqual([]);
  });

  it('refuses a damaged cache file loudly and leaves it as it was (exit 1)', async () => {
    // Prepare
    const damagedDir = mkdtempSync(join(dir, 'damaged-'));
    writeFileSync(join(damagedDir, 'config-checks.json'), '{"version":1,"checks":[{"key":');

    // Act
    const result = await runCli([...FINANCE_JOINER('dan@acme.example'), '--api-url', proxy.baseUrl, '--org-id', sim.orgId, '--data', damagedDir], env());

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(damagedDir, 'config-checks.json')} is damaged (not JSON:`);
    expect(result.stderr).toContain('delete it and run again (or pass --no-check)');
    expect(readFileSync(join(damagedDir, 'config-checks.json'), 'utf8')).toBe('{"version":1,"checks":[{"key":');
    expect(sim.state.findUserByEmail('dan@acme.example')).toBeUndefined();
  });
});
