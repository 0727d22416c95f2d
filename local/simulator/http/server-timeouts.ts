import type { ServerOptions } from 'node:http';

// The simulators import nothing of the project (they are the other side of the wire), so the one copy
// lives here and the runtime and the webhook server (local/) import it; the HR simulator keeps its own.

/**
 * How long a client may take, so a slow or broken one cannot hold a connection forever (a body
 * shorter than its Content-Length, headers sent a byte at a time). Node answers 408 and closes.
 */
export interface ServerTimeouts {
  /** To receive the request line and every header. @default 10 s */
  headersMs: number;
  /** To receive the whole request, body included (4 MB at most on the runtime: well under a second on loopback). @default 30 s */
  requestMs: number;
  /** An idle keep-alive connection is closed after this. @default 5 s (Node's own default) */
  keepAliveMs: number;
}

export const DEFAULT_SERVER_TIMEOUTS: Readonly<ServerTimeouts> = Object.freeze({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 });

/**
 * The node:http server options for `timeouts` (defaults for the ones left out). Node checks the
 * deadlines every `connectionsCheckingInterval` (30 s by default, which would triple a 10 s limit):
 * here a quarter of the shortest one, at most a second.
 * @throws RangeError when a value is not a positive number of milliseconds or headers outlast the request.
 */
export function serverTimeoutOptions(timeouts: Partial<ServerTimeouts> = {}): ServerOptions {
  const { headersMs, requestMs, keepAliveMs } = { ...DEFAULT_SERVER_TIMEOUTS, ...timeouts };
  for (const [name, value] of Object.entries({ headersMs, requestMs, keepAliveMs })) {
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`server timeout ${name} must be a positive number of milliseconds, not ${value}`);
  }
  if (headersMs > requestMs) throw new RangeError(`server timeout headersMs (${headersMs}) must not exceed requestMs (${requestMs}): the headers are part of the request`);
  return {
    headersTimeout: headersMs,
    requestTimeout: requestMs,
    keepAliveTimeout: keepAliveMs,
    connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(headersMs / 4))),
  };
}
