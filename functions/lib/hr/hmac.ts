import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC primitives for webhook signatures: digests over the raw bytes, and a comparison whose time
 * does not depend on where two signatures differ (crypto.timingSafeEqual on equal-length buffers).
 */

export type HmacAlgorithm = 'sha256' | 'sha512';

/** HMAC of `parts` concatenated, keyed with `key` (UTF-8 when a string). */
export function hmacDigest(algorithm: HmacAlgorithm, key: string | Uint8Array, parts: ReadonlyArray<Uint8Array | string>): Buffer {
  const mac = createHmac(algorithm, key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/**
 * True when `given` equals `expected`. Digests have a fixed length, so a length mismatch says
 * nothing secret and returns at once; equal lengths compare in constant time.
 */
export function digestsEqual(expected: Uint8Array, given: Uint8Array): boolean {
  if (expected.length !== given.length || expected.length === 0) return false;
  return timingSafeEqual(expected, given);
}

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes a signature header value strictly (Buffer.from silently drops bad characters, which
 * would let a malformed signature decode to something shorter). Undefined when it is not `encoding`.
 */
export function decodeSignature(text: string, encoding: 'hex' | 'base64'): Buffer | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 1024) return undefined;
  if (encoding === 'hex') return HEX.test(trimmed) ? Buffer.from(trimmed, 'hex') : undefined;
  return BASE64.test(trimmed) ? Buffer.from(trimmed, 'base64') : undefined;
}
