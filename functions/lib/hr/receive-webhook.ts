import type { HrConfig, HrSource } from '../config/hr-config-schema.js';
import { ErrorNames, JmlError } from '../errors.js';
import { redactText } from '../redaction.js';
import { webhookSecretHint, webhookSecretVariables } from './configured-webhook-sources.js';
import { toExecutionName } from './execution-name.js';
import { HttpError } from '../middleware/http-error.js';
import type { HttpRequest, HttpResponse } from '../middleware/http-request.js';
import type { ActionLogger } from '../observability.js';
import { MAX_EXECUTION_INPUT_BYTES } from '../executions/start-execution.js';
import { noticeSubject, type HrEventInput, type HrNotice } from './hr-notice.js';
import { noticeRelevance } from './notice-relevance.js';
import type { SignatureFailure } from './signature-check.js';
import { isHrSource, WEBHOOK_SOURCES } from './webhook-sources.js';

/** The largest body accepted; larger is 413 before anything looks at it. */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

/** When a sender should try again a delivery refused because its source has no secret yet (every vendor keeps retrying). */
export const UNCONFIGURED_RETRY_AFTER_SECONDS = 300;

export interface ReceiverDeps {
  /** The `hr:` section of the JML config; absent means no source is enabled. */
  hr: HrConfig | undefined;
  /** The signing keys of a source (several during a rotation). */
  signingKeys: (source: keyof typeof WEBHOOK_SOURCES) => Promise<readonly string[]>;
  /** Starts one hr-event execution: `already` when the name was used (a duplicate delivery). */
  startHrEvent: (name: string, input: HrEventInput) => Promise<'started' | 'already'>;
  recordSignatureFailure: (source: string, reason: SignatureFailure) => void;
  now: () => Date;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `POST /webhooks/{source}`: verify, parse the envelope, start ONE hr-event execution, answer.
 * Nothing else happens here, so the answer comes in well under a second and nothing is lost: the
 * HR API call-back and the joiner / mover / leaver start are retried steps of that execution.
 * Order of checks: unknown source 404, body over 256 KB 413, content type 415, no usable signing
 * secret 503 with `Retry-After` (the sender keeps the event), signature and timestamp 401 (over the
 * raw bytes, before any parsing), malformed payload 400. Events that map to
 * nothing are acknowledged (200) and logged by id only. A duplicate (the execution name exists) is
 * 200; a new delivery 202; failing to start is 503 so the sender retries.
 */
export async function receiveWebhook(request: HttpRequest, deps: ReceiverDeps, logger: ActionLogger): Promise<HttpResponse> {
  const sourceName = request.pathParameters.source;
  if (!isHrSource(sourceName) || deps.hr?.sources[sourceName] === undefined) {
    throw new HttpError(404, 'unknown_source', `No webhook source ${JSON.stringify(String(sourceName ?? '').slice(0, 40))} is enabled here.`);
  }
  const spec = WEBHOOK_SOURCES[sourceName];
  if (request.rawBody.length > MAX_WEBHOOK_BODY_BYTES) {
    throw new HttpError(413, 'payload_too_large', `The body is larger than ${MAX_WEBHOOK_BODY_BYTES / 1024} KB.`);
  }
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!spec.contentTypes.includes(mediaType)) {
    throw new HttpError(415, 'unsupported_media_type', `Content-Type must be ${spec.contentTypes.join(' or ')}.`);
  }

  const signing = await signingKeysOrUnconfigured(sourceName, deps, logger);
  if ('refusal' in signing) return signing.refusal;
  const keys = signing.keys;
  const check = spec.verify({ rawBody: request.rawBody, headers: request.headers, keys, nowMs: deps.now().getTime() });
  if (!check.valid) {
    deps.recordSignatureFailure(sourceName, check.reason);
    throw new HttpError(401, check.reason, check.message);
  }

