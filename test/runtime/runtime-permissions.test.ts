import { describe, expect, it } from 'vitest';
import { DescribeExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningRuntime } from '../../local/runtime/start-runtime.js';
import { LEAVER_ARN, moveClock, sfnClient, startTestRuntime, useFreshOrgEachTest, type TestOrg } from './support/runtime-harness.js';

const SWEEP_ARN = 'arn:aws:states:local:000000000000:stateMachine:jml-sweep';

function modeOf(path: string): string {
  return `0${(statSync(path).mode & 0o777).toString(8)}`;
}

/** Every file and folder under `root`, with its mode. */
function modesUnder(root: string): Array<{ path: string; mode: string; folder: boolean }> {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const path = join(root, entry.name);
    const here = { path, mode: modeOf(path), folder: entry.isDirectory() };
    return entry.isDirectory() ? [here, ...modesUnder(path)] : [here];
  });
}

describe('runtime: personal data is for the owner only', () => {
  let org: TestOrg;
  let dataDir: string;
  const lines: string[] = [];
  const start = useFreshOrgEachTest<RunningRuntime>(
    { start: (fresh) => startTestRuntime(fresh.org, join(fresh.dataDir, 'nested', 'data'), { log: (line) => lines.push(line) }), stop: (runtime) => runtime.close() },
    (fresh) => {
      ({ org, dataDir } = fresh);
      lines.length = 0;
    },
  );

  it('makes the data folder 0700 and the stores, backups, sweep reports and snapshots in it 0600', async () => {
    // Prepare: a leaver (the brake's store) and an enforced sweep (reports, snapshots)
    const runtime = await start();
    const client = sfnClient(runtime.endpoint);
    await client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name: 'leaver-alan', input: JSON.stringify({ email: 'alan.turing@acme.example' }) }));
    const sweep = await client.send(new StartExecutionCommand({ stateMachineArn: SWEEP_ARN, name: 'sweep-now', input: JSON.stringify({ dryRun: false, overrideLimits: true }) }));

    // Act
    await moveClock(runtime.endpoint);
    const swept = await client.send(new DescribeExecutionCommand({ executionArn: sweep.executionArn }));

    // Assess
    expect(swept.status).toBe('SUCCEEDED');
    const data = join(dataDir, 'nested', 'data');
    expect([modeOf(join(dataDir, 'nested')), modeOf(data)]).toEqual(['0700', '0700']);
    const entries = modesUnder(data);
    const names = entries.map((entry) => entry.path.slice(data.length + 1));
    expect(names).toEqual(expect.arrayContaining([
      'runtime.sqlite', 'runtime.sqlite-wal', 'change-budget.sqlite', 'change-budget.sqlite-wal', 'change-budget.sqlite-shm', 'backups', 'reports',
    ]));
    expect(names.some((name) => /^reports\/.+\/report\.html$/.test(name))).toBe(true);
    expect(names.some((name) => /^reports\/.+snapshot/.test(name))).toBe(true);
    expect(entries.filter((entry) => entry.folder).map((entry) => [entry.path, entry.mode])).toEqual(entries.filter((entry) => entry.folder).map((entry) => [entry.path, '0700']));
    expect(entries.filter((entry) => !entry.folder).map((entry) => [entry.path, entry.mode])).toEqual(entries.filter((entry) => !entry.folder).map((entry) => [entry.path, '0600']));
  });

  it('tightens a data folder and store an earlier version left readable by others, and says so', async () => {
    // Prepare: a 0755 folder with a 0644 store (no store yet: the runtime makes one), as before
    const data = join(dataDir, 'nested', 'data');
    mkdirSync(join(data, 'reports'), { recursive: true, mode: 0o755 });
    chmodSync(data, 0o755);
    chmodSync(join(data, 'reports'), 0o755);
    writeFileSync(join(data, 'reports', 'old-report.html'), 'someone', { mode: 0o644 });

    // Act
    await start();

    // Assess
    expect([modeOf(data), modeOf(join(data, 'reports')), modeOf(join(data, 'runtime.sqlite'))]).toEqual(['0700', '0700', '0600']);
    expect(lines).toContain(`data folder ${data}: permissions tightened from 0755 to 0700 (it holds personal data)`);
  });
});
