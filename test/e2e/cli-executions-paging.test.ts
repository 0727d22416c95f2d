import { describe, expect, it } from 'vitest';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { RunningRuntime } from '../../local/runtime/start-runtime.js';
import { moveClock, sfnClient, useSharedRuntime } from '../runtime/support/runtime-harness.js';
import { runCli } from './cli-harness.js';

/** `jml executions` pages through the local runtime's executions: --limit, --next-token, --all. */

interface Listed {
  name: string;
  workflow: string;
  startDate: string;
}

describe('jml executions against the local runtime: pages', () => {
  let runtime: RunningRuntime;
  const started: string[] = []; // newest first
  const on = () => ['--endpoint', runtime.endpoint];

  useSharedRuntime((shared) => {
    runtime = shared.runtime;
  });

  /** Seven dry runs a second apart, alternating leaver and joiner, once per describe block. */
  async function startSeven(): Promise<void> {
    if (started.length > 0) return;
    const client = sfnClient(runtime.endpoint);
    for (let i = 1; i <= 7; i += 1) {
      const workflow = i % 2 === 0 ? 'joiner' : 'leaver';
      const name = `paging-${workflow}-${i}`;
      const stateMachineArn = runtime.stateMachines.find((machine) => machine.workflow === workflow)!.arn;
      await client.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify({ email: 'ada.lovelace@acme.example', dryRun: true }) }));
      await moveClock(runtime.endpoint, { advanceMs: 1000 });
      started.unshift(name);
    }
    client.destroy();
  }

  it('follows --next-token page by page to the oldest execution, each listed once, newest first', async () => {
    // Prepare
    await startSeven();

    // Act
    const pages: Listed[][] = [];
    const notes: string[] = [];
    let token: string | undefined;
    do {
      const result = await runCli(['executions', '--limit', '3', '--json', ...(token ? ['--next-token', token] : []), ...on()]);
      expect(result.code).toBe(0);
      pages.push(JSON.parse(result.stdout) as Listed[]);
      notes.push(result.stderr);
      token = /--next-token (\S+)/.exec(result.stderr)?.[1];
    } while (token && pages.length < 10);

    // Assess
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat().map((listed) => listed.name)).toEqual(started);
    expect(notes[0]).toMatch(/^showing 3 executions of jml-joiner, jml-mover, jml-leaver, jml-sweep, jml-hr-event, newest first; older ones: --all, or the next page:\n  jml executions --next-token \S+ --limit 3 --endpoint http:\/\/127\.0\.0\.1:\d+\n$/);
    expect(notes.at(-1)).toMatch(/^details: jml describe <name> --endpoint /);
  });

  it('--all lists every execution in one go; --next-token refuses other filters and --all refuses --limit (exit 2)', async () => {
    // Prepare
    await startSeven();
    const first = await runCli(['executions', '--limit', '2', ...on()]);
    const token = /--next-token (\S+)/.exec(first.stderr)?.[1] as string;

    // Act
    const all = await runCli(['executions', '--all', '--json', ...on()]);
    const rest = await runCli(['executions', '--all', '--json', '--next-token', token, ...on()]);
    const onlyLeavers = await runCli(['executions', '--workflow', 'leaver', '--next-token', token, ...on()]);
    const both = await runCli(['executions', '--all', '--limit', '5', ...on()]);

    // Assess
    expect(first.stdout.trimEnd().split('\n').map((line) => line.split(/\s+/)[0])).toEqual(['NAME', ...started.slice(0, 2)]);
    expect([all.code, (JSON.parse(all.stdout) as Listed[]).map((listed) => listed.name)]).toEqual([0, started]);
    expect(all.stderr).not.toMatch(/--next-token/);
    expect((JSON.parse(rest.stdout) as Listed[]).map((listed) => listed.name)).toEqual(started.slice(2));
    expect([onlyLeavers.code, onlyLeavers.stderr]).toEqual([2, expect.stringMatching(/this --next-token continues `jml executions`: repeat the same --workflow and --status with it/)]);
    expect([both.code, both.stderr]).toEqual([2, expect.stringMatching(/--all and --limit exclude each other/)]);
  });
});
