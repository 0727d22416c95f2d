import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DescribeExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DAY, LEAVER_ARN, REMOVE_USER, moveClock, sfnClient, startTestOrg, startTestRuntime, statusOf, tempDataDir, type TestOrg,
} from './support/runtime-harness.js';
import { runRuntimeCommand, spawnRuntime, type RuntimeProcess } from './support/runtime-process.js';

const ALAN = 'alan.turing@acme.example';
const FLAGS = ['--port', '0', '--clock', 'manual', '--sweep-schedule', 'off'];

describe('runtime: each execution runs only against the org it was started for', () => {
  let data: ReturnType<typeof tempDataDir>;
  let otherOrg: TestOrg;
  const processes: RuntimeProcess[] = [];
  beforeEach(async () => {
    data = tempDataDir();
    otherOrg = await startTestOrg({ seed: 'other-org' });
  });
  afterEach(async () => {
    for (const runtime of processes.splice(0)) {
      if (runtime.child.exitCode === null && runtime.child.signalCode === null) runtime.child.kill('SIGKILL');
      await runtime.exited;
    }
    await otherOrg.close();
    data.remove();
  });
  const spawn = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const runtime = await spawnRuntime([...FLAGS, '--data', data.dir, ...args], env);
    processes.push(runtime);
    return runtime;
  };
  const stop = async (runtime: RuntimeProcess) => {
    runtime.child.kill('SIGTERM');
    expect(await runtime.exited).toBe(0);
  };
  /** The other org has other workspaces: a config of its own (groups only) passes the start's config check. */
  const otherOrgFlags = () => {
    const config = join(data.dir, 'other-org.yaml');
    writeFileSync(config, 'accessRules:\n  - id: everyone-confluence\n    grant:\n      groups: [confluence-users]\n');
    return ['--api-url', otherOrg.api.baseUrl, '--org-id', otherOrg.api.orgId, '--config', config];
  };

  it('a leaver waiting on the embedded simulator continues after an embedded restart, but a start against another org is refused, listing it and the ways out', async () => {
    // Prepare: a leaver suspended on the embedded simulator, waiting in its grace period
    const first = await spawn([]);
    const started = await sfnClient(first.endpoint).send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name: 'leaver-alan-embedded', input: JSON.stringify({ email: ALAN }) }));
    await moveClock(first.endpoint);
    await stop(first);

    // Act 1: restart on the embedded simulator (what `npm start` users rely on)
    const second = await spawn([]);
    const resumedLine = second.stdout();
    await stop(second);

    // Act 2: restart against another org
    const refused = await runRuntimeCommand([...FLAGS, '--data', data.dir, ...otherOrgFlags()], { ATLASSIAN_API_KEY: otherOrg.api.apiKey });

    // Assess
    expect(resumedLine).toContain('resumed: 1 running execution(s), 1 of them in a Wait');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${join(data.dir, 'runtime.sqlite')} holds 1 running execution(s) started for another org than this start's (org ${otherOrg.api.orgId} at ${otherOrg.api.baseUrl})`);
    expect(refused.stderr).toMatch(/jml-leaver {2}leaver-alan-embedded {2}RUNNING {2}the embedded simulator \(demo org [\w-]+\)/);
    expect(refused.stderr).toContain('--data <another folder>');
    expect(refused.stderr).toContain('jml stop <name>');
    expect(refused.stderr).toContain('--abort-foreign-executions');
    expect(otherOrg.proxy.requests).toEqual([]); // the other org was never called

    // Act 3: the way out that ends them
    const third = await spawn([...otherOrgFlags(), '--abort-foreign-executions'], { ATLASSIAN_API_KEY: otherOrg.api.apiKey });
    const client = sfnClient(third.endpoint);
    await moveClock(third.endpoint, { advanceMs: 31 * DAY });
    const described = await client.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));

    // Assess: ABORTED with the reason, and nothing was changed in the other org
    expect(third.stderr()).toContain('1 running execution(s) of another org ended ABORTED without running (--abort-foreign-executions)');
    expect(described).toMatchObject({ status: 'ABORTED', error: 'Runtime.ForeignOrg' });
    expect(described.cause).toMatch(/^Not run: it was started for the embedded simulator \(demo org [\w-]+\), and the runtime was started for org /);
    // Only the start's config check read the other org (GETs, searches); nothing changed there
    expect(otherOrg.proxy.requests.filter((line) => !line.startsWith('GET ') && !line.endsWith('/search'))).toEqual([]);
    expect(otherOrg.proxy.count('DELETE', REMOVE_USER)).toBe(0);
  });
});

