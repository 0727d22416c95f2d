import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseRequestTarget } from '../runtime/http/request-target.js';
import { serverTimeoutOptions, type ServerTimeouts } from '../simulator/http/server-timeouts.js';
import { serveWithLambda, type ApiGatewayHandler } from './lambda-http-adapter.js';

/** The route the receiver is mounted on, as in API Gateway (`infra/hr-webhooks.ts`). */
export const WEBHOOK_ROUTE_KEY = 'POST /webhooks/{source}';
const WEBHOOK_PATH = /^\/webhooks\/([^/]+)$/;

/**
 * A request listener for `POST /webhooks/:source`: the HR webhook receiver's Lambda handler behind
 * the v2-event adapter. Returns false for any other request, so a host server (the local runtime)
 * can serve its own routes and mount this one beside them.
 */
export function createWebhookRoute(handler: ApiGatewayHandler): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const path = parseRequestTarget(req.url)?.path;
    const match = path === undefined ? null : WEBHOOK_PATH.exec(path);
    if (!match) return false;
    const source = decodeSegment(match[1]);
    if (source === undefined) return false;
    if (req.method !== 'POST') {
      req.resume();
      res.writeHead(405, { allow: 'POST', 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Method Not Allowed' }));
      return true;
    }
    await serveWithLambda(req, res, handler, { routeKey: WEBHOOK_ROUTE_KEY, pathParameters: { source }, functionName: 'hrWebhook' });
    return true;
  };
}

/** A URL-decoded path segment; undefined when it is not valid percent-encoding (`%E0%A4%A`). */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export interface RunningWebhookServer {
  /** e.g. `http://127.0.0.1:8090`: deliveries go to `{url}/webhooks/{source}`. */
  url: string;
  close(): Promise<void>;
}

/**
 * A plain node:http server with only the webhook route (tests, the demo, until the runtime mounts it).
 * Anything else is 404; a request not received within the timeouts gets Node's 408.
 */
export async function startWebhookServer(options: { handler: ApiGatewayHandler; port?: number; host?: string; timeouts?: Partial<ServerTimeouts> }): Promise<RunningWebhookServer> {
  const route = createWebhookRoute(options.handler);
  // The keep-alive default (5 s) also keeps a burst of deliveries on warm connections.
  const server: Server = createServer(serverTimeoutOptions(options.timeouts), (req, res) => {
    route(req, res)
      .then((served) => {
        if (served) return;
        req.resume();
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'Not Found' }));
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'Internal Server Error' }));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
