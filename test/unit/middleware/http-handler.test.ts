import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpHandler } from '../../../functions/lib/middleware/create-http-handler.js';
import { HttpError } from '../../../functions/lib/middleware/http-error.js';
import type { HttpRequest } from '../../../functions/lib/middleware/http-request.js';
import { clearRegisteredSecrets, registerSecret } from '../../../functions/lib/redaction.js';
import { captureOutput, fakeContext, type CapturedOutput } from './capture-output.js';

/** The HTTP handler factory of the trigger wing: API Gateway v2 in, JSON out, one error policy. */

function event(overrides: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /webhooks/{source}',
    rawPath: '/webhooks/hibob',
    rawQueryString: '',
    headers: { 'Content-Type': 'application/json', 'X-Thing': 'a' },
    pathParameters: { source: 'hibob' },
    requestContext: { requestId: 'req-77', http: { method: 'POST', path: '/webhooks/hibob' } } as APIGatewayProxyEventV2['requestContext'],
    body: Buffer.from([0x7b, 0x7d, 0xff]).toString('base64'),
    isBase64Encoded: true,
    ...overrides,
  };
}

function handlerWith(handle: (request: HttpRequest) => Promise<{ statusCode: number; body: Record<string, unknown> }>) {
  return createHttpHandler({ name: 'testTrigger', resolveDeps: () => ({}), handle: (request) => handle(request) });
}

describe('createHttpHandler', () => {
  let output: CapturedOutput;
  beforeEach(() => {
    output = captureOutput();
    clearRegisteredSecrets();
  });
  afterEach(() => output.restore());

  it('hands the core the raw body bytes (base64 decoded), lower-case headers and path parameters', async () => {
    // Prepare
    let seen: HttpRequest | undefined;
    const handler = handlerWith(async (request) => {
      seen = request;
      return { statusCode: 202, body: { status: 'accepted' } };
    });

    // Act
    const result = await handler(event(), fakeContext() as never);

    // Assess
    expect([...seen!.rawBody]).toEqual([0x7b, 0x7d, 0xff]);
    expect(seen).toMatchObject({ method: 'POST', path: '/webhooks/hibob', pathParameters: { source: 'hibob' }, headers: { 'content-type': 'application/json', 'x-thing': 'a' }, requestId: 'req-77' });
    expect(result).toMatchObject({ statusCode: 202, body: '{"status":"accepted"}', headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req-77', 'cache-control': 'no-store' } });
  });

  it('turns an HttpError 4xx into its status with a short JSON reason, logged as a warning', async () => {
    // Prepare
    const handler = handlerWith(async () => {
      throw new HttpError(415, 'unsupported_media_type', 'Content-Type must be application/json.');
    });

    // Act
    const result = await handler(event(), fakeContext() as never);

    // Assess
    expect(result.statusCode).toBe(415);
    expect(JSON.parse(result.body as string)).toEqual({ error: 'unsupported_media_type', message: 'Content-Type must be application/json.' });
    expect(output.json().find((line) => line.message === 'Request refused')).toMatchObject({ level: 'WARN', statusCode: 415, error: 'unsupported_media_type' });
  });

  it('turns anything else into a generic 5xx: no message, no stack, no secret in the body; the log masks the secret', async () => {
    // Prepare
    registerSecret('super-secret-signing-key');
    const handler = handlerWith(async () => {
      throw new TypeError('cannot read x of undefined while using super-secret-signing-key');
    });

    // Act
    const result = await handler(event(), fakeContext() as never);

    // Assess
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body as string)).toEqual({ error: 'internal_error', message: 'The request could not be processed; it is safe to retry.', requestId: 'req-77' });
    expect(output.text()).not.toContain('super-secret-signing-key');
    expect(output.json().find((line) => line.message === 'Request failed')).toMatchObject({ level: 'ERROR', statusCode: 500, errorName: 'TypeError' });
  });

  it('keeps the status of a 5xx HttpError (503: retry later) but still answers generically', async () => {
    // Prepare
    const handler = handlerWith(async () => {
      throw new HttpError(503, 'unavailable', 'Could not start execution hr-x (internal detail).');
    });

    // Act
    const result = await handler(event(), fakeContext() as never);

    // Assess
    expect(result.statusCode).toBe(503);
    expect(result.body).not.toContain('internal detail');
  });

  it('emits one EMF response metric per request by status class', async () => {
    // Prepare
    const handler = handlerWith(async () => ({ statusCode: 200, body: {} }));

    // Act
    await handler(event(), fakeContext() as never);

    // Assess
    const emf = output.json().filter((line) => '_aws' in line && 'TriggerResponses' in line);
    expect(emf).toEqual([expect.objectContaining({ trigger: 'testTrigger', statusClass: '2xx', TriggerResponses: 1 })]);
  });
});
