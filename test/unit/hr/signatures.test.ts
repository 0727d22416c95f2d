import { describe, expect, it } from 'vitest';
import { verifyBambooHrSignature } from '../../../functions/lib/hr/bamboohr-signature.js';
import { verifyHiBobSignature } from '../../../functions/lib/hr/hibob-signature.js';
import { decodeSignature, digestsEqual } from '../../../functions/lib/hr/hmac.js';
import { verifyStandardSignature } from '../../../functions/lib/hr/standard-signature.js';
import { parseWebhookTimestamp } from '../../../functions/lib/hr/webhook-timestamp.js';
import { bambooHrSignatureHeaders, hiBobSignatureHeaders, standardSignatureHeaders } from '../../../local/hr-simulator/signing.js';

const lower = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
const NOW = Date.parse('2026-03-02T10:00:00Z');
const BODY = Buffer.from('{"type":"employee.updated","data":{"employeeId":"7"}}');
const KEY = 'bamboo-key';
const SECRET_A = `whsec_${Buffer.from('standard-secret-number-one-32byt').toString('base64')}`;
const SECRET_B = `whsec_${Buffer.from('standard-secret-number-two-32byt').toString('base64')}`;

describe('webhook timestamps', () => {
  it.each([
    ['1772445600', NOW],
    ['1772445600000', NOW],
    ['2026-03-02T10:00:00Z', NOW],
    ['2026-03-02T10:00:00+0000', NOW],
    ['2026-03-02T11:00:00+01:00', NOW],
    ['2026-03-02T10:00:00.000Z', NOW],
  ])('reads %s', (text, expected) => {
    expect(parseWebhookTimestamp(text)).toBe(expected);
  });

  it.each(['', 'yesterday', '2026-03-02T10:00:00', '2026-03-02', '17724456', '2026-13-02T10:00:00Z'])('refuses %j (no zone, not a time)', (text) => {
    expect(parseWebhookTimestamp(text)).toBeUndefined();
  });
});

describe('BambooHR signatures', () => {
  const verify = (headers: Record<string, string>, options: { body?: Buffer; keys?: string[]; nowMs?: number } = {}) =>
    verifyBambooHrSignature({ rawBody: options.body ?? BODY, headers: lower(headers), keys: options.keys ?? [KEY], nowMs: options.nowMs ?? NOW });

  it('accepts ISO and Unix-seconds timestamps within 5 minutes either way', () => {
    for (const timestamp of ['2026-03-02T10:04:59Z', '2026-03-02T09:55:01+0000', String(NOW / 1000)]) {
      expect(verify(bambooHrSignatureHeaders(BODY, KEY, timestamp)), timestamp).toEqual({ valid: true });
    }
  });

  it('refuses a correctly signed delivery older or newer than 5 minutes (replay)', () => {
    expect(verify(bambooHrSignatureHeaders(BODY, KEY, '2026-03-02T09:54:59Z'))).toMatchObject({ valid: false, reason: 'stale_timestamp' });
    expect(verify(bambooHrSignatureHeaders(BODY, KEY, '2026-03-02T10:05:01Z'))).toMatchObject({ valid: false, reason: 'stale_timestamp' });
  });

  it('names what is missing or malformed', () => {
    const signed = bambooHrSignatureHeaders(BODY, KEY, '2026-03-02T10:00:00Z');
    expect(verify({ 'X-BambooHR-Timestamp': signed['X-BambooHR-Timestamp'] })).toMatchObject({ reason: 'missing_signature' });
    expect(verify({ 'X-BambooHR-Signature': signed['X-BambooHR-Signature'] })).toMatchObject({ reason: 'missing_timestamp' });
    expect(verify({ ...signed, 'X-BambooHR-Signature': 'zz' + signed['X-BambooHR-Signature'].slice(2) })).toMatchObject({ reason: 'invalid_signature' });
    expect(verify({ ...signed, 'X-BambooHR-Signature': signed['X-BambooHR-Signature'].slice(0, 62) })).toMatchObject({ reason: 'invalid_signature' });
    expect(verify(bambooHrSignatureHeaders(BODY, KEY, 'soon'))).toMatchObject({ reason: 'invalid_timestamp' });
  });

  it('accepts the new key during a rotation and refuses a retired one', () => {
    const signed = bambooHrSignatureHeaders(BODY, 'new-key', '2026-03-02T10:00:00Z');
    expect(verify(signed, { keys: ['old-key', 'new-key'] })).toEqual({ valid: true });
    expect(verify(signed, { keys: ['old-key'] })).toMatchObject({ reason: 'invalid_signature' });
  });
});

