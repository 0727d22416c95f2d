import { randomUUID } from 'node:crypto';
import type { HrEmployee } from './company.js';
import { bambooHrSignatureHeaders, hiBobSignatureHeaders, standardSignatureHeaders } from './signing.js';

/**
 * Webhook deliveries as BambooHR, HiBob and a Standard Webhooks sender make them: the body (with
 * the vendor's envelope), its content type and the signature headers, correctly signed or broken
 * on purpose in one named way.
 */
export type WebhookSource = 'bamboohr' | 'hibob' | 'standard';

export interface WebhookDelivery {
  source: WebhookSource;
  body: string | Buffer;
  headers: Record<string, string>;
}

/** The signing secrets the simulator uses unless told otherwise. Not secrets: local use only. */
export const DEFAULT_WEBHOOK_SECRETS: Readonly<Record<WebhookSource, string>> = {
  bamboohr: 'hr-sim-bamboohr-webhook-key',
  hibob: 'hr-sim-hibob-webhook-secret',
  standard: `whsec_${Buffer.from('hr-simulator-standard-secret-32b').toString('base64')}`,
};

/** The ways a delivery can be broken (for hostile tests and `hr-simulator send --break`). */
export const BREAKAGES = ['no-signature', 'wrong-signature', 'other-body', 'stale-timestamp', 'malformed-json', 'wrong-content-type', 'oversized'] as const;
export type Breakage = (typeof BREAKAGES)[number];

export interface SignOptions {
  secret?: string;
  now?: Date;
  /** Standard Webhooks message id (default a new one: a new message). */
  id?: string;
  breakage?: Breakage;
}

const HIBOB_COMPANY_ID = 636192;
const BAMBOOHR_COMPANY_ID = '12345';

/** BambooHR's `+0000` offset form, as in its documented samples. */
function bambooTimestamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, '+0000');
}

/** An event-based BambooHR body (`employee.created` / `.updated` / `.deleted`). */
export function bambooHrEventBody(employee: HrEmployee, type: string, changedFields: readonly string[] | undefined, now: Date): string {
  return JSON.stringify({
    type,
    timestamp: bambooTimestamp(now),
    data: { companyId: BAMBOOHR_COMPANY_ID, employeeId: employee.bambooId, ...(changedFields ? { changedFields } : {}) },
  });
}

/** A legacy field-based BambooHR body: the posted fields carry the values. */
export function bambooHrFieldsBody(entries: ReadonlyArray<{ employee: HrEmployee; action: 'Created' | 'Updated' | 'Deleted'; changedFields: string[]; fields: Record<string, string> }>, now: Date): string {
  return JSON.stringify({
    employees: entries.map((entry) => ({ action: entry.action, changedFields: entry.changedFields, fields: entry.fields, id: entry.employee.bambooId, timestamp: bambooTimestamp(now) })),
  });
}

/** A HiBob v2 body: ids only. */
export function hiBobEventBody(employee: HrEmployee, type: string, now: Date): string {
  return JSON.stringify({
    companyId: HIBOB_COMPANY_ID,
    type,
    triggeredBy: 'system',
    triggeredAt: now.toISOString().replace('Z', '000').replace(/(\.\d{6})\d*$/, '$1'),
    version: 'v2',
    data: { employeeId: employee.hibobId },
  });
}

/** Bob's connection test. */
export const HIBOB_PING_BODY = 'Ping test';

/** Signs `body` as `source` would, then applies the breakage, if any. */
export function signDelivery(source: WebhookSource, body: string, options: SignOptions = {}): WebhookDelivery {
  const now = options.now ?? new Date();
  const secret = options.secret ?? DEFAULT_WEBHOOK_SECRETS[source];
  const breakage = options.breakage;
  let sentBody: string | Buffer = body;
  let signedBody = body;
  if (breakage === 'malformed-json') sentBody = signedBody = `${body.slice(0, Math.max(1, Math.floor(body.length / 2)))}`;
  if (breakage === 'oversized') sentBody = signedBody = JSON.stringify({ padding: 'x'.repeat(300 * 1024), ...(safeParse(body) ?? {}) });
  if (breakage === 'other-body') sentBody = body.replace(/"(employee\.[a-z]+|hire|change|termination|rehire)"/, '"employee.deleted"') + ' ';
  const signingSecret = breakage === 'wrong-signature' ? otherSecret(source, secret) : secret;
  const signedAt = breakage === 'stale-timestamp' ? new Date(now.getTime() - 6 * 60_000) : now;
  let headers = signatureHeaders(source, signedBody, signingSecret, signedAt, options.id ?? `msg_${randomUUID()}`);
  if (breakage === 'no-signature') {
    headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !/signature/i.test(name)));
  }
  const contentType = breakage === 'wrong-content-type' ? 'application/xml' : source === 'hibob' && body === HIBOB_PING_BODY ? 'text/plain' : 'application/json';
  return { source, body: sentBody, headers: { 'Content-Type': contentType, 'User-Agent': userAgent(source), ...headers } };
}

function signatureHeaders(source: WebhookSource, body: string, secret: string, at: Date, id: string): Record<string, string> {
  if (source === 'bamboohr') return bambooHrSignatureHeaders(body, secret, bambooTimestamp(at));
  if (source === 'hibob') return hiBobSignatureHeaders(body, secret);
  return standardSignatureHeaders(body, [secret], id, Math.floor(at.getTime() / 1000));
}

/** A well-formed secret that is not `secret` (a Standard Webhooks secret must stay `whsec_<base64>`). */
function otherSecret(source: WebhookSource, secret: string): string {
  return source === 'standard' ? `whsec_${Buffer.from(`not-the-key:${secret}`).toString('base64')}` : `${secret}-not-the-key`;
}

function userAgent(source: WebhookSource): string {
  return source === 'bamboohr' ? 'BambooHR-WebHooks/1.0 (+https://www.bamboohr.com)' : source === 'hibob' ? 'HiBob-Webhooks (hr-simulator)' : 'hr-simulator (Standard Webhooks)';
}

function safeParse(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** POSTs a delivery to `{baseUrl}/webhooks/{source}` (or `path`); returns the status and the JSON answer. */
export async function sendDelivery(baseUrl: string, delivery: WebhookDelivery, path = `/webhooks/${delivery.source}`): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}${path}`, { method: 'POST', headers: delivery.headers, body: delivery.body });
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { raw: text };
  }
  return { status: response.status, body };
}
