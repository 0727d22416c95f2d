import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request that went through the proxy: method and path without the query string. */
export interface CountedRequest {
  method: string;
  path: string;
}

export interface CountingProxy {
  /** The proxied API's base URL (same path as the target's, e.g. `http://127.0.0.1:N/admin`). */
  baseUrl: string;
  requests: CountedRequest[];
  /** `GET /admin/v2/...` lines with ids replaced by `{id}`, for readable assertions. */
  summary(): string[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of the simulator that records every request: the calls a workflow spends
 * out of the org's rate limit, counted on the wire rather than inferred.
 */
export async function startCountingProxy(targetBaseUrl: string): Promise<CountingProxy> {
  const target = new URL(targetBaseUrl);
  const requests: CountedRequest[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    requests.push({ method: incoming.method ?? 'GET', path: (incoming.url ?? '').split('?')[0] });
    const forwarded = request(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: target.host } },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${target.pathname.replace(/\/+$/, '')}`,
    requests,
    summary: () => requests.map((r) => `${r.method} ${r.path.replace(/\/(orgs|directories|users|groups)\/(?!search$)[^/]+/g, '/$1/{id}').replace(/\/memberships\/[^/]+/, '/memberships/{id}')}`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
