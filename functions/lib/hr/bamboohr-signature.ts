import { decodeSignature, digestsEqual, hmacDigest } from './hmac.js';
import { invalid, VALID, withinTolerance, type LowercaseHeaders, type SignatureCheck } from './signature-check.js';
import { parseWebhookTimestamp } from './webhook-timestamp.js';

export const BAMBOOHR_SIGNATURE_HEADER = 'x-bamboohr-signature';
export const BAMBOOHR_TIMESTAMP_HEADER = 'x-bamboohr-timestamp';

/**
 * BambooHR: `X-BambooHR-Signature` = hex HMAC-SHA256(private key, raw body + `X-BambooHR-Timestamp`),
 * the timestamp header concatenated verbatim with no separator. The timestamp (ISO or Unix seconds)
 * must be within the tolerance of `nowMs`. Any of `keys` may match (key rotation).
 */
export function verifyBambooHrSignature(options: {
  rawBody: Uint8Array;
  headers: LowercaseHeaders;
  keys: readonly string[];
  nowMs: number;
  toleranceSeconds?: number;
}): SignatureCheck {
  const signatureText = options.headers[BAMBOOHR_SIGNATURE_HEADER];
  if (!signatureText) return invalid('missing_signature', 'The X-BambooHR-Signature header is missing.');
  const timestamp = options.headers[BAMBOOHR_TIMESTAMP_HEADER];
  if (!timestamp) return invalid('missing_timestamp', 'The X-BambooHR-Timestamp header is missing.');
  const given = decodeSignature(signatureText, 'hex');
  if (!given) return invalid('invalid_signature', 'X-BambooHR-Signature is not a hex HMAC-SHA256.');
  const matches = options.keys.some((key) => digestsEqual(hmacDigest('sha256', key, [options.rawBody, timestamp]), given));
  if (!matches) return invalid('invalid_signature', 'X-BambooHR-Signature does not match the body and timestamp.');
  const timestampMs = parseWebhookTimestamp(timestamp);
  if (timestampMs === undefined) return invalid('invalid_timestamp', 'X-BambooHR-Timestamp is neither ISO-8601 with a zone nor Unix seconds.');
  if (!withinTolerance(timestampMs, options.nowMs, options.toleranceSeconds)) {
    return invalid('stale_timestamp', 'X-BambooHR-Timestamp is more than 5 minutes away from now: replayed or delayed delivery refused.');
  }
  return VALID;
}
