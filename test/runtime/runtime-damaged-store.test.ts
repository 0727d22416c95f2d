import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DAY, LEAVER_ARN, moveClock, sfnClient, startTestOrg, startTestRuntime, tempDataDir, type TestOrg } from './support/runtime-harness.js';
import { runRuntimeCommand, spawnRuntime } from './support/runtime-process.js';

const LEAVERS = ['alan.turing@acme.example', 'ada.lovelace@acme.example', 'barbara.liskov@acme.example'];

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Overwrites whole pages in the middle of a SQLite file with pseudo-random bytes (seeded: the same damage each run). */
function damagePages(file: string): void {
  const pageSize = readFileSync(file).readUInt16BE(16);
  const pages = statSync(file).size / pageSize;
  let seed = 42;
  const garbage = Buffer.alloc(3 * pageSize, 0).map(() => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) & 0xff);
  const fd = openSync(file, 'r+');
  writeSync(fd, garbage, 0, garbage.length, Math.floor(pages / 2 - 1) * pageSize);
  closeSync(fd);
}

describe('runtime: a damaged store is refused, never replaced', () => {
  let org: TestOrg;
  const dirs: Array<ReturnType<typeof tempDataDir>> = [];
  beforeEach(async () => {
    org = await startTestOrg();
  });
  afterEach(async () => {
    await org.close();
    for (const dir of dirs.splice(0)) dir.remove();
  });
  const folder = () => {
    const dir = tempDataDir();
    dirs.push(dir);
    return dir.dir;
  };
  const orgFlags = () => ['--api-url', org.api.baseUrl, '--org-id', org.api.orgId];
  const orgEnv = () => ({ ATLASSIAN_API_KEY: org.api.apiKey });
  /** A real store: three leavers waiting in their grace period. Its backup of `backupDay` holds them when taken after they started. */
  const realStore = async (dir: string, backupDay?: Date) => {
    const runtime = await startTestRuntime(org, dir, { ...(backupDay ? { backupClock: () => backupDay } : {}) });
    const client = sfnClient(runtime.endpoint);
    for (const [index, email] of LEAVERS.entries()) {
      await client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name: `leaver-${index}`, input: JSON.stringify({ email }) }));
    }
    await moveClock(runtime.endpoint);
    await runtime.close();
  };

  it('refuses, with exit 1 and the file named, an empty, a non-SQLite, a page-damaged, a newer and an unknown store, and an empty change-budget store, leaving each byte for byte', async () => {
    // Prepare
    const [empty, garbage, damaged, newer, emptyBudget, unknown] = [folder(), folder(), folder(), folder(), folder(), folder()];
    writeFileSync(join(empty, 'runtime.sqlite'), '');
    writeFileSync(join(garbage, 'runtime.sqlite'), Buffer.from('this is not a database, but it is long enough to look like one. '.repeat(64)));
    await realStore(damaged);
    damagePages(join(damaged, 'runtime.sqlite'));
    await realStore(newer);
    const db = new Database(join(newer, 'runtime.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    writeFileSync(join(emptyBudget, 'change-budget.sqlite'), '');
    const other = new Database(join(unknown, 'runtime.sqlite')); // some other program's database
    other.exec('CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES (\'hello\')');
    other.close();
    const files = [
      join(empty, 'runtime.sqlite'), join(garbage, 'runtime.sqlite'), join(damaged, 'runtime.sqlite'), join(newer, 'runtime.sqlite'),
      join(emptyBudget, 'change-budget.sqlite'), join(unknown, 'runtime.sqlite'),
    ];
    const before = files.map(sha256);
    const callsBefore = org.proxy.requests.length;

    // Act
    const results = await Promise.all([empty, garbage, damaged, newer, emptyBudget, unknown].map((dir) => runRuntimeCommand(['--port', '0', '--sweep-schedule', 'off', '--data', dir, ...orgFlags()], orgEnv())));

    // Assess
    expect(results.map((result) => result.code)).toEqual([1, 1, 1, 1, 1, 1]);
    const [emptyOut, garbageOut, damagedOut, newerOut, budgetOut, unknownOut] = results.map((result) => result.stderr);
    expect(emptyOut).toContain(`jml runtime: cannot start: ${files[0]} is empty (0 bytes): its content is lost; it was left as it is.\n`);
    expect(garbageOut).toContain(`jml runtime: cannot start: ${files[1]} is not a SQLite database (its first bytes are not the SQLite header); it was left as it is.\n`);
    expect(damagedOut).toContain(`jml runtime: cannot start: ${files[2]} is damaged (`);
    expect(newerOut).toContain(`jml runtime: cannot start: ${files[3]} was written by a newer runtime (schema 99, this one knows up to 2); it was left as it is`);
    expect(budgetOut).toContain(`${files[4]} is empty (0 bytes): its content is lost; it was left as it is.`);
    expect(unknownOut).toContain(`jml runtime: cannot start: ${files[5]} is a SQLite database but not a runtime store (schema version 0); it was left as it is.`);
    for (const out of [emptyOut, garbageOut]) expect(out).toMatch(/There is no backup of it in .*backups\.\nOr move it aside and start with an empty one \(every execution in it is forgotten, waiting leavers are never removed\):\n {2}mkdir /);
    expect(damagedOut).toMatch(/is damaged \(SQLite's integrity check: [^\n]+\); it was left as it is\.\nRestore the newest backup \(runtime-\d{4}-\d{2}-\d{2}\.sqlite\):\n {2}mkdir /);
    expect(files.map(sha256)).toEqual(before);
    expect(org.proxy.requests.length).toBe(callsBefore); // refused before anything called the org
  });

  it('is restored from the newest daily backup with the command the refusal prints; the restored store runs its executions', async () => {
    // Prepare: yesterday's backup (taken at a start before any execution), today's (with the three leavers)
    const dir = folder();
    await realStore(dir, new Date(Date.now() - DAY));
    const second = await startTestRuntime(org, dir);
    await second.close();
    const today = new Date().toISOString().slice(0, 10);
    damagePages(join(dir, 'runtime.sqlite'));

    // Act: refused, then the printed restore command, then a start
    const refused = await runRuntimeCommand(['--port', '0', '--sweep-schedule', 'off', '--clock', 'manual', '--data', dir, ...orgFlags()], orgEnv());
    const command = /Restore the newest backup \(.+\):\n {2}(.+)\n/.exec(refused.stderr)?.[1];
    execFileSync('sh', ['-c', command ?? 'false']);
    const restored = await spawnRuntime(['--port', '0', '--sweep-schedule', 'off', '--clock', 'manual', '--data', dir, ...orgFlags()], orgEnv());
    restored.child.kill('SIGTERM');
    await restored.exited;

    // Assess
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Restore the newest backup (runtime-${today}.sqlite):\n  mkdir ${dir}/damaged-`);
    expect(restored.stdout()).toContain('resumed: 3 running execution(s), 3 of them in a Wait');
    const aside = readdirSync(dir).find((name) => name.startsWith('damaged-')) as string;
    expect(readdirSync(join(dir, aside))).toContain('runtime.sqlite');
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual([
      `change-budget-${new Date(Date.now() - DAY).toISOString().slice(0, 10)}.sqlite`, `change-budget-${today}.sqlite`,
      `runtime-${new Date(Date.now() - DAY).toISOString().slice(0, 10)}.sqlite`, `runtime-${today}.sqlite`,
    ]);
  });

  it('keeps the newest 7 daily backups of each store, one per day, never overwritten', async () => {
    // Prepare: eight older backups
    const dir = folder();
    mkdirSync(join(dir, 'backups'), { mode: 0o700 });
    const old = Array.from({ length: 8 }, (_, index) => `runtime-2026-11-0${index + 1}.sqlite`);
    for (const name of old) writeFileSync(join(dir, 'backups', name), 'older backup', { mode: 0o600 });
    const day = (iso: string) => () => new Date(iso);

    // Act: a start on Dec 1, a second one the same day, and one on Dec 2
    await (await startTestRuntime(org, dir, { backupClock: day('2026-12-01T08:00:00Z') })).close();
    const first = statSync(join(dir, 'backups', 'runtime-2026-12-01.sqlite')).mtimeMs;
    await (await startTestRuntime(org, dir, { backupClock: day('2026-12-01T20:00:00Z') })).close();
    const again = statSync(join(dir, 'backups', 'runtime-2026-12-01.sqlite')).mtimeMs;
    await (await startTestRuntime(org, dir, { backupClock: day('2026-12-02T08:00:00Z') })).close();

    // Assess
    const runtimeBackups = readdirSync(join(dir, 'backups')).filter((name) => name.startsWith('runtime-')).sort();
    expect(runtimeBackups).toEqual([...old.slice(3), 'runtime-2026-12-01.sqlite', 'runtime-2026-12-02.sqlite']);
    expect(again).toBe(first);
    const budgetBackups = readdirSync(join(dir, 'backups')).filter((name) => name.startsWith('change-budget-')).sort();
    expect(budgetBackups).toEqual(['change-budget-2026-12-01.sqlite', 'change-budget-2026-12-02.sqlite']);
    const backup = new Database(join(dir, 'backups', 'runtime-2026-12-02.sqlite'), { readonly: true });
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(backup.pragma('user_version', { simple: true })).toBe(2);
    backup.close();
    expect(existsSync(join(dir, 'backups', 'runtime-2026-12-02.sqlite.partial'))).toBe(false);
    copyFileSync(join(dir, 'backups', 'runtime-2026-12-02.sqlite'), join(dir, 'copy-check.sqlite')); // readable as a plain file
  });
});