describe('HiBob signatures', () => {
  it('verifies the body bytes and nothing else', () => {
    const headers = lower(hiBobSignatureHeaders(BODY, 'bob'));
    expect(verifyHiBobSignature({ rawBody: BODY, headers, keys: ['bob'] })).toEqual({ valid: true });
    expect(verifyHiBobSignature({ rawBody: Buffer.concat([BODY, Buffer.from(' ')]), headers, keys: ['bob'] })).toMatchObject({ reason: 'invalid_signature' });
    expect(verifyHiBobSignature({ rawBody: BODY, headers: {}, keys: ['bob'] })).toMatchObject({ reason: 'missing_signature' });
    expect(verifyHiBobSignature({ rawBody: BODY, headers: { 'bob-signature': 'not base64!' }, keys: ['bob'] })).toMatchObject({ reason: 'invalid_signature' });
  });
});

describe('Standard Webhooks signatures', () => {
  const body = '{"type":"hire"}';
  const verify = (headers: Record<string, string>, secrets = [SECRET_A], rawBody: Buffer = Buffer.from(body), nowMs = NOW) =>
    verifyStandardSignature({ rawBody, headers: lower(headers), secrets, nowMs });

  it('accepts any of several v1 signatures (the sender rotating its key) and any of our secrets', () => {
    const both = standardSignatureHeaders(body, [SECRET_B, SECRET_A], 'msg_1', NOW / 1000);
    expect(both['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verify(both)).toEqual({ valid: true });
    expect(verify(standardSignatureHeaders(body, [SECRET_B], 'msg_1', NOW / 1000), [SECRET_A, SECRET_B])).toEqual({ valid: true });
    expect(verify(standardSignatureHeaders(body, [SECRET_B], 'msg_1', NOW / 1000))).toMatchObject({ reason: 'invalid_signature' });
  });

  it('signs the id and timestamp too: changing either breaks the signature', () => {
    const signed = standardSignatureHeaders(body, [SECRET_A], 'msg_1', NOW / 1000);
    expect(verify({ ...signed, 'webhook-id': 'msg_2' })).toMatchObject({ reason: 'invalid_signature' });
    expect(verify({ ...signed, 'webhook-timestamp': String(NOW / 1000 + 1) })).toMatchObject({ reason: 'invalid_signature' });
  });

  it('refuses stale and malformed timestamps, missing headers, unknown versions and non-UTF-8 bodies', () => {
    expect(verify(standardSignatureHeaders(body, [SECRET_A], 'msg_1', NOW / 1000 - 301))).toMatchObject({ reason: 'stale_timestamp' });
    expect(verify(standardSignatureHeaders(body, [SECRET_A], 'msg_1', NOW / 1000 + 301))).toMatchObject({ reason: 'stale_timestamp' });
    const signed = standardSignatureHeaders(body, [SECRET_A], 'msg_1', NOW / 1000);
    expect(verify({ ...signed, 'webhook-timestamp': '2026-03-02T10:00:00Z' })).toMatchObject({ reason: 'invalid_timestamp' });
    expect(verify({ 'webhook-id': 'msg_1', 'webhook-timestamp': signed['webhook-timestamp'] })).toMatchObject({ reason: 'missing_signature' });
    expect(verify({ ...signed, 'webhook-signature': signed['webhook-signature'].replace('v1,', 'v2,') })).toMatchObject({ reason: 'invalid_signature' });
    expect(verify(signed, [SECRET_A], Buffer.from([0xff, 0xfe, 0x7b]))).toMatchObject({ reason: 'invalid_signature' });
  });
});

describe('constant-time comparison', () => {
  it('compares equal-length digests only, and decodes signatures strictly', () => {
    expect(digestsEqual(Buffer.from('abcd'), Buffer.from('abcd'))).toBe(true);
    expect(digestsEqual(Buffer.from('abcd'), Buffer.from('abce'))).toBe(false);
    expect(digestsEqual(Buffer.from('abcd'), Buffer.from('abc'))).toBe(false);
    expect(digestsEqual(Buffer.alloc(0), Buffer.alloc(0))).toBe(false);
    expect(decodeSignature('abz1', 'hex')).toBeUndefined();
    expect(decodeSignature('abc', 'hex')).toBeUndefined();
    expect(decodeSignature('YWJj', 'base64')).toEqual(Buffer.from('abc'));
    expect(decodeSignature('YWJj!', 'base64')).toBeUndefined();
  });
});
