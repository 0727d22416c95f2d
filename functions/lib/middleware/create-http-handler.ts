import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { ActionLogger } from '../observability.js';
import { createInvocationLogger, recordHttpResponse, rootLogger } from '../observability.js';
import { redactText } from '../redaction.js';
import { HttpError } from './http-error.js';
import { fromApiGatewayEvent, toApiGatewayResult, type HttpRequest, type HttpResponse } from './http-request.js';
import { attachInvocationState, invocationState } from './invocation-context.js';
import { runWithLogger } from './logger-scope.js';

/** A Lambda handler for API Gateway HTTP API (payload format 2.0) events. */
export type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** What an HTTP trigger is: a name, its dependencies, and a core that never sees middy or Lambda. */
export interface HttpTriggerSpec<D> {
  /** camelCase trigger name, as in the registry (`hrWebhook`). */
  name: string;
  /** Builds the core's dependencies (cached inside as the trigger sees fit). */
  resolveDeps: (logger: ActionLogger) => D | Promise<D>;
  /** Answers one request; throws `HttpError` for 4xx (shown) and anything else for a generic 5xx. */
  handle: (request: HttpRequest, deps: D, logger: ActionLogger) => Promise<HttpResponse>;
}

/** The body of every 5xx: nothing about the cause, only that a retry is safe. */
export const GENERIC_SERVER_ERROR = { error: 'internal_error', message: 'The request could not be processed; it is safe to retry.' } as const;

/**
 * Wraps an HTTP trigger core in the shared middy + Powertools stack of the actions: a per-request
 * child logger (trigger, request id, Lambda context), EMF metrics of every response by status
 * class and latency, and one error policy: an `HttpError` 4xx becomes `{ error, message }` with
 * its status, anything else a 5xx with {@link GENERIC_SERVER_ERROR} (never a stack trace, never a
 * secret) and one error log line (messages scrubbed of registered secrets).
 */
export function createHttpHandler<D>(spec: HttpTriggerSpec<D>): HttpHandler {
  const core = async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const state = invocationState(context);
    const request = fromApiGatewayEvent(event);
    const deps = await spec.resolveDeps(state.logger);
    const response = await runWithLogger(state.logger, () => spec.handle(request, deps, state.logger));
    return toApiGatewayResult(response, request.requestId);
  };
  const handler = middy(core, { timeoutEarlyInMillis: 0 }).use({
    name: 'httpTrigger',
    before: (request) => {
      const requestId = (request.event as APIGatewayProxyEventV2)?.requestContext?.requestId;
      const logger = createInvocationLogger({ action: spec.name }, request.context);
      if (requestId) logger.appendKeys({ requestId });
      attachInvocationState(request, { action: spec.name, logger, startedAt: performance.now() });
    },
    after: (request) => {
      const state = invocationState(request.context);
      recordHttpResponse(spec.name, request.response?.statusCode ?? 200, performance.now() - state.startedAt);
    },
    onError: (request) => {
      const state = (request.context as { jml?: { logger: ActionLogger; startedAt: number } }).jml;
      const logger = state?.logger ?? rootLogger;
      const requestId = (request.event as APIGatewayProxyEventV2 | undefined)?.requestContext?.requestId ?? 'unknown';
      const error = request.error;
      let response: HttpResponse;
      if (error instanceof HttpError && error.exposed) {
        response = { statusCode: error.statusCode, body: { error: error.code, message: error.message }, headers: error.headers };
        logger.warn('Request refused', { statusCode: error.statusCode, error: error.code, reason: error.message });
      } else {
        const statusCode = error instanceof HttpError ? error.statusCode : 500;
        response = { statusCode, body: { ...GENERIC_SERVER_ERROR, requestId } };
        logger.error('Request failed', { statusCode, errorName: error?.name, errorMessage: redactText(error?.message ?? ''), error: error ?? undefined });
      }
      recordHttpResponse(spec.name, response.statusCode, state ? performance.now() - state.startedAt : 0);
      request.response = toApiGatewayResult(response, requestId);
    },
  });
  return handler as unknown as HttpHandler;
}
