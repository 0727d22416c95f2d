import { describe, expect, it } from 'vitest';
import {
  bambooHrEventBody,
  demoCompany,
  hiBobEventBody,
  sendDelivery,
  signDelivery,
  type Breakage,
  type WebhookSource,
} from '../../../local/hr-simulator/index.js';
import { useReceiver } from './support/receiver-harness.js';

/**
 * Hostile input, per source, over HTTP against the real receiver: every bad delivery gets a 4xx
 * with a short JSON reason and starts nothing; duplicates start exactly one execution.
 */

const today = new Date().toISOString().slice(0, 10);
const alan = demoCompany(today).find((employee) => employee.workEmail === 'alan.turing@acme.example')!;

const VALID_BODY: Record<WebhookSource, () => string> = {
  bamboohr: () => bambooHrEventBody(alan, 'employee.updated', ['status', 'terminationDate'], new Date()),
  hibob: () => hiBobEventBody(alan, 'employee.left', new Date()),
  standard: () => JSON.stringify({ type: 'termination', person: { id: alan.bambooId, workEmail: alan.workEmail }, effectiveDate: today, reference: 'HR-1' }),
};

const HOSTILE: Array<{ breakage: Breakage; status: number; error: string; sources: WebhookSource[] }> = [
  { breakage: 'no-signature', status: 401, error: 'missing_signature', sources: ['bamboohr', 'hibob', 'standard'] },
  { breakage: 'wrong-signature', status: 401, error: 'invalid_signature', sources: ['bamboohr', 'hibob', 'standard'] },
  { breakage: 'other-body', status: 401, error: 'invalid_signature', sources: ['bamboohr', 'hibob', 'standard'] },
  // HiBob sends no timestamp: a replay is caught as a duplicate instead (below).
  { breakage: 'stale-timestamp', status: 401, error: 'stale_timestamp', sources: ['bamboohr', 'standard'] },
  { breakage: 'malformed-json', status: 400, error: 'malformed_json', sources: ['bamboohr', 'hibob', 'standard'] },
  { breakage: 'wrong-content-type', status: 415, error: 'unsupported_media_type', sources: ['bamboohr', 'hibob', 'standard'] },
  { breakage: 'oversized', status: 413, error: 'payload_too_large', sources: ['bamboohr', 'hibob', 'standard'] },
];

describe('HR webhook receiver: hostile input', () => {
  const receiver = useReceiver();

  for (const { breakage, status, error, sources } of HOSTILE) {
    for (const source of sources) {
      it(`${source}: ${breakage} -> ${status} ${error}, nothing started`, async () => {
        // Prepare
        const delivery = signDelivery(source, VALID_BODY[source](), { breakage });

        // Act
        const response = await sendDelivery(receiver.url(), delivery);

        // Assess
        expect(response.status).toBe(status);
        expect(response.body).toEqual({ error, message: expect.any(String) });
        expect((response.body.message as string).length).toBeLessThan(200);
        expect(receiver.starts()).toEqual([]);
      });
    }
  }

  it('an unknown source -> 404, nothing started', async () => {
    // Prepare
    const delivery = signDelivery('bamboohr', VALID_BODY.bamboohr());

    // Act
    const response = await sendDelivery(receiver.url(), delivery, '/webhooks/workday');

    // Assess
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: 'unknown_source' });
    expect(receiver.starts()).toEqual([]);
  });

  it('a delivery signed for one source and sent to another -> 401, nothing started', async () => {
    // Prepare: a valid HiBob signature, posted to the BambooHR route.
    const delivery = signDelivery('hibob', VALID_BODY.hibob());

    // Act
    const response = await sendDelivery(receiver.url(), delivery, '/webhooks/bamboohr');

    // Assess
    expect(response.status).toBe(401);
    expect(receiver.starts()).toEqual([]);
  });

  it('valid JSON of the wrong shape after a valid signature -> 400 with the field named', async () => {
    // Prepare
    const delivery = signDelivery('standard', JSON.stringify({ type: 'fired', person: { workEmail: 'x@acme.example' } }));

    // Act
    const response = await sendDelivery(receiver.url(), delivery);

    // Assess
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'invalid_payload', message: expect.stringContaining('type') });
    expect(receiver.starts()).toEqual([]);
  });

  for (const source of ['bamboohr', 'hibob', 'standard'] as const) {
    it(`${source}: 200 identical deliveries (a retry storm) start exactly one execution`, async () => {
      // Prepare: one event, delivered again and again (same body, same id; re-signed each time as a sender retries).
      const body = VALID_BODY[source]();
      const id = `msg_${source}_storm`;

      // Act
      const responses = await Promise.all(
        Array.from({ length: 200 }, () => sendDelivery(receiver.url(), signDelivery(source, body, { id }))),
      );

      // Assess
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 202)).toHaveLength(1);
      expect(statuses.filter((status) => status === 200)).toHaveLength(199);
      expect(responses.filter((response) => response.status === 200).every((response) => response.body.status === 'duplicate')).toBe(true);
      expect(receiver.created()).toHaveLength(1);
      expect(new Set(receiver.starts().map((start) => start.name)).size).toBe(1);
    });
  }
});
