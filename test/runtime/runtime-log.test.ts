import { describe, expect, it } from 'vitest';
import { StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { DAY, LEAVER_ARN, moveClock, sfnClient, startTestRuntime, useFreshOrgEachTest } from './support/runtime-harness.js';
import type { RunningRuntime } from '../../local/runtime/start-runtime.js';
import { parseRuntimeCommandLine } from '../../local/runtime/runtime-options.js';

/**
 * The runtime's log in its default text format, in-process (the JSON format and the process's own
 * lines are checked with `npm start` as a child: runtime-log-process.test.ts).
 */
describe('runtime log (text): one line per execution start and end, failures with their cause', () => {
  const lines: string[] = [];
  const start = useFreshOrgEachTest<RunningRuntime>(
    { start: (fresh) => startTestRuntime(fresh.org, fresh.dataDir, { log: (line) => lines.push(line) }), stop: (runtime) => runtime.close() },
    () => void lines.splice(0),
  );

  it('says who, what and how it ended: the email of the input and nothing else of the person', async () => {
    // Prepare
    const runtime = await start();
    const client = sfnClient(runtime.endpoint);

    // Act: a dry run that succeeds, an input that is no object, a leaver stopped in its grace period
    await client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name: 'log-dry', input: '{"email":"ada.lovelace@acme.example","dryRun":true}' }));
    await client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name: 'log-42', input: '42' }));
    await client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name: 'log-named', input: '{"email":"Grace Hopper"}' }));
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: LEAVER_ARN, name: 'log-linus', input: '{"email":"linus.torvalds@acme.example"}' }));
    await moveClock(runtime.endpoint, { advanceMs: 2 * DAY + 3_600_000 });
    await client.send(new StopExecutionCommand({ executionArn, error: 'HR.Cancelled', cause: 'HR withdrew\nthe termination' }));

    // Assess: the starts in order; the ends as each execution got there
    const starts = lines.filter((line) => line.startsWith('execution started'));
    const ends = lines.filter((line) => !line.startsWith('execution started'));
    expect(starts).toEqual([
      'execution started: leaver log-dry for ada.lovelace@acme.example',
      'execution started: leaver log-42',
      'execution started: leaver log-named',
      'execution started: leaver log-linus for linus.torvalds@acme.example',
    ]);
    expect(ends).toHaveLength(4);
    expect(ends).toEqual(expect.arrayContaining([
      'execution SUCCEEDED: leaver log-dry for ada.lovelace@acme.example after 0 ms',
      expect.stringMatching(/^execution FAILED: leaver log-42 after 0 ms: Jml\.InvalidInput: The leaver failed: Invalid leaver input: \(the input\): the input must be a JSON object/),
      expect.stringMatching(/^execution FAILED: leaver log-named after 0 ms: Jml\.InvalidInput: The leaver failed: Invalid leaver input: email: /),
    ]));
    expect(lines.at(-1)).toBe('execution ABORTED: leaver log-linus for linus.torvalds@acme.example after 2 d 1 h: HR.Cancelled: HR withdrew the termination');
    expect(lines.join('\n')).not.toMatch(/Ada Lovelace|Linus Torvalds|Grace Hopper|Engineering/);
    expect(lines.every((line) => line.length <= 400)).toBe(true);
  });
});

describe('npm start --log-format', () => {
  it('is text or json (text when not given)', () => {
    expect(parseRuntimeCommandLine(['--log-format', 'text'], {})).toMatchObject({ options: { logFormat: 'text' } });
    expect(parseRuntimeCommandLine(['--log-format', 'json'], {})).toMatchObject({ options: { logFormat: 'json' } });
    expect(() => parseRuntimeCommandLine(['--log-format', 'xml'], {})).toThrow('--log-format must be text or json, not "xml"');
  });
});
