import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/**
 * How each sender signs, written from the vendors' documentation and independently of the
 * receiver (the simulator is the other side of the wire and imports nothing from functions/), so
 * tests that pass signatures between the two check both.
 */

/** BambooHR: hex HMAC-SHA256(private key, body + X-BambooHR-Timestamp). */
export function bambooHrSignatureHeaders(body: string | Buffer, key: string, timestamp: string): Record<string, string> {
  const signature = createHmac('sha256', key).update(body).update(timestamp).digest('hex');
  return { 'X-BambooHR-Timestamp': timestamp, 'X-BambooHR-Signature': signature };
}

/** HiBob: base64 HMAC-SHA512(secret, body). */
export function hiBobSignatureHeaders(body: string | Buffer, secret: string): Record<string, string> {
  return { 'Bob-Signature': createHmac('sha512', secret).update(body).digest('base64') };
}

/** Standard Webhooks v1 (the reference library signs): one `v1,` signature per secret. */
export function standardSignatureHeaders(body: string, secrets: readonly string[], id: string, timestampSeconds: number): Record<string, string> {
  const when = new Date(timestampSeconds * 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(id, when, body)).join(' '),
  };
}
