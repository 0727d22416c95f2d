import { Webhook } from 'standardwebhooks';
import { decodeSignature, digestsEqual } from './hmac.js';
import { invalid, VALID, withinTolerance, type LowercaseHeaders, type SignatureCheck } from './signature-check.js';

export const STANDARD_ID_HEADER = 'webhook-id';
export const STANDARD_TIMESTAMP_HEADER = 'webhook-timestamp';
export const STANDARD_SIGNATURE_HEADER = 'webhook-signature';

const UNIX_SECONDS = /^\d{1,12}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Standard Webhooks (spec v1, the `standardwebhooks` package computes the signature):
 * `webhook-signature` lists space-separated `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`
 * (several during the sender's key rotation); `webhook-timestamp` is Unix seconds within the
 * tolerance. Any of our `secrets` (`whsec_...`) may match (our rotation). The library's own
 * `verify` is not used: it reads the wall clock and parses JSON, and we need an injected clock and
 * the raw bytes untouched.
 */
export function verifyStandardSignature(options: {
  rawBody: Uint8Array;
  headers: LowercaseHeaders;
  secrets: readonly string[];
  nowMs: number;
  toleranceSeconds?: number;
}): SignatureCheck {
  const id = options.headers[STANDARD_ID_HEADER];
  const timestamp = options.headers[STANDARD_TIMESTAMP_HEADER];
  const signatures = options.headers[STANDARD_SIGNATURE_HEADER];
  if (!signatures) return invalid('missing_signature', 'The webhook-signature header is missing.');
  if (!id || id.length > 256) return invalid('missing_signature', 'The webhook-id header is missing (or longer than 256 characters).');
  if (!timestamp) return invalid('missing_timestamp', 'The webhook-timestamp header is missing.');
  if (!UNIX_SECONDS.test(timestamp.trim())) return invalid('invalid_timestamp', 'webhook-timestamp must be Unix seconds.');
  const body = decodeUtf8(options.rawBody);
  if (body === undefined) return invalid('invalid_signature', 'The body is not UTF-8, so no signature can match it.');
  const when = new Date(Number(timestamp.trim()) * 1000);
  const given = signatures
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => decodeSignature(entry.slice(3), 'base64'))
    .filter((decoded): decoded is Buffer => decoded !== undefined);
  if (given.length === 0) return invalid('invalid_signature', 'webhook-signature has no v1,<base64> signature.');
  const expected = options.secrets.map((secret) => Buffer.from(new Webhook(secret).sign(id, when, body).slice(3), 'base64'));
  const matches = expected.some((digest) => given.some((candidate) => digestsEqual(digest, candidate)));
  if (!matches) return invalid('invalid_signature', 'No webhook-signature matches the id, timestamp and body.');
  if (!withinTolerance(when.getTime(), options.nowMs, options.toleranceSeconds)) {
    return invalid('stale_timestamp', 'webhook-timestamp is more than 5 minutes away from now: replayed or delayed delivery refused.');
  }
  return VALID;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
