import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyBambooHrSignature } from '../../functions/lib/hr/bamboohr-signature.js';
import { verifyHiBobSignature } from '../../functions/lib/hr/hibob-signature.js';
import { digestsEqual, hmacDigest } from '../../functions/lib/hr/hmac.js';
import { parseWebhookTimestamp } from '../../functions/lib/hr/webhook-timestamp.js';
import { bambooHrSignatureHeaders, hiBobSignatureHeaders } from '../../local/hr-simulator/signing.js';

/**
 * The signature test vectors of ../shared/hr-webhooks (FAKE secrets, computed over the exact bytes
 * of the named sample files): the receiver's verifiers accept them, reject any change, and the HR
 * simulator's independent signers reproduce them.
 */

const DIR = new URL('../../../shared/hr-webhooks/', import.meta.url);
interface Vector {
  vendor: 'bamboohr' | 'hibob' | 'gusto';
  file: string;
  secret: string;
  headers: Record<string, string>;
}
const vectors: Vector[] = JSON.parse(readFileSync(new URL('signature-test-vectors.json', DIR), 'utf8')).vectors;
const bytes = (file: string) => readFileSync(new URL(file, DIR));
const lower = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
const vector = (vendor: Vector['vendor']) => vectors.find((candidate) => candidate.vendor === vendor)!;

describe('HR webhook signature vectors (../shared/hr-webhooks)', () => {
  it('has a vector for each vendor we verify', () => {
    expect(vectors.map((v) => v.vendor).sort()).toEqual(['bamboohr', 'gusto', 'hibob']);
  });

  it('BambooHR: hex HMAC-SHA256 over body + timestamp verifies, and fails for any other body, timestamp or key', () => {
    // Prepare
    const { file, secret, headers } = vector('bamboohr');
    const rawBody = bytes(file);
    const nowMs = parseWebhookTimestamp(headers['X-BambooHR-Timestamp'])!;
    const check = (body: Buffer, sent: Record<string, string>, keys = [secret]) => verifyBambooHrSignature({ rawBody: body, headers: lower(sent), keys, nowMs });

    // Act / Assess
    expect(check(rawBody, headers)).toEqual({ valid: true });
    expect(check(rawBody, headers, ['another-key', secret])).toEqual({ valid: true });
    expect(check(Buffer.from(rawBody.toString('utf8').trimEnd()), headers)).toMatchObject({ valid: false, reason: 'invalid_signature' });
    expect(check(rawBody, { ...headers, 'X-BambooHR-Timestamp': '2026-01-31T18:42:01+0000' })).toMatchObject({ valid: false, reason: 'invalid_signature' });
    expect(check(rawBody, headers, ['another-key'])).toMatchObject({ valid: false, reason: 'invalid_signature' });
    expect(bambooHrSignatureHeaders(rawBody, secret, headers['X-BambooHR-Timestamp'])).toEqual(headers);
  });

  it('HiBob: base64 HMAC-SHA512 over the body verifies, and fails for a one-byte change', () => {
    // Prepare
    const { file, secret, headers } = vector('hibob');
    const rawBody = bytes(file);
    const changed = Buffer.from(rawBody);
    changed[10] ^= 1;

    // Act / Assess
    expect(verifyHiBobSignature({ rawBody, headers: lower(headers), keys: [secret] })).toEqual({ valid: true });
    expect(verifyHiBobSignature({ rawBody: changed, headers: lower(headers), keys: [secret] })).toMatchObject({ valid: false, reason: 'invalid_signature' });
    expect(hiBobSignatureHeaders(rawBody, secret)).toEqual(headers);
  });

  it('Gusto (not a source yet): the same HMAC primitive reproduces its hex HMAC-SHA256 of the raw payload', () => {
    // Prepare
    const { file, secret, headers } = vector('gusto');

    // Act
    const digest = hmacDigest('sha256', secret, [bytes(file)]);

    // Assess
    expect(digestsEqual(digest, Buffer.from(headers['X-Gusto-Signature'], 'hex'))).toBe(true);
  });
});
