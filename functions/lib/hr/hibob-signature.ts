import { decodeSignature, digestsEqual, hmacDigest } from './hmac.js';
import { invalid, VALID, type LowercaseHeaders, type SignatureCheck } from './signature-check.js';

export const HIBOB_SIGNATURE_HEADER = 'bob-signature';

/**
 * HiBob: `Bob-Signature` = base64 HMAC-SHA512(secret, raw body). Bob sends no timestamp, so a
 * replay cannot be refused here: duplicates are caught by the event's identity (the execution name).
 */
export function verifyHiBobSignature(options: { rawBody: Uint8Array; headers: LowercaseHeaders; keys: readonly string[] }): SignatureCheck {
  const signatureText = options.headers[HIBOB_SIGNATURE_HEADER];
  if (!signatureText) return invalid('missing_signature', 'The Bob-Signature header is missing.');
  const given = decodeSignature(signatureText, 'base64');
  if (!given) return invalid('invalid_signature', 'Bob-Signature is not a base64 HMAC-SHA512.');
  const matches = options.keys.some((key) => digestsEqual(hmacDigest('sha512', key, [options.rawBody]), given));
  return matches ? VALID : invalid('invalid_signature', 'Bob-Signature does not match the body.');
}
