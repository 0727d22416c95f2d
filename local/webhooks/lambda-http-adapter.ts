import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createLambdaContext } from '../engine/lambda-context.js';
import { toApiGatewayEvent } from './api-gateway-event.js';

/** A Lambda handler for API Gateway v2 events (the receiver's `handler`). */
export type ApiGatewayHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Lambda's synchronous payload limit: API Gateway refuses a larger request before the function
 * runs, so does this adapter (413). Anything smaller reaches the handler, which applies its own limits.
 */
export const LAMBDA_MAX_BODY_BYTES = 6 * 1024 * 1024;

/**
 * Serves one request with a Lambda handler, as API Gateway would: reads the body (at most
 * {@link LAMBDA_MAX_BODY_BYTES}), builds the v2 event, calls the handler with a Lambda context and
 * writes its structured result back. The same handler code runs on AWS and locally.
 */
export async function serveWithLambda(
  req: IncomingMessage,
  res: ServerResponse,
  handler: ApiGatewayHandler,
  route: { routeKey: string; pathParameters: Record<string, string>; functionName: string },
): Promise<void> {
  const body = await readLimited(req, LAMBDA_MAX_BODY_BYTES);
  if (body === undefined) return writeJson(res, 413, { message: 'Request Entity Too Large' });
  let result: APIGatewayProxyStructuredResultV2;
  try {
    result = await handler(toApiGatewayEvent(req, body, route), createLambdaContext(route.functionName));
  } catch {
    // What API Gateway answers when the integration fails: no detail.
    return writeJson(res, 500, { message: 'Internal Server Error' });
  }
  const payload = result.body === undefined ? '' : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : Buffer.from(result.body, 'utf8');
  res.writeHead(result.statusCode ?? 200, { ...(result.headers as Record<string, string> | undefined), 'content-length': String(payload.length) });
  res.end(payload);
}

/** The whole body, or undefined once it exceeds `limit` (the rest is drained, not kept). */
async function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) over = true;
    if (!over) chunks.push(chunk as Buffer);
  }
  return over ? undefined : Buffer.concat(chunks);
}

function writeJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}
