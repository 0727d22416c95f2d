import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWorkflowExecution } from '../../../functions/actions/start-workflow-execution.js';
import { stateMachineArnOf } from '../../../functions/lib/executions/state-machine-arns.js';
import { rootLogger } from '../../../functions/lib/observability.js';
import { getAction } from '../../../functions/registry.js';
import { createLambdaContext } from '../../../local/engine/lambda-context.js';
import { DEFAULT_WEBHOOK_SECRETS, hrSimulatorEnvironment, startHrSimulator, type RunningHrSimulator } from '../../../local/hr-simulator/index.js';

/** The two actions of the hr-event workflow, through their registry handlers where it matters. */

const sfn = mockClient(SFNClient);
const LEAVER_ARN = 'arn:aws:states:eu-west-1:123456789012:stateMachine:AtlassianJml-leaver';
const client = new SFNClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
const deps = { client, arnOf: () => LEAVER_ARN };
const request = { workflow: 'leaver' as const, name: 'leaver-hibob-1-2026-03-31', input: { email: 'ada.lovelace@acme.example' } };

afterAll(() => sfn.restore());
beforeEach(() => sfn.reset());

describe('startWorkflowExecution', () => {
  it('starts the execution under its name, with its input: done', async () => {
    // Prepare
    sfn.on(StartExecutionCommand).resolves({ executionArn: `${LEAVER_ARN}:x`, startDate: new Date() });

    // Act
    const result = await startWorkflowExecution(request, deps);

    // Assess
    expect(result).toMatchObject({ action: 'startWorkflowExecution', outcome: 'done', target: 'leaver leaver-hibob-1-2026-03-31', executionArn: `${LEAVER_ARN}:x` });
    expect(sfn.commandCalls(StartExecutionCommand)[0].args[0].input).toEqual({ stateMachineArn: LEAVER_ARN, name: request.name, input: '{"email":"ada.lovelace@acme.example"}' });
  });

  it('reports ExecutionAlreadyExists as already: started before, not started again', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'Execution Already Exists', $metadata: {} }));
    await expect(startWorkflowExecution(request, deps)).resolves.toMatchObject({ outcome: 'already' });
  });

  it('names setup errors Jml.Configuration and throttling Jml.AwsTransient (which the workflow retries)', async () => {
    sfn.on(StartExecutionCommand).rejectsOnce(Object.assign(new Error('no such machine'), { name: 'StateMachineDoesNotExist', $metadata: {} }))
      .rejectsOnce(Object.assign(new Error('slow down'), { name: 'ThrottlingException', $metadata: {} }));
    await expect(startWorkflowExecution(request, deps)).rejects.toMatchObject({ name: 'Jml.Configuration' });
    await expect(startWorkflowExecution(request, deps)).rejects.toMatchObject({ name: 'Jml.AwsTransient' });
  });

  it('refuses to start without a valid ARN variable, naming it', () => {
    expect(() => stateMachineArnOf('mover', {})).toThrow(/JML_MOVER_STATE_MACHINE_ARN is not set/);
    expect(() => stateMachineArnOf('mover', { JML_MOVER_STATE_MACHINE_ARN: 'mover' })).toThrow(/is not a state machine ARN/);
  });
});

describe('resolveHrEvent (registry handler, HR simulator)', () => {
  let hr: RunningHrSimulator;
  const saved: Record<string, string | undefined> = {};
  beforeAll(async () => {
    hr = await startHrSimulator();
    const env = { ...hrSimulatorEnvironment(hr, DEFAULT_WEBHOOK_SECRETS), JML_CONFIG_FILE: new URL('../../../config/jml.example.yaml', import.meta.url).pathname };
    for (const name of [...Object.keys(env), 'JML_CONFIG']) saved[name] = process.env[name];
    Object.assign(process.env, env);
    delete process.env.JML_CONFIG;
    rootLogger.setLogLevel('SILENT');
  });
  afterAll(async () => {
    await hr.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rootLogger.setLogLevel('INFO');
  });

  const invoke = async (input: unknown) => (await getAction('resolveHrEvent').loadHandler())(input, createLambdaContext('resolveHrEvent'));

  it('calls the HR API back and returns the leaver request', async () => {
    // Prepare
    const ken = hr.company.terminate('ken.thompson@acme.example', '2026-03-31');

    // Act
    const result = await invoke({ source: 'bamboohr', deliveryId: 'd-1', index: 0, notice: { format: 'bamboohr.event', type: 'employee.updated', employeeId: ken.bambooId, changedFields: ['status'] } });

    // Assess
    expect(result).toMatchObject({ mapped: true, workflow: 'leaver', executionName: `leaver-bamboohr-${ken.bambooId}-2026-03-31`, input: { email: 'ken.thompson@acme.example' } });
  });

  it('fails with Hr.Unavailable while the HR API is down (the workflow retries), and validates its input strictly', async () => {
    // Prepare
    hr.faults.failNext(1);
    const notice = { format: 'hibob.v2', type: 'employee.left', employeeId: hr.company.get('ken.thompson@acme.example').hibobId };

    // Act / Assess
    await expect(invoke({ source: 'hibob', deliveryId: 'd-2', index: 0, notice })).rejects.toMatchObject({ name: 'Hr.Unavailable' });
    await expect(invoke({ source: 'hibob', deliveryId: 'd-2', index: 0, notice: { ...notice, extra: 1 } })).rejects.toMatchObject({ name: 'Jml.InvalidInput' });
  });
});
