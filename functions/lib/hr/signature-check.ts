/**
 * The verdict of a webhook signature check. Failures carry a machine-readable reason (the metric
 * dimension and the 401 body's `error`) and a short message for the sender; neither ever contains
 * the expected signature or the secret.
 */
export type SignatureFailure =
  | 'missing_signature'
  | 'invalid_signature'
  | 'missing_timestamp'
  | 'invalid_timestamp'
  | 'stale_timestamp';

export type SignatureCheck = { valid: true } | { valid: false; reason: SignatureFailure; message: string };

export const VALID: SignatureCheck = { valid: true };

export function invalid(reason: SignatureFailure, message: string): SignatureCheck {
  return { valid: false, reason, message };
}

/** Request headers with lower-case names (API Gateway v2 and node:http both deliver them so). */
export type LowercaseHeaders = Readonly<Record<string, string | undefined>>;

/** A replayed or delayed delivery older (or newer) than this is refused. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Whether `timestampMs` is within `toleranceSeconds` of `nowMs`, either way. */
export function withinTolerance(timestampMs: number, nowMs: number, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS): boolean {
  return Math.abs(nowMs - timestampMs) <= toleranceSeconds * 1000;
}
