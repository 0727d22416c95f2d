import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { HrEventInputSchema } from '../../../functions/lib/hr/hr-notice.js';
import {
  bambooHrEventBody,
  bambooHrFieldsBody,
  demoCompany,
  HIBOB_PING_BODY,
  hiBobEventBody,
  sendDelivery,
  signDelivery,
} from '../../../local/hr-simulator/index.js';
import { HR_EVENT_ARN, useReceiver } from './support/receiver-harness.js';

const today = new Date().toISOString().slice(0, 10);
const company = demoCompany(today);
const person = (email: string) => company.find((employee) => employee.workEmail === email)!;
const ADA = person('ada.lovelace@acme.example');
const SAM = person('sam.seller@acme.example');

describe('HR webhook receiver: accepted, ignored, and failures to start', () => {
  const receiver = useReceiver();

  it('bamboohr: a signed termination update starts one hr-event execution with the notice and answers 202', async () => {
    // Prepare
    const delivery = signDelivery('bamboohr', bambooHrEventBody(ADA, 'employee.updated', ['status'], new Date()));

    // Act
    const response = await sendDelivery(receiver.url(), delivery);

    // Assess
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ status: 'accepted', execution: expect.stringMatching(new RegExp(`^hr-bamboohr-${ADA.bambooId}-[0-9a-f]{24}$`)) });
    const [start] = receiver.starts();
    expect(start.stateMachineArn).toBe(HR_EVENT_ARN);
    expect(start.name).toBe(response.body.execution);
    const input = HrEventInputSchema.parse(JSON.parse(start.input ?? ''));
    expect(input).toMatchObject({ source: 'bamboohr', notices: [{ format: 'bamboohr.event', type: 'employee.updated', employeeId: ADA.bambooId, changedFields: ['status'] }] });
  });

  it('bamboohr field-based: one execution for the delivery, one notice per relevant employee', async () => {
    // Prepare: Ada moves department; Sam only fixed a typo in his first name.
    const body = bambooHrFieldsBody(
      [
        { employee: ADA, action: 'Updated', changedFields: ['Department'], fields: { 'Work Email': ADA.workEmail, Department: 'Sales' } },
        { employee: SAM, action: 'Updated', changedFields: ['First Name'], fields: { 'First Name': 'Samuel' } },
      ],
      new Date(),
    );

    // Act
    const response = await sendDelivery(receiver.url(), signDelivery('bamboohr', body));

    // Assess
    expect(response.status).toBe(202);
    const input = JSON.parse(receiver.starts()[0].input ?? '');
    expect(input.notices.map((notice: { employeeId: string }) => notice.employeeId)).toEqual([ADA.bambooId]);
  });

  it('bamboohr: an update that changed no field the workflows use is acknowledged (200 ignored), nothing started', async () => {
    // Act
    const response = await sendDelivery(receiver.url(), signDelivery('bamboohr', bambooHrEventBody(ADA, 'employee.updated', ['firstName'], new Date())));

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ignored', reason: expect.stringContaining('firstName') });
    expect(receiver.starts()).toEqual([]);
  });

  it('hibob: the setup "Ping test" (text or JSON) answers 200 and starts nothing', async () => {
    // Act
    const text = await sendDelivery(receiver.url(), signDelivery('hibob', HIBOB_PING_BODY));
    const json = await sendDelivery(receiver.url(), signDelivery('hibob', JSON.stringify({ text: 'Ping test' })));

    // Assess
    expect(text).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(json).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(receiver.starts()).toEqual([]);
  });

  it('hibob: an event type nobody mapped is acknowledged (200 ignored)', async () => {
    // Act
    const response = await sendDelivery(receiver.url(), signDelivery('hibob', hiBobEventBody(SAM, 'timeoff.request.created', new Date())));

    // Assess
    expect(response).toMatchObject({ status: 200, body: { status: 'ignored' } });
    expect(receiver.starts()).toEqual([]);
  });

  it('standard: the webhook-id is the identity: a new id is a new execution', async () => {
    // Prepare
    const body = JSON.stringify({ type: 'change', person: { id: 'E-7', workEmail: SAM.workEmail, department: 'Support' } });

    // Act
    const first = await sendDelivery(receiver.url(), signDelivery('standard', body, { id: 'msg_1' }));
    const second = await sendDelivery(receiver.url(), signDelivery('standard', body, { id: 'msg_2' }));

    // Assess
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(receiver.created()).toEqual(['hr-standard-msg_1', 'hr-standard-msg_2']);
  });

  it('answers 503 with a generic body (no stack, no detail) when the hr-event execution cannot start, so the sender retries', async () => {
    // Prepare
    receiver.sfn.on(StartExecutionCommand).rejects(Object.assign(new Error('Rate exceeded (internal detail)'), { name: 'ThrottlingException', $metadata: {} }));

    // Act
    const response = await sendDelivery(receiver.url(), signDelivery('hibob', hiBobEventBody(ADA, 'employee.left', new Date())));

    // Assess
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ error: 'internal_error', message: 'The request could not be processed; it is safe to retry.', requestId: expect.any(String) });
    expect(JSON.stringify(response.body)).not.toMatch(/Rate exceeded|at .*\.ts|Throttling/);
    expect(receiver.sfn.commandCalls(StartExecutionCommand)).toHaveLength(1);
  });

  it('uses one Step Functions client for all requests (no client per delivery)', () => {
    expect(receiver.sfn.send.getCalls().every((call) => call.thisValue instanceof SFNClient)).toBe(true);
  });
});
