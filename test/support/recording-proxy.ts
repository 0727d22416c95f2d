import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request held at the proxy until the test lets it through. */
export interface HeldRequest {
  /** Resolves when a matching request has arrived (and is being held). */
  arrived: Promise<void>;
  /** Forwards it to the simulator. */
  release(): void;
  /** Resolves once the simulator's answer has been passed back to the caller. */
  completed: Promise<void>;
}

export interface RecordingProxy {
  /** Use as the runtime's API base URL: `http://127.0.0.1:N/admin`. */
  baseUrl: string;
  /** Every request forwarded, as `METHOD /path` (query string dropped), in arrival order. */
  requests: string[];
  /** The requests matching `method` and a path regex. */
  count(method: string, path?: RegExp): number;
  /** `requests` with ids replaced by `{id}` (`GET /admin/v2/orgs/{id}/...`), for readable assertions. */
  summary(): string[];
  /** Holds the next request whose `METHOD /path` matches, until released. */
  holdNext(match: RegExp): HeldRequest;
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of the simulator that records every call on the wire (the calls a workflow
 * spends out of the org's rate limit): a test counts the DELETEs a leaver makes, pins the calls a run
 * makes, or holds one call to stop the runtime in the middle of a Task.
 */
export async function startRecordingProxy(targetBaseUrl: string): Promise<RecordingProxy> {
  const target = new URL(targetBaseUrl);
  const requests: string[] = [];
  const holds: Array<{ match: RegExp; arrive: () => void; gate: Promise<void>; complete: () => void }> = [];
  const server: Server = createServer((req, res) => {
    const line = `${req.method} ${(req.url ?? '/').split('?')[0]}`;
    requests.push(line);
    const holdAt = holds.findIndex((hold) => hold.match.test(line));
    const gate = holdAt >= 0 ? holds.splice(holdAt, 1)[0] : undefined;
    gate?.arrive();
    void (gate?.gate ?? Promise.resolve()).then(() => {
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          if (gate) res.on('finish', gate.complete);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}${target.pathname.replace(/\/+$/, '')}`,
    requests,
    count: (method, path) => requests.filter((line) => line.startsWith(`${method} `) && (!path || path.test(line))).length,
    summary: () =>
      requests.map((line) => line.replace(/\/(orgs|directories|users|groups)\/(?!search$)[^/]+/g, '/$1/{id}').replace(/\/memberships\/[^/]+/, '/memberships/{id}')),
    holdNext(match) {
      let arrive!: () => void;
      let release!: () => void;
      let complete!: () => void;
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      const gate = new Promise<void>((resolve) => (release = resolve));
      const completed = new Promise<void>((resolve) => (complete = resolve));
      holds.push({ match, arrive, gate, complete });
      return { arrived, release, completed };
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
