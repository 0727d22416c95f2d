import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ModelError } from '../model/model-error.js';
import type { SimulatorState } from '../model/simulator-state.js';
import type { FaultInjector } from './faults.js';
import { modelErrorToWire, type ErrorStyle } from './model-errors.js';
import { rateLimitHeaders, type RateLimiter } from './rate-limiter.js';
import { parseJsonBody, readBody } from './request-body.js';
import { refuseForeignRequest, refuseNonJsonBody, type Refusal } from './request-guard.js';
import type { HttpMethod, Route, SimResponse } from './route.js';
import { Router } from './router.js';
import { serverTimeoutOptions, type ServerTimeouts } from './server-timeouts.js';
import { WireError, applicationError, gatewayError } from './wire-error.js';

export interface SimulatorServerDeps {
  state: SimulatorState;
  routes: ReadonlyArray<Route<SimulatorState>>;
  /** The bearer token every `/admin` request must carry (read at each request, so it can change). */
  apiKey: () => string;
  rateLimiter: RateLimiter;
  faults: FaultInjector;
  /** Handles `/__control/...` (outside `/admin`, no auth: the server only listens on loopback). */
  control: (method: string, path: string, query: URLSearchParams, body: unknown) => Promise<SimResponse> | SimResponse;
  /** How long a client may take to send its request (defaults: headers 10 s, whole request 30 s, keep-alive 5 s). */
  timeouts?: Partial<ServerTimeouts>;
}

const ADMIN_PREFIX = '/admin';
const CONTROL_PREFIX = '/__control';

/**
 * The simulator's HTTP front: a path as request target, loopback Host/Origin check, faults, then
 * bearer-token check, rate limit, org/directory check, JSON body, then the route. Every error
 * leaves in one of Atlassian's body shapes. A request not received within the timeouts gets Node's 408.
 */
