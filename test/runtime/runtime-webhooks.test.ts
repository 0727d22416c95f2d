import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeExecutionCommand, ListExecutionsCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { startRuntime, type RunningRuntime } from '../../local/runtime/start-runtime.js';
import { DEFAULT_WEBHOOK_SECRETS, hiBobEventBody, hrSimulatorEnvironment, sendDelivery, signDelivery, startHrSimulator, type RunningHrSimulator } from '../../local/hr-simulator/index.js';
import { sfnClient } from './support/runtime-harness.js';
import { setProcessEnv } from '../support/process-env.js';

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Polls until every execution has left RUNNING or waits; bounded by attempts, not time. */
async function executionsOf(client: SFNClient, runtime: RunningRuntime, workflow: string) {
  const arn = runtime.stateMachines.find((machine) => machine.workflow === workflow)!.arn;
  return (await client.send(new ListExecutionsCommand({ stateMachineArn: arn }))).executions ?? [];
}

describe('npm start serves the HR webhook receiver beside the Step Functions API', () => {
  let hr: RunningHrSimulator;
  let runtime: RunningRuntime;
  let dataDir: string;
  let restoreEnv: (() => void) | undefined;

  beforeAll(async () => {
    hr = await startHrSimulator();
    // The receiver's secrets and the HR API it calls back: the environment, as `npm start` reads it.
    restoreEnv = setProcessEnv(hrSimulatorEnvironment(hr, DEFAULT_WEBHOOK_SECRETS));
    dataDir = mkdtempSync(join(tmpdir(), 'jml-runtime-webhooks-'));
    runtime = await startRuntime({ port: 0, dataDir, clock: 'manual', log: () => {} });
  }, 60_000);
  afterAll(async () => {
    await runtime?.close();
    await hr?.close();
    restoreEnv?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a signed HiBob employee.left starts one hr-event, which starts that person\'s leaver; a duplicate starts nothing', async () => {
    // Prepare
    const client = sfnClient(runtime.endpoint);
    const alan = hr.company.terminate('alan.turing@acme.example', isoDay(-1));
    const delivery = signDelivery('hibob', hiBobEventBody(alan, 'employee.left', new Date()));

    // Act
    const first = await sendDelivery(runtime.endpoint, delivery);
    const again = await sendDelivery(runtime.endpoint, delivery);
    let leavers = await executionsOf(client, runtime, 'leaver');
    for (let attempt = 0; attempt < 400 && leavers.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      leavers = await executionsOf(client, runtime, 'leaver');
    }

    // Assess
    expect(first.status).toBe(202);
    expect(again.status).toBe(200);
    const hrEvents = await executionsOf(client, runtime, 'hr-event');
    expect(hrEvents).toHaveLength(1);
    expect(leavers.map((execution) => execution.name)).toEqual([`leaver-hibob-${alan.hibobId}-${isoDay(-1)}`]);
    const leaver = await client.send(new DescribeExecutionCommand({ executionArn: leavers[0].executionArn }));
    expect(JSON.parse(leaver.input ?? '{}')).toMatchObject({ email: 'alan.turing@acme.example' });
  }, 60_000);

  it('a signed standard hire of an internationalised address (josé.müller@) is accepted and its joiner invites that address', async () => {
    // Prepare: the sender's address in another case and decomposed (e + U+0301), as some HR exports write it.
    const client = sfnClient(runtime.endpoint);
    const body = JSON.stringify({ type: 'hire', person: { id: 'W-901', workEmail: 'Jose\u0301.Mu\u0308ller@acme.example', name: 'José Müller', department: 'Engineering' } });

    // Act
    const response = await sendDelivery(runtime.endpoint, signDelivery('standard', body));
    let joiners = (await executionsOf(client, runtime, 'joiner')).filter((execution) => execution.name?.includes('W-901'));
    for (let attempt = 0; response.status === 202 && attempt < 400 && (joiners.length === 0 || joiners[0].status === 'RUNNING'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      joiners = (await executionsOf(client, runtime, 'joiner')).filter((execution) => execution.name?.includes('W-901'));
    }

    // Assess
    expect(response.status).toBe(202);
    expect(joiners).toHaveLength(1);
    const joiner = await client.send(new DescribeExecutionCommand({ executionArn: joiners[0].executionArn }));
    expect(joiner.status, joiner.cause).toBe('SUCCEEDED');
    expect(JSON.parse(joiner.input ?? '{}')).toMatchObject({ email: 'josé.müller@acme.example' });
    expect(JSON.parse(joiner.output ?? '{}')).toMatchObject({ status: 'SUCCEEDED', user: { email: 'josé.müller@acme.example' } });
  }, 60_000);

  it('refuses a delivery with a wrong signature (401) and starts nothing', async () => {
    const client = sfnClient(runtime.endpoint);
    const before = (await executionsOf(client, runtime, 'hr-event')).length;
    const bob = hr.company.terminate('barbara.liskov@acme.example', isoDay(-1));
    const response = await sendDelivery(runtime.endpoint, signDelivery('hibob', hiBobEventBody(bob, 'employee.left', new Date()), { breakage: 'wrong-signature' }));
    expect(response.status).toBe(401);
    expect(await executionsOf(client, runtime, 'hr-event')).toHaveLength(before);
  });
});
