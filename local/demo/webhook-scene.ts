import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeExecutionCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import type { ApiTarget } from '../engine/handler-environment.js';
import { DEFAULT_WEBHOOK_SECRETS, hiBobEventBody, hrSimulatorEnvironment, sendDelivery, signDelivery, startHrSimulator } from '../hr-simulator/index.js';
import { startRuntime } from '../runtime/start-runtime.js';

const PERSON = 'frank.audit@acme.example';

/**
 * The demo's HR scene: HR records a termination, HiBob sends a signed `employee.left` to the local
 * runtime's webhook receiver, and the leaver runs there (against the demo org). A forged delivery is
 * refused. Returns a problem, or undefined when everything happened as it should.
 */
export async function runWebhookScene(api: ApiTarget, membershipOf: (email: string) => Promise<string>, print: (line?: string) => void): Promise<string | undefined> {
  const hr = await startHrSimulator();
  const variables = hrSimulatorEnvironment(hr, DEFAULT_WEBHOOK_SECRETS);
  const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables); // the receiver's secrets and HR API, as `npm start` reads them
  const dataDir = mkdtempSync(join(tmpdir(), 'jml-demo-runtime-'));
  const runtime = await startRuntime({ port: 0, dataDir, api, clock: 'manual', sweepSchedule: false, log: () => {} });
  try {
    const client = new SFNClient({ endpoint: runtime.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const frank = hr.company.terminate(PERSON, yesterday);
    const forged = await sendDelivery(runtime.endpoint, signDelivery('hibob', hiBobEventBody(frank, 'employee.left', new Date()), { breakage: 'wrong-signature' }));
    print(`   a forged delivery (wrong Bob-Signature): ${forged.status} ${forged.body.message ?? ''}`.trimEnd());
    const accepted = await sendDelivery(runtime.endpoint, signDelivery('hibob', hiBobEventBody(frank, 'employee.left', new Date())));
    print(`   HiBob's signed employee.left for ${PERSON} (last day ${yesterday}): ${accepted.status} ${accepted.body.status ?? ''}`.trimEnd());

    const leaverArn = runtime.stateMachines.find((machine) => machine.workflow === 'leaver')!.arn;
    let membership = await membershipOf(PERSON);
    for (let attempt = 0; attempt < 200 && membership !== 'suspended'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      membership = await membershipOf(PERSON);
    }
    const [leaver] = (await client.send(new ListExecutionsCommand({ stateMachineArn: leaverArn }))).executions ?? [];
    if (leaver) {
      const described = await client.send(new DescribeExecutionCommand({ executionArn: leaver.executionArn }));
      print(`   the hr-event execution asked Bob's people API for him and started ${described.name}: ${described.status}, ${PERSON} is ${membership}`);
      print('   (removal waits out the grace period in the runtime; `jml history` shows it state by state)');
    }
    if (forged.status !== 401) return `the forged delivery got ${forged.status}, expected 401`;
    if (accepted.status !== 202) return `the signed delivery got ${accepted.status}, expected 202`;
    if (!leaver) return 'no leaver execution was started';
    if (membership !== 'suspended') return `${PERSON} is ${membership}, expected suspended`;
    return undefined;
  } finally {
    await runtime.close();
    await hr.close();
    rmSync(dataDir, { recursive: true, force: true });
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
