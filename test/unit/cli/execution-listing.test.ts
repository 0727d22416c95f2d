import { ListExecutionsCommand, ListStateMachinesCommand, type ExecutionListItem } from '@aws-sdk/client-sfn';
import { beforeEach, describe, expect, it } from 'vitest';
import { deployStacks, executionArn, machineArn, runAws, serviceError, sfn } from './support/sfn-fixtures.js';

function item(workflow: string, name: string, status: ExecutionListItem['status'], start: string, stop?: string): ExecutionListItem {
  return {
    name,
    executionArn: executionArn(workflow, name),
    stateMachineArn: machineArn(workflow),
    status,
    startDate: new Date(start),
    ...(stop ? { stopDate: new Date(stop) } : {}),
  };
}

beforeEach(() => {
  sfn.reset();
  deployStacks('AtlassianJml');
});

describe('jml executions --aws', () => {
  it('lists every workflow\'s executions, newest first, in aligned columns', async () => {
    // Prepare
    sfn.on(ListExecutionsCommand).resolves({ executions: [] });
    sfn.on(ListExecutionsCommand, { stateMachineArn: machineArn('leaver') }).resolves({
      executions: [
        item('leaver', 'leaver-HR-2', 'RUNNING', '2026-05-12T09:00:00Z'),
        item('leaver', 'leaver-HR-1', 'FAILED', '2026-05-10T09:00:00Z', '2026-05-10T09:00:04.5Z'),
      ],
    });
    sfn.on(ListExecutionsCommand, { stateMachineArn: machineArn('joiner') }).resolves({
      executions: [item('joiner', 'joiner-nina', 'SUCCEEDED', '2026-05-11T08:00:00Z', '2026-05-11T08:00:02Z')],
    });

    // Act
    const result = await runAws(['executions']);

    // Assess
    expect(result.code).toBe(0);
    for (const workflow of ['joiner', 'mover', 'leaver']) {
      expect(sfn).toHaveReceivedCommandWith(ListExecutionsCommand, { stateMachineArn: machineArn(workflow), maxResults: 50 });
    }
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(['NAME', 'leaver-HR-2', 'joiner-nina', 'leaver-HR-1']);
    expect(lines[0].indexOf('STATUS')).toBe(lines[1].indexOf('RUNNING'));
    expect(lines[2].indexOf('SUCCEEDED')).toBe(lines[3].indexOf('FAILED'));
    expect(lines[3]).toContain('2026-05-10T09:00:04.500Z  4.5 s');
  });

  it('sends the status filter, pages with nextToken up to --limit, and prints JSON with --json', async () => {
    // Prepare
    sfn.on(ListExecutionsCommand, { stateMachineArn: machineArn('leaver') }).resolves({
      executions: [item('leaver', 'leaver-c', 'RUNNING', '2026-05-12T03:00:00Z'), item('leaver', 'leaver-b', 'RUNNING', '2026-05-12T02:00:00Z')],
      nextToken: 'page-2',
    });
    sfn.on(ListExecutionsCommand, { stateMachineArn: machineArn('leaver'), nextToken: 'page-2' }).resolves({
      executions: [item('leaver', 'leaver-a', 'RUNNING', '2026-05-12T01:00:00Z')],
      nextToken: 'page-3',
    });

    // Act
    const result = await runAws(['executions', '--workflow', 'leaver', '--status', 'running', '--limit', '3', '--json']);

    // Assess
    expect(result.code).toBe(0);
    expect(sfn).toHaveReceivedCommandTimes(ListExecutionsCommand, 2);
    expect(sfn).toHaveReceivedNthCommandWith(ListExecutionsCommand, 1, { stateMachineArn: machineArn('leaver'), statusFilter: 'RUNNING', maxResults: 3 });
    expect(sfn).toHaveReceivedNthCommandWith(ListExecutionsCommand, 2, { stateMachineArn: machineArn('leaver'), statusFilter: 'RUNNING', maxResults: 1, nextToken: 'page-2' });
    const listed = JSON.parse(result.stdout) as { name: string; workflow: string; status: string; startDate: string; executionArn: string }[];
    expect(listed.map((execution) => execution.name)).toEqual(['leaver-c', 'leaver-b', 'leaver-a']);
    expect(listed[0]).toEqual({ name: 'leaver-c', workflow: 'leaver', status: 'RUNNING', startDate: '2026-05-12T03:00:00.000Z', executionArn: executionArn('leaver', 'leaver-c') });
    expect(result.stderr).toMatch(/showing 3 RUNNING executions of AtlassianJml-leaver, newest first; older ones: --all, or the next page:\n  jml executions --next-token \S+ --workflow leaver --status RUNNING --limit 3 --aws --region eu-west-1\n/);
  });

  it('continues with --next-token where the page ended, also in the middle of a ListExecutions page', async () => {
    // Prepare: leaver's page 1 holds three, of which --limit 2 shows two (the newest overall come from joiner too)
    sfn.on(ListExecutionsCommand).resolves({ executions: [] });
    sfn.on(ListExecutionsCommand, { stateMachineArn: machineArn('leaver') }).resolves({
      executions: [item('leaver', 'l3', 'SUCCEEDED', '2026-05-12T03:00:00Z'), item('leaver', 'l2', 'SUCCEEDED', '2026-05-12T02:00:00Z')],
      nextToken: 'leaver-page-2',
    });
    sfn.on(ListExecutionsCommand, { stateMachineArn: machineArn('joiner') }).resolves({ executions: [item('joiner', 'j1', 'SUCCEEDED', '2026-05-12T02:30:00Z')] });
    sfn.on(ListExecutionsCommand, { stateMachineArn: machineArn('leaver'), nextToken: 'leaver-page-2' }).resolves({ executions: [item('leaver', 'l1', 'SUCCEEDED', '2026-05-12T01:00:00Z')] });

    // Act
    const first = await runAws(['executions', '--limit', '2', '--json']);
    const token = /--next-token (\S+)/.exec(first.stderr)?.[1] as string;
    sfn.resetHistory();
    const second = await runAws(['executions', '--limit', '2', '--json', '--next-token', token]);
    const wrongQuery = await runAws(['executions', '--status', 'FAILED', '--next-token', token]);
    const garbled = await runAws(['executions', '--next-token', 'bm9wZQ']);

    // Assess
    expect((JSON.parse(first.stdout) as { name: string }[]).map((e) => e.name)).toEqual(['l3', 'j1']);
    expect((JSON.parse(second.stdout) as { name: string }[]).map((e) => e.name)).toEqual(['l2', 'l1']);
    expect(sfn).toHaveReceivedCommandWith(ListExecutionsCommand, { stateMachineArn: machineArn('leaver'), maxResults: 3 }); // the page again, from its second item
    expect(sfn).not.toHaveReceivedCommandWith(ListExecutionsCommand, { stateMachineArn: machineArn('joiner') }); // listed to its end already
    expect(second.stderr).not.toMatch(/--next-token/);
    expect([wrongQuery.code, wrongQuery.stderr]).toEqual([2, expect.stringMatching(/this --next-token continues `jml executions`: repeat the same --workflow and --status/)]);
    expect([garbled.code, garbled.stderr]).toEqual([2, expect.stringMatching(/--next-token is not a token that `jml executions` printed/)]);
  });

  it('keeps only the newest --limit across state machines', async () => {
    // Prepare
    sfn.on(ListExecutionsCommand).resolves({ executions: [] });
    sfn.on(ListExecutionsCommand, { stateMachineArn: machineArn('leaver') }).resolves({ executions: [item('leaver', 'old', 'SUCCEEDED', '2026-01-01T00:00:00Z')] });
    sfn.on(ListExecutionsCommand, { stateMachineArn: machineArn('mover') }).resolves({ executions: [item('mover', 'new', 'SUCCEEDED', '2026-02-01T00:00:00Z')] });

    // Act
    const result = await runAws(['executions', '--limit', '1', '--json']);

    // Assess
    expect((JSON.parse(result.stdout) as { name: string }[]).map((execution) => execution.name)).toEqual(['new']);
  });

  it('says so when there is none', async () => {
    // Prepare
    sfn.on(ListExecutionsCommand).resolves({ executions: [] });

    // Act
    const result = await runAws(['executions', '--status', 'TIMED_OUT']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('no TIMED_OUT executions of AtlassianJml-joiner, AtlassianJml-mover, AtlassianJml-leaver\n');
  });

  it.each([
    [['--status', 'DONE'], /--status must be one of RUNNING, SUCCEEDED, FAILED, ABORTED, TIMED_OUT, not "DONE"/],
    [['--limit', '0'], /--limit must be a whole number from 1 to 1000/],
    [['--limit', '2.5'], /--limit must be a whole number/],
    [['--workflow', 'offboarder'], /--workflow must be one of: joiner, mover, leaver/],
  ])('refuses %j before any call (exit 2)', async (options, message) => {
    // Act
    const result = await runAws(['executions', ...options]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(sfn).not.toHaveReceivedAnyCommand();
  });

  it('explains AccessDenied on ListStateMachines (exit 1)', async () => {
    // Prepare
    sfn.reset();
    sfn.on(ListStateMachinesCommand).rejects(serviceError('AccessDeniedException', 'User: arn:aws:sts::123456789012:assumed-role/ReadOnly/ops is not authorized to perform: states:ListStateMachines'));

    // Act
    const result = await runAws(['executions']);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^jml executions: AWS refused ListStateMachines \(AccessDeniedException\): User: .*ReadOnly/);
    expect(result.stdout).toBe('');
  });
});
