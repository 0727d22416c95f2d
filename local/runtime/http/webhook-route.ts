import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { runWithHandlerEnvironment, type HandlerEnvironment } from '../../../functions/lib/handler-environment-scope.js';
import { TRIGGERS } from '../../../functions/registry.js';
import { createLambdaContext } from '../../engine/lambda-context.js';
import { toApiGatewayEvent } from '../../webhooks/api-gateway-event.js';
import type { ApiGatewayHandler } from '../../webhooks/lambda-http-adapter.js';
import type { RouteHandler } from './router.js';

/** The API Gateway route key of the receiver, as infra declares it (functions/registry.ts `ingress`). */
const ROUTE_KEY = 'POST /webhooks/{source}';

/**
 * `POST /webhooks/:source` in the runtime: the same HR webhook receiver the AWS stack puts behind API
 * Gateway, handed the same v2 event, run inside `environment` (the runtime's Step Functions endpoint,
 * the state machine ARNs, the HR secrets), so a signed delivery starts an hr-event execution here.
 * Every refused delivery (4xx or 5xx) is one line in the runtime's log: source, status, the
 * receiver's reason (never the body: it may carry personal data).
 */
export function webhookRoute(environment: () => HandlerEnvironment, log: (line: string) => void = () => {}): RouteHandler {
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
    if (status >= 400) log(refusalLine(source, status, body));
    const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]));
    return { status, headers, body };
  };
}

/** `webhook "hibob": refused 503 source_not_configured: <the receiver's message>`: one line, bounded. */
function refusalLine(source: string, status: number, body: string): string {
  let error = 'unknown';
  let message = '';
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    if (typeof parsed.error === 'string') error = parsed.error;
    if (typeof parsed.message === 'string') message = parsed.message;
  } catch {
    // not the receiver's JSON: the status says enough
  }
  const reason = `${error}${message ? `: ${message}` : ''}`.replace(/\s+/g, ' ').slice(0, 300);
  return `webhook ${JSON.stringify(source.slice(0, 40))}: refused ${status} ${reason}`;
}