describe('runtime: executions from a store written before orgs were recorded (schema 1)', () => {
  let data: ReturnType<typeof tempDataDir>;
  let org: TestOrg;
  beforeEach(async () => {
    data = tempDataDir();
    org = await startTestOrg();
  });
  afterEach(async () => {
    await org.close();
    data.remove();
  });

  /** A version-1 store holding one RUNNING leaver that never entered a state. */
  function writeVersionOneStore(): string {
    const file = join(data.dir, 'runtime.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec(`
      CREATE TABLE state_machines (arn TEXT PRIMARY KEY, name TEXT NOT NULL, created_ms INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE executions (
        id INTEGER PRIMARY KEY, arn TEXT NOT NULL UNIQUE, state_machine_arn TEXT NOT NULL, name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED')),
        input TEXT NOT NULL, output TEXT, error TEXT, cause TEXT, start_ms INTEGER NOT NULL, stop_ms INTEGER,
        resume_state TEXT, resume_input TEXT, resume_entered INTEGER, resume_wait_until TEXT, last_event_id INTEGER NOT NULL DEFAULT 0,
        UNIQUE (state_machine_arn, name));
      CREATE TABLE history_events (execution_id INTEGER NOT NULL REFERENCES executions (id), id INTEGER NOT NULL, previous_id INTEGER NOT NULL,
        type TEXT NOT NULL, timestamp_ms INTEGER NOT NULL, details TEXT, PRIMARY KEY (execution_id, id)) WITHOUT ROWID;
      CREATE TABLE runtime_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    `);
    const arn = 'arn:aws:states:local:000000000000:execution:jml-leaver:leaver-alan-v1';
    db.prepare("INSERT INTO executions (arn, state_machine_arn, name, status, input, start_ms, last_event_id) VALUES (?, ?, 'leaver-alan-v1', 'RUNNING', ?, ?, 1)")
      .run(arn, 'arn:aws:states:local:000000000000:stateMachine:jml-leaver', JSON.stringify({ email: ALAN }), Date.now()); // as the store keeps ARNs
    db.prepare("INSERT INTO history_events VALUES (1, 1, 0, 'ExecutionStarted', ?, NULL)").run(Date.now());
    db.pragma('user_version = 1');
    db.close();
    return arn;
  }

  it('refuses to run them against an org it cannot tell they belong to, and runs them once adopted', async () => {
    // Prepare
    const arn = writeVersionOneStore();

    // Act
    const refused = await startTestRuntime(org, data.dir).then(() => undefined, (error: unknown) => error as Error);
    const adopted = await startTestRuntime(org, data.dir, { adoptUnknownExecutions: true });

    // Assess: migrated (schema 2), refused with the way out, then run to its grace period
    try {
      expect(refused?.name).toBe('ForeignExecutionsError');
      expect(refused?.message).toContain('jml-leaver  leaver-alan-v1  RUNNING  an unknown org (started before the runtime recorded orgs)');
      expect(refused?.message).toContain('--adopt-unknown-executions runs them here');
      expect(adopted.foreignExecutions).toEqual({ aborted: 0, adopted: 1 });
      await moveClock(adopted.endpoint);
      expect(await statusOf(sfnClient(adopted.endpoint), arn)).toBe('RUNNING');
      expect(org.sim.state.findUserByEmail(ALAN)?.membershipStatus).toBe('suspended');
    } finally {
      await adopted.close();
    }
    const migrated = new Database(join(data.dir, 'runtime.sqlite'), { readonly: true });
    expect(migrated.pragma('user_version', { simple: true })).toBe(2);
    migrated.close();
  });
});
