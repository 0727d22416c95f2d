import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListExecutionsCommand, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { DEFAULT_WEBHOOK_SECRETS, hiBobEventBody, hrSimulatorEnvironment, sendDelivery, signDelivery, startHrSimulator, type RunningHrSimulator } from '../../local/hr-simulator/index.js';
import { moveClock, sfnClient, tempDataDir } from './support/runtime-harness.js';
import { spawnRuntime, type RuntimeProcess } from './support/runtime-process.js';

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

interface LogLine {
  time: string;
  level: string;
  event: string;
  [field: string]: unknown;
}

/**
 * `npm start -- --log-format json` as a process: what it writes on stderr for a webhook delivery, the
 * executions it starts and how they end, a failure, a stop, and its own shutdown. One run, many lines.
 */
describe('npm start --log-format json: one JSON object per line', () => {
  let hr: RunningHrSimulator;
  let runtime: RuntimeProcess;
  const data = tempDataDir();

  beforeAll(async () => {
    hr = await startHrSimulator();
    runtime = await spawnRuntime(['--port', '0', '--data', data.dir, '--clock', 'manual', '--sweep-schedule', 'off', '--log-format', 'json'], hrSimulatorEnvironment(hr, DEFAULT_WEBHOOK_SECRETS));
  }, 60_000);
  afterAll(async () => {
    if (runtime && runtime.child.exitCode === null && runtime.child.signalCode === null) runtime.child.kill('SIGKILL');
    await hr?.close();
    data.remove();
  });

  /** stderr as log lines, once `done` holds (bounded by attempts: the runtime works in the background). */
  async function linesWhen(done: (lines: LogLine[]) => boolean): Promise<LogLine[]> {
    let lines: LogLine[] = [];
    for (let attempt = 0; attempt < 400; attempt += 1) {
      lines = runtime.stderr().split('\n').filter(Boolean).map((line) => JSON.parse(line) as LogLine);
      if (done(lines)) return lines;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return lines;
  }

  it('logs the delivery, each execution start and end with the person\'s email only, the failure with its cause, the stop and the shutdown', async () => {
    // Prepare
    const client = sfnClient(runtime.endpoint);
    const alan = hr.company.terminate('alan.turing@acme.example', isoDay(-1));
    const delivery = signDelivery('hibob', hiBobEventBody(alan, 'employee.left', new Date()));
    const before = (await client.send(new ListExecutionsCommand({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:jml-leaver' }))).executions;
    expect(before).toEqual([]);

    // Act: a delivery that starts an hr-event (which starts Alan's leaver), the same delivery again,
    // an input that is no object, then stop Alan's leaver in its grace period, then SIGTERM
    const accepted = await sendDelivery(runtime.endpoint, delivery);
    const leaverStarted = await linesWhen((lines) => lines.some((line) => line.event === 'execution.started' && line.workflow === 'leaver'));
    const duplicate = await sendDelivery(runtime.endpoint, delivery);
    await client.send(new StartExecutionCommand({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:jml-leaver', name: 'log-42', input: '42' }));
    await moveClock(runtime.endpoint);
    const leaver = leaverStarted.find((line) => line.event === 'execution.started' && line.workflow === 'leaver')!;
    await linesWhen((lines) => lines.filter((line) => line.event === 'execution.ended').length >= 2); // the hr-event and log-42
    await client.send(new StopExecutionCommand({ executionArn: `arn:aws:states:us-east-1:000000000000:execution:jml-leaver:${String(leaver.name)}`, error: 'HR.Cancelled', cause: 'withdrawn' }));
    await linesWhen((lines) => lines.some((line) => line.event === 'execution.ended' && line.status === 'ABORTED'));
    runtime.child.kill('SIGTERM');
    const code = await runtime.exited;
    const lines = await linesWhen(() => true);

    // Assess: every line is an object with time, level and event
    expect([accepted.status, duplicate.status, code]).toEqual([202, 200, 0]);
    for (const line of lines) {
      expect(Date.parse(line.time), JSON.stringify(line)).not.toBeNaN();
      expect(['info', 'warn', 'error']).toContain(line.level);
      expect(typeof line.event).toBe('string');
    }
    const webhooks = lines.filter((line) => line.event === 'webhook');
    expect(webhooks).toEqual([
      expect.objectContaining({ level: 'info', source: 'hibob', status: 202, outcome: 'accepted', events: ['employee.left'], execution: expect.stringMatching(/^hr-hibob-/) }),
      expect.objectContaining({ level: 'info', source: 'hibob', status: 200, outcome: 'duplicate', events: ['employee.left'], execution: webhooks[0]?.execution }),
    ]);
    const executions = lines.filter((line) => line.event.startsWith('execution.'));
    expect(executions).toEqual(expect.arrayContaining([
      expect.objectContaining({ level: 'info', event: 'execution.started', workflow: 'hr-event', name: webhooks[0]?.execution }),
      expect.objectContaining({ level: 'info', event: 'execution.ended', workflow: 'hr-event', status: 'SUCCEEDED', durationMs: 0 }),
      expect.objectContaining({ level: 'info', event: 'execution.started', workflow: 'leaver', person: 'alan.turing@acme.example' }),
      expect.objectContaining({ level: 'error', event: 'execution.ended', workflow: 'leaver', name: 'log-42', status: 'FAILED', error: 'Jml.InvalidInput', cause: expect.stringMatching(/^The leaver failed: Invalid leaver input: \(the input\): the input must be a JSON object/) }),
      expect.objectContaining({ level: 'warn', event: 'execution.ended', workflow: 'leaver', name: leaver.name, status: 'ABORTED', person: 'alan.turing@acme.example', error: 'HR.Cancelled', cause: 'withdrawn' }),
    ]));
    expect(executions).toHaveLength(6);
    expect(executions.find((line) => line.workflow === 'hr-event')).not.toHaveProperty('person');
    expect(lines.at(-1)).toMatchObject({ level: 'info', event: 'message', message: 'SIGTERM: stopping; running executions are kept for the next start' });
    expect(runtime.stderr()).not.toMatch(/Alan Turing|jml runtime:/);
  }, 60_000);
});
