import type { IncomingMessage } from 'node:http';

/** Why a request was turned away before routing. */
export interface Refusal {
  status: 403 | 415;
  message: string;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * The simulator has no auth on `/__control` and a well-known demo API key, so a web page must
 * not be able to reach it: refuses a Host that is not this loopback server (DNS rebinding: a
 * page on evil.example whose name now resolves to 127.0.0.1) and any Origin that is not the
 * simulator itself (a cross-origin `fetch` or form post from a browser). Local tools (curl,
 * newman, Node's fetch) send `Host: 127.0.0.1:<port>` and no Origin, so they pass.
 */
export function refuseForeignRequest(req: IncomingMessage): Refusal | undefined {
  const hosts = hostsOf(req);
  const host = req.headers.host?.toLowerCase();
  if (host === undefined || !hosts.has(host)) {
    const port = req.socket.localPort;
    return {
      status: 403,
      message: `Host "${req.headers.host ?? ''}" is refused: the simulator answers only to 127.0.0.1:${port}, localhost:${port} or [::1]:${port}.`,
    };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.has(hostOfOrigin(origin.toLowerCase()))) {
    return {
      status: 403,
      message: `Cross-origin requests are refused (Origin: ${origin}); call the simulator from a local tool, not from a web page.`,
    };
  }
  return undefined;
}

/** `/__control` takes JSON only: a browser can post `text/plain` cross-site without a preflight. */
export function refuseNonJsonBody(req: IncomingMessage, body: Buffer): Refusal | undefined {
  if (body.length === 0) return undefined;
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType === 'application/json') return undefined;
  return {
    status: 415,
    message: `Control requests with a body must send Content-Type: application/json (got ${mediaType ? `"${mediaType}"` : 'none'}).`,
  };
}

/** `name:port` for the loopback names and the address this connection arrived on (an IP literal, never a DNS name). */
function hostsOf(req: IncomingMessage): Set<string> {
  const port = req.socket.localPort;
  const local = (req.socket.localAddress ?? '').replace(/^::ffff:/, '');
  const names = [...LOOPBACK_NAMES, ...(local ? [local.includes(':') ? `[${local}]` : local] : [])];
  const hosts = new Set(names.map((name) => `${name}:${port}`));
  if (port === 80) for (const name of names) hosts.add(name);
  return hosts;
}

/** `http://127.0.0.1:4010` → `127.0.0.1:4010`; anything else (https, a path, `null`) matches no host. */
function hostOfOrigin(origin: string): string {
  const match = /^http:\/\/([^/]+)$/.exec(origin);
  return match ? match[1] : '';
}
