import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { runWithHandlerEnvironment, type HandlerEnvironment } from '../../../functions/lib/handler-environment-scope.js';
import { TRIGGERS } from '../../../functions/registry.js';
import { isHrSource, WEBHOOK_SOURCES } from '../../../functions/lib/hr/webhook-sources.js';
import { createLambdaContext } from '../../engine/lambda-context.js';
import { toApiGatewayEvent } from '../../webhooks/api-gateway-event.js';
import type { ApiGatewayHandler } from '../../webhooks/lambda-http-adapter.js';
import type { WebhookDelivery } from '../runtime-log.js';
import type { RouteHandler } from './router.js';

/** The API Gateway route key of the receiver, as infra declares it (functions/registry.ts `ingress`). */
const ROUTE_KEY = 'POST /webhooks/{source}';

/**
 * `POST /webhooks/:source` in the runtime: the same HR webhook receiver the AWS stack puts behind API
 * Gateway, handed the same v2 event, run inside `environment` (the runtime's Step Functions endpoint,
 * the state machine ARNs, the HR secrets), so a signed delivery starts an hr-event execution here.
 * Every delivery is reported to `delivered` (the runtime's log): source, status, what the receiver
 * made of it (accepted, duplicate, ignored; or the refusal and its reason), the HR event types and
 * the execution it started; never the body (it may carry personal data).
 */
export function webhookRoute(environment: () => HandlerEnvironment, delivered: (delivery: WebhookDelivery) => void = () => {}): RouteHandler {
  const trigger = TRIGGERS.find((fn) => fn.name === 'hrWebhook');
  if (!trigger) throw new Error('functions/registry.ts has no hrWebhook trigger to serve /webhooks/:source');
  const loaded = trigger.loadHandler() as Promise<ApiGatewayHandler>;
  return async (request) => {
    const handler = await loaded;
    const source = request.params.source ?? '';
    // toApiGatewayEvent reads only these parts of a request.
    const url = `${request.path}${request.query.size > 0 ? `?${request.query}` : ''}`;
    const like = { url, method: request.method, headers: request.headers, httpVersion: '1.1', socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage;
    const event = toApiGatewayEvent(like, request.body, { routeKey: ROUTE_KEY, pathParameters: { source } });
    const result = (await runWithHandlerEnvironment(environment(), () => handler(event, createLambdaContext(trigger.name)))) as APIGatewayProxyStructuredResultV2;
    const status = result.statusCode ?? 200;
    const body = typeof result.body === 'string' ? result.body : '';
    delivered(status >= 400 ? refusal(source, status, body) : acceptance(source, status, body, request.body));
    const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]));
    return { status, headers, body };
  };
}

/** A refused delivery: the receiver's error code and message (`source_not_configured`, ...). */
function refusal(source: string, status: number, body: string): WebhookDelivery {
  const answer = receiverAnswer(body);
  const error = typeof answer.error === 'string' ? answer.error : 'unknown';
  return { source, status, outcome: error, ...(typeof answer.message === 'string' ? { reason: answer.message } : {}) };
}

/** A delivery the receiver took: what it did (its `status`), the execution, and the HR event types it carried. */
function acceptance(source: string, status: number, body: string, rawBody: Buffer): WebhookDelivery {
  const answer = receiverAnswer(body);
  return {
    source,
    status,
    outcome: typeof answer.status === 'string' ? answer.status : 'answered',
    ...(eventTypes(source, rawBody) ?? {}),
    ...(typeof answer.execution === 'string' ? { execution: answer.execution } : {}),
    ...(typeof answer.reason === 'string' ? { reason: answer.reason } : {}),
  };
}

/** The HR event types, read with the receiver's own parser of the source (the body was verified by then). */
function eventTypes(source: string, rawBody: Buffer): { events: string[] } | undefined {
  if (!isHrSource(source)) return undefined;
  const text = rawBody.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined; // HiBob's connection test may be plain text
  }
  const parsed = WEBHOOK_SOURCES[source].parse(text, json);
  if (!parsed.ok) return undefined;
  return { events: 'ping' in parsed ? ['connection test'] : [...new Set(parsed.eventTypes)] };
}

function receiverAnswer(body: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(body) as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {}; // not the receiver's JSON: the status says enough
  }
}
