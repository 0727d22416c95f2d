import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * The request an HTTP handler core sees: API Gateway HTTP API (payload v2) reduced to what a
 * webhook needs, the body as raw bytes (signatures are over bytes, before any parsing).
 */
export interface HttpRequest {
  method: string;
  path: string;
  pathParameters: Readonly<Record<string, string>>;
  /** Lower-case names; a repeated header is joined with `,` (as API Gateway v2 does). */
  headers: Readonly<Record<string, string | undefined>>;
  rawBody: Buffer;
  requestId: string;
}

/** What an HTTP handler core returns: a status and a JSON body. */
export interface HttpResponse {
  statusCode: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** The request of an API Gateway v2 event (`isBase64Encoded` bodies decoded to their bytes). */
export function fromApiGatewayEvent(event: APIGatewayProxyEventV2): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) if (value !== undefined) headers[name.toLowerCase()] = value;
  const body = event.body ?? '';
  return {
    method: event.requestContext?.http?.method ?? 'GET',
    path: event.rawPath ?? event.requestContext?.http?.path ?? '/',
    pathParameters: Object.fromEntries(Object.entries(event.pathParameters ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    headers,
    rawBody: event.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8'),
    requestId: event.requestContext?.requestId ?? 'unknown',
  };
}

/** A JSON response as API Gateway v2 expects it. Never cached, never sniffed. */
export function toApiGatewayResult(response: HttpResponse, requestId: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: response.statusCode,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-request-id': requestId,
      ...response.headers,
    },
    body: JSON.stringify(response.body),
  };
}
