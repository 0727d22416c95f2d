import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { SfnError } from '../sfn/sfn-error.js';
import { refuseBrowserRequests, type Refusal } from './request-guards.js';
import { badTargetMessage, parseRequestTarget } from './request-target.js';
import type { Router, RuntimeResponse } from './router.js';
import { serverTimeoutOptions, type ServerTimeouts } from '../../simulator/http/server-timeouts.js';

/** Larger than any request the API takes (a 256 KB input, JSON-escaped, fits many times). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * The runtime's HTTP front: a path as request target (else 400), browser-request guards for every
 * route, a bounded body received within the timeouts (else Node answers 408), then the router.
 * `port` is read per request (it is known only once listening, e.g. with `--port 0`).
 */
export function createRuntimeServer(router: Router, port: () => number, log: (line: string) => void, timeouts: Partial<ServerTimeouts> = {}): Server {
  return createServer(serverTimeoutOptions(timeouts), (req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`unexpected error answering ${req.method} ${req.url?.slice(0, 200)}: ${(error as Error).message}`);
      if (!res.headersSent && !res.destroyed) send(res, { status: 500, body: { error: 'The runtime hit an unexpected error; see its log.' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = parseRequestTarget(req.url);
    if (!target) {
      req.resume();
      return send(res, { status: 400, body: { error: badTargetMessage(req.url) } }, true);
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const refusal = refuseBrowserRequests(req.headers, port(), target.path);
    if (refusal) {
      req.resume();
      return send(res, refusalResponse(target.path, refusal));
    }
    const body = await readBody(req);
    if (body === 'aborted') return; // the client went away, or Node answered 408: nobody to answer
    if (body === 'too-large') return send(res, tooLargeResponse(target.path), true);
    const match = router.match(method, target.path);
    if (!match) {
      const allowed = router.methodsAt(target.path);
      return send(res, allowed.length > 0
        ? { status: 405, headers: { Allow: allowed.join(', ') }, body: { error: `${method} is not served at ${target.path}; use ${allowed.join(', ')}.` } }
        : { status: 404, body: { error: `Nothing at ${method} ${target.path.slice(0, 200)}. The Step Functions API is POST / (AWS JSON 1.0).` } });
    }
    const response = await match.handler({ method, path: target.path, params: match.params, query: target.query, headers: req.headers, body });
    send(res, response);
  }
}

/** The Step Functions API answers refusals in its own error shape; other routes with `{ error }`. */
export function refusalResponse(path: string, refusal: Refusal): RuntimeResponse {
  if (path !== '/') return { status: refusal.status, body: { error: refusal.message } };
  const error = new SfnError(refusal.status === 415 ? 'UnsupportedMediaType' : 'AccessDeniedException', refusal.message);
  return { status: error.status, headers: { 'Content-Type': 'application/x-amz-json-1.0' }, body: error.body };
}

/**
 * 413 for a body over `MAX_BODY_BYTES`: on the Step Functions API in AWS's error shape
 * (`RequestEntityTooLargeException`, which the SDK raises with `$metadata.httpStatusCode` 413).
 */
function tooLargeResponse(path: string): RuntimeResponse {
  const limit = `${MAX_BODY_BYTES} bytes (4 MB)`;
  if (path !== '/') return { status: 413, body: { error: `The request body is larger than ${limit}.` } };
  const error = new SfnError('RequestEntityTooLargeException', `Request body larger than ${limit}; the largest request the API takes is a StartExecution input of 256 KB.`);
  return { status: error.status, headers: { 'Content-Type': 'application/x-amz-json-1.0', 'x-amzn-RequestId': randomUUID() }, body: error.body };
}

/** The whole body; `too-large` beyond `MAX_BODY_BYTES` (the rest is not read); `aborted` when the request never completed. */
function readBody(req: IncomingMessage): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    // A request timeout (408) or a client hanging up mid-body: the promise settles once, whichever comes first.
    req.on('error', () => resolve('aborted'));
    req.on('close', () => resolve(req.complete ? Buffer.concat(chunks) : 'aborted'));
  });
}

function send(res: ServerResponse, response: RuntimeResponse, closeConnection = false): void {
  const { body } = response;
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) || typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string | number> = { ...response.headers };
  if (payload !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  headers['Content-Length'] = payload === undefined ? 0 : Buffer.byteLength(payload);
  if (closeConnection) headers.Connection = 'close';
  res.writeHead(response.status, headers);
  res.end(payload);
}
