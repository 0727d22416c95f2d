import type { HrSource } from '../config/hr-config-schema.js';
import { parseBambooHrPayload } from './bamboohr-payload.js';
import { verifyBambooHrSignature } from './bamboohr-signature.js';
import { shortHash } from './execution-name.js';
import { parseHiBobPayload } from './hibob-payload.js';
import { verifyHiBobSignature } from './hibob-signature.js';
import type { HrSecretName } from './hr-secrets.js';
import type { LowercaseHeaders, SignatureCheck } from './signature-check.js';
import { parseStandardPayload } from './standard-payload.js';
import { STANDARD_ID_HEADER, verifyStandardSignature } from './standard-signature.js';
import type { PayloadParse } from './vendor-payload.js';

/** Everything the receiver needs to know about one webhook source. */
export interface WebhookSourceSpec {
  source: HrSource;
  /** The secret holding its signing key(s). */
  secret: HrSecretName;
  /** Accepted media types (lower case, without parameters). */
  contentTypes: readonly string[];
  verify(input: { rawBody: Buffer; headers: LowercaseHeaders; keys: readonly string[]; nowMs: number }): SignatureCheck;
  /** `json` is undefined when the body is not JSON (only HiBob's ping may be that). */
  parse(text: string, json: unknown): PayloadParse;
  /**
   * The delivery's identity, stable across redeliveries of the same event: the execution name is
   * built from it, so a duplicate is refused by Step Functions as `ExecutionAlreadyExists`.
   */
  identity(input: { rawBody: Buffer; headers: LowercaseHeaders; firstSubject: string | undefined; eventType: string | undefined }): string;
}

export const WEBHOOK_SOURCES: Readonly<Record<HrSource, WebhookSourceSpec>> = {
  bamboohr: {
    source: 'bamboohr',
    secret: 'bamboohr-webhook',
    contentTypes: ['application/json'],
    verify: ({ rawBody, headers, keys, nowMs }) => verifyBambooHrSignature({ rawBody, headers, keys, nowMs }),
    parse: (_text, json) => parseBambooHrPayload(json),
    // No event id in the payload: the body (which carries the event's own timestamp) is the identity.
    identity: ({ rawBody, firstSubject }) => `${firstSubject ?? 'batch'}-${shortHash(rawBody, 24)}`,
  },
  hibob: {
    source: 'hibob',
    secret: 'hibob-webhook',
    contentTypes: ['application/json', 'text/plain'],
    verify: ({ rawBody, headers, keys }) => verifyHiBobSignature({ rawBody, headers, keys }),
    parse: (text, json) => parseHiBobPayload(text, json),
    identity: ({ rawBody, firstSubject, eventType }) => `${eventType ?? 'event'}-${firstSubject ?? 'none'}-${shortHash(rawBody, 24)}`,
  },
  standard: {
    source: 'standard',
    secret: 'standard-webhook',
    contentTypes: ['application/json'],
    verify: ({ rawBody, headers, keys, nowMs }) => verifyStandardSignature({ rawBody, headers, secrets: keys, nowMs }),
    parse: (_text, json) => parseStandardPayload(json),
    // The spec's idempotency key: the same webhook-id on every retry of a message.
    identity: ({ headers }) => headers[STANDARD_ID_HEADER] ?? 'missing-id',
  },
};

export function isHrSource(value: string | undefined): value is HrSource {
  return value !== undefined && Object.hasOwn(WEBHOOK_SOURCES, value);
}