export function createSimulatorServer(deps: SimulatorServerDeps): Server {
  const router = new Router(deps.routes);
  let requestCounter = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    const query = new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1));
    const method = (req.method ?? 'GET').toUpperCase();
    const requestId = `sim-${(++requestCounter).toString(16).padStart(8, '0')}`;
    // The `Date` header carries the simulated time, so `X-RateLimit-Reset - Date` is the wait.
    res.setHeader('Date', deps.state.clock.now().toUTCString());
    if (!path.startsWith('/') || path.startsWith('//')) {
      // `//x`, `http://host/` (a proxy's absolute form) or `*`: no path of this API.
      req.resume();
      return send(res, render(gatewayError(400, `Bad request target ${JSON.stringify(url.slice(0, 100))}: send a path such as /admin/v1/orgs.`)), requestId);
    }

    const isControl = path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
    // Every route, not just /__control: the admin API is reachable from a browser too.
    const foreign = refuseForeignRequest(req);
    if (foreign) return send(res, refusal(foreign, isControl), requestId);

    if (isControl) {
      const raw = await readBody(req);
      const notJson = refuseNonJsonBody(req, raw);
      if (notJson) return send(res, refusal(notJson, true), requestId);
      const response = await deps.control(method, path.slice(CONTROL_PREFIX.length) || '/', query, parseJsonBody(raw, 'application'));
      return send(res, response, requestId);
    }
    if (!path.startsWith(`${ADMIN_PREFIX}/`)) {
      await readBody(req);
      return send(res, render(gatewayError(404, `No API at ${path}. The Admin API lives under ${ADMIN_PREFIX}/.`)), requestId);
    }
    const apiPath = path.slice(ADMIN_PREFIX.length);

    const match = router.match(method, apiPath);
    // Injected 429s advertise the limit of the bucket the request would have drawn from.
    const fault = deps.faults.decide(method, apiPath, deps.rateLimiter.limits[match?.route.rateLimit ?? 'default'] ?? undefined);
    if (fault.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault.drop) {
      req.socket.destroy();
      return;
    }
    const raw = await readBody(req);
    if (fault.respond) {
      // Atlassian sends X-RateLimit-* on every response: show the bucket as it stands (a fault does not count).
      const injected = render(fault.respond);
      const verdict = deps.rateLimiter.peek(match?.route.rateLimit ?? 'default', bucketOf(match?.route, req.headers.authorization, apiPath));
      return send(res, { ...injected, headers: { ...(verdict ? rateLimitHeaders(verdict) : {}), ...injected.headers } }, requestId);
    }

    if (req.headers.authorization !== `Bearer ${deps.apiKey()}`) {
      return send(res, render(gatewayError(401, 'Unauthorized: send the org API key as "Authorization: Bearer <key>".')), requestId);
    }
    if (!match) {
      const allowed = router.methodsFor(apiPath);
      const error = allowed.length
        ? applicationError(405, 'ADMIN-405-1', 'Method not supported', `${method} is not supported here; use ${allowed.join(', ')}.`)
        : applicationError(404, 'ADMIN-404-1', 'Unknown resource', `No endpoint ${method} ${apiPath}.`);
      return send(res, render(error), requestId);
    }
    const { route, params } = match;
    const style: ErrorStyle = route.errorStyle ?? 'application';
    const limitHeaders = rateLimit(route, req.headers.authorization, apiPath);
    try {
      if (limitHeaders instanceof WireError) throw limitHeaders;
      checkScope(params, style);
      const response = await route.handle(
        { method: method as HttpMethod, path: apiPath, params, query, body: parseJsonBody(raw, style), headers: req.headers,
          baseUrl: `http://${req.headers.host ?? '127.0.0.1'}${ADMIN_PREFIX}` },
        deps.state,
      );
      send(res, { ...response, headers: { ...limitHeaders, ...response.headers } }, requestId);
    } catch (error) {
      const wire = toWire(error, style);
      send(res, { ...render(wire), headers: { ...(limitHeaders instanceof WireError ? {} : limitHeaders), ...wire.headers } }, requestId);
    }
  }

  function rateLimit(route: Route<SimulatorState>, authorization: string, apiPath: string): Record<string, string> | WireError {
    const verdict = deps.rateLimiter.take(route.rateLimit ?? 'default', bucketOf(route, authorization, apiPath));
    if (!verdict) return {};
    const headers = rateLimitHeaders(verdict);
    if (verdict.allowed) return headers;
    const waitSimMs = verdict.resetAt.getTime() - deps.state.clock.nowMs();
    const retryAfter = Math.max(1, Math.ceil(deps.state.clock.toRealMs(waitSimMs) / 1000));
    return gatewayError(429, 'Too many requests. Wait until X-RateLimit-Reset and try again.', { ...headers, 'Retry-After': String(retryAfter) });
  }

  function checkScope(params: Record<string, string>, style: ErrorStyle): void {
    const state = deps.state;
    if (params.orgId !== undefined && params.orgId !== state.orgId) {
      throw modelErrorToWire(new ModelError('resourceNotFound', `No organization with id ${params.orgId} for this API key.`), style, {
        resourceNotFound: style === 'uam' ? { code: 'ADMIN-UAM-404-2', title: 'Organization not found' } : { code: 'ADMIN-404-2', title: 'Organization not found' },
      });
    }
    if (params.directoryId !== undefined && params.directoryId !== state.directoryId) {
      throw applicationError(404, 'ADMIN-404-1', 'Directory not found', `No directory with id ${params.directoryId}; list them with GET /v2/orgs/{orgId}/directories.`);
    }
  }

  return createServer(serverTimeoutOptions(deps.timeouts), (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) send(res, render(toWire(error, 'application')), 'sim-error');
    });
  });
}

/** Documented buckets: last-active-dates per org; events per user (API key) and per path; the rest per org. */
function bucketOf(route: Route<SimulatorState> | undefined, authorization: string | undefined, apiPath: string): string {
  const limitClass = route?.rateLimit ?? 'default';
  return limitClass === 'events' ? `events|${authorization}|${apiPath}` : limitClass;
}

function toWire(error: unknown, style: ErrorStyle): WireError {
  if (error instanceof WireError) return error;
  if (error instanceof ModelError) return modelErrorToWire(error, style);
  console.error('[simulator] unexpected error:', error);
  return applicationError(500, 'ADMIN-500-1', 'Internal error', 'The simulator hit an unexpected error; see its log.');
}

/** A refused request: `{ error }` like every control answer, the gateway shape elsewhere. */
function refusal({ status, message }: Refusal, isControl: boolean): SimResponse {
  return isControl ? { status, body: { error: message } } : render(gatewayError(status, message));
}

function render(error: WireError): SimResponse {
  return { status: error.status, body: error.body, headers: error.headers };
}

function send(res: ServerResponse, response: SimResponse, requestId: string): void {
  const payload = response.body === undefined ? undefined : JSON.stringify(response.body);
  const headers: Record<string, string | number> = { 'X-Request-Id': requestId, 'ATL-TraceId': requestId, ...response.headers };
  if (payload !== undefined) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    headers['Content-Length'] = Buffer.byteLength(payload);
  } else {
    headers['Content-Length'] = 0;
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}
