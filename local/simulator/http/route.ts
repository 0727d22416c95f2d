import type { IncomingHttpHeaders } from 'node:http';

/**
 * The seam between the simulator's wire layer and its route modules. A route module exports an
 * array of `Route`s; the server matches method + path (relative to `/admin`), checks the bearer
 * token, applies rate limits and faults, parses the JSON body, then calls `handle`.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** Which rate-limit bucket a route draws from (see rate limiter). */
export type RateLimitClass = 'default' | 'lastActiveDates' | 'events';

export interface SimRequest {
  method: HttpMethod;
  /** Path relative to `/admin`, e.g. `/v1/orgs/abc/users`. */
  path: string;
  /** Values of the `:name` segments of the route pattern, URI-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (undefined when there was none). */
  body: unknown;
  headers: IncomingHttpHeaders;
  /** e.g. `http://127.0.0.1:4010/admin`: used to build v1 `links.next` full URLs. */
  baseUrl: string;
}

export interface SimResponse {
  status: number;
  /** Serialized as JSON when present; 202/204 responses usually have none. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route<State = unknown> {
  method: HttpMethod;
  /** Pattern relative to `/admin`, with `:param` segments, e.g. `/v1/orgs/:orgId/policies/:policyId`. */
  pattern: string;
  /** The OpenAPI path this route implements, e.g. `/v1/orgs/{orgId}/policies/{policyId}` (for contract tests). */
  openApiPath: string;
  rateLimit?: RateLimitClass;
  /**
   * Body shape of the errors the server itself raises for this route (unknown org, malformed
   * body): `application` `{errors:[{id,status,code,title,detail}]}` (default) or `uam`
   * `{errors:[{status,code,title,detail}]}` for the invite and role endpoints.
   */
  errorStyle?: 'application' | 'uam';
  handle(req: SimRequest, state: State): SimResponse | Promise<SimResponse>;
}
