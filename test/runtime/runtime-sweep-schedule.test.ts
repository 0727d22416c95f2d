import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeExecutionCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { startRuntime, type RunningRuntime } from '../../local/runtime/start-runtime.js';
import { parseRuntimeCommandLine, RuntimeUsageError } from '../../local/runtime/runtime-options.js';
import { moveClock, sfnClient } from './support/runtime-harness.js';

describe('npm start runs the inactivity sweep on its schedule', () => {
  let runtime: RunningRuntime;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jml-runtime-sweep-'));
    runtime = await startRuntime({ port: 0, dataDir, clock: 'manual', log: () => {}, sweepSchedule: { cron: '0 6 * * *', timeZone: 'UTC' } });
  }, 60_000);
  afterAll(async () => {
    await runtime?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts one sweep at the next 06:00 UTC on the runtime clock, named after its run time, and none before', async () => {
    // Prepare
    const client = sfnClient(runtime.endpoint);
    const sweepArn = runtime.stateMachines.find((machine) => machine.workflow === 'sweep')!.arn;
    const next = runtime.sweepSchedule!.nextRun;
    const sweeps = async () => (await client.send(new ListExecutionsCommand({ stateMachineArn: sweepArn }))).executions ?? [];
    expect(next.getUTCHours()).toBe(6);
    expect(next.getUTCMinutes()).toBe(0);

    // Act: up to a minute before, then past the run time
    const now = Date.parse((await (await fetch(`${runtime.endpoint}/__control/clock`)).json() as { now: string }).now);
    await moveClock(runtime.endpoint, { advanceMs: next.getTime() - now - 60_000 });
    const before = await sweeps();
    await moveClock(runtime.endpoint, { advanceMs: 120_000 });
    const after = await sweeps();

    // Assess
    expect(before).toEqual([]);
    expect(after.map((execution) => execution.name)).toEqual([`sweep-scheduled-${next.toISOString().slice(0, 16).replace(':', '-')}Z`]);
    // Its report is in the runtime's data folder (--data), not wherever the process was started.
    const sweep = await client.send(new DescribeExecutionCommand({ executionArn: after[0].executionArn }));
    expect(sweep.status).toBe('SUCCEEDED');
    const report = (JSON.parse(sweep.output ?? '{}') as { report?: { html?: string } }).report?.html ?? '';
    expect(report.startsWith(join(dataDir, 'reports'))).toBe(true);
    expect(existsSync(report)).toBe(true);
  });

  it('checks the schedule flags like the deploy config does', () => {
    expect(parseRuntimeCommandLine(['--sweep-schedule', 'off'], {})).toMatchObject({ options: { sweepSchedule: false } });
    expect(parseRuntimeCommandLine(['--sweep-schedule', '30 5 * * 1-5', '--sweep-time-zone', 'Europe/Amsterdam'], {})).toMatchObject({
      options: { sweepSchedule: { cron: '30 5 * * 1-5', timeZone: 'Europe/Amsterdam' } },
    });
    expect(() => parseRuntimeCommandLine(['--sweep-schedule', '61 * * * *'], {})).toThrow(RuntimeUsageError);
    expect(() => parseRuntimeCommandLine(['--sweep-time-zone', 'Mars/Olympus'], {})).toThrow(/IANA time zone/);
  });
});

describe('missed run times of the schedule are coalesced into one sweep', () => {
  let runtime: RunningRuntime;
  let dataDir: string;
  const lines: string[] = [];
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jml-runtime-sweep-missed-'));
    runtime = await startRuntime({ port: 0, dataDir, clock: 'manual', log: (line) => lines.push(line), sweepSchedule: { cron: '0 6 * * *', timeZone: 'UTC' } });
  }, 60_000);
  afterAll(async () => {
    await runtime?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('moving the clock 31 days starts one sweep for the latest run time, titled and filed by it, and logs the coalescing', async () => {
    // Prepare
    const client = sfnClient(runtime.endpoint);
    const sweepArn = runtime.stateMachines.find((machine) => machine.workflow === 'sweep')!.arn;
    const first = runtime.sweepSchedule!.nextRun;

    // Act: 31 days pass in one move (the first run time, then 30 more)
    const moved = await moveClock(runtime.endpoint, { advanceMs: first.getTime() - Date.now() + 30 * 86_400_000 + 60_000 });

    // Assess: one sweep, for the latest run time (30 days after the first)
    const sweeps = (await client.send(new ListExecutionsCommand({ stateMachineArn: sweepArn }))).executions ?? [];
    const latest = new Date(first.getTime() + 30 * 86_400_000);
    expect(sweeps.map((execution) => execution.name)).toEqual([`sweep-scheduled-${latest.toISOString().slice(0, 16).replace(':', '-')}Z`]);
    expect(Date.parse(moved.now)).toBeGreaterThan(latest.getTime());
    const sweep = await client.send(new DescribeExecutionCommand({ executionArn: sweeps[0].executionArn }));
    expect(sweep.status).toBe('SUCCEEDED');
    const html = (JSON.parse(sweep.output ?? '{}') as { report: { html: string } }).report.html;
    expect(html).toContain(join(dataDir, 'reports', 'sweep', latest.toISOString().slice(0, 10)));
    expect(readFileSync(html, 'utf8')).toContain(`<title>Inactivity sweep ${latest.toISOString().slice(0, 10)}</title>`);
    expect(lines.filter((line) => line.startsWith('scheduled sweep started'))).toEqual([
      expect.stringContaining(`coalesced: 30 earlier run time(s) from ${first.toISOString()} passed without a sweep`),
    ]);
  });
});