  const text = decode(request.rawBody);
  const json = parseJson(text);
  const parsed = spec.parse(text, json);
  const isPing = parsed.ok && 'ping' in parsed;
  if (json === undefined && !isPing) throw new HttpError(400, 'malformed_json', 'The body is not valid JSON.');
  if (!parsed.ok) throw new HttpError(400, 'invalid_payload', parsed.message);
  if ('ping' in parsed) {
    logger.info('Webhook connection test answered', { source: sourceName });
    return { statusCode: 200, body: { status: 'ok', message: 'Connection test received; nothing was started.' } };
  }

  const relevant: HrNotice[] = [];
  const ignored: Array<{ subject?: string; reason: string }> = [];
  for (const notice of parsed.notices) {
    const verdict = noticeRelevance(notice, deps.hr!);
    if (verdict.relevant) relevant.push(notice);
    else ignored.push({ subject: noticeSubject(notice), reason: verdict.reason });
  }
  if (relevant.length === 0) {
    logger.info('Webhook acknowledged: nothing to do', { source: sourceName, eventTypes: parsed.eventTypes, ignored });
    return { statusCode: 200, body: { status: 'ignored', reason: ignored[0]?.reason ?? 'the delivery concerns no employee' } };
  }

  const deliveryId = spec.identity({ rawBody: request.rawBody, headers: request.headers, firstSubject: noticeSubject(relevant[0]), eventType: parsed.eventTypes[0] });
  const executionName = toExecutionName(`hr-${sourceName}-${deliveryId}`);
  const input: HrEventInput = { source: sourceName, deliveryId: deliveryId.slice(0, 128), receivedAt: deps.now().toISOString(), notices: relevant };
  if (Buffer.byteLength(JSON.stringify(input), 'utf8') > MAX_EXECUTION_INPUT_BYTES) {
    throw new HttpError(413, 'payload_too_large', 'The delivery is too large to process as one event; send fewer employees per delivery.');
  }
  let outcome: 'started' | 'already';
  try {
    outcome = await deps.startHrEvent(executionName, input);
  } catch (error) {
    throw new HttpError(503, 'unavailable', `Could not start the hr-event execution ${executionName}.`, { cause: error });
  }
  const subjects = relevant.map(noticeSubject);
  if (outcome === 'already') {
    logger.info('Webhook duplicate: already accepted', { source: sourceName, executionName, eventTypes: parsed.eventTypes, subjects });
    return { statusCode: 200, body: { status: 'duplicate', execution: executionName } };
  }
  logger.info('Webhook accepted', { source: sourceName, executionName, eventTypes: parsed.eventTypes, subjects, ignored });
  return { statusCode: 202, body: { status: 'accepted', execution: executionName } };
}

/**
 * The source's signing keys, or the 503 to answer when they are not configured (missing, or a
 * secret that cannot be used): the sender retries later, so configuring the secret loses nothing.
 * The body names the variables to set, never a value; the log line says why.
 */
async function signingKeysOrUnconfigured(source: HrSource, deps: ReceiverDeps, logger: ActionLogger): Promise<{ keys: readonly string[] } | { refusal: HttpResponse }> {
  try {
    return { keys: await deps.signingKeys(source) };
  } catch (error) {
    if (!(error instanceof JmlError) || error.name !== ErrorNames.Configuration) throw error;
    const [secretId, value, secretsFile] = webhookSecretVariables(source);
    logger.warn('Delivery refused: the source has no usable signing secret', { source, statusCode: 503, reason: redactText(error.message) });
    return { refusal: {
      statusCode: 503,
      headers: { 'retry-after': String(UNCONFIGURED_RETRY_AFTER_SECONDS) },
      body: {
        error: 'source_not_configured',
        message: `The ${source} webhook is enabled but its signing secret is not configured here, so no delivery can be verified. Keep the event: it is accepted once ${webhookSecretHint(source)}.`,
        set: [value, secretId, secretsFile],
      },
    } };
  }
}

function decode(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new HttpError(400, 'invalid_payload', 'The body is not UTF-8 text.');
  }
}

/** The parsed body, or undefined when it is not JSON (JSON.parse never returns undefined). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
