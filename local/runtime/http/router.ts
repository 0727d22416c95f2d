import type { IncomingHttpHeaders } from 'node:http';

/** A request as routes see it: the body is read in full (and bounded) before the route runs. */
export interface RuntimeRequest {
  method: string;
  path: string;
  /** Values of the pattern's `:name` segments, URL-decoded (an object without a prototype: only the pattern's names are in it). */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The raw bytes (webhook signatures are computed over these). */
  body: Buffer;
}

export interface RuntimeResponse {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON unless it is a Buffer or a string (sent as is). */
  body?: unknown;
}

export type RouteHandler = (request: RuntimeRequest) => RuntimeResponse | Promise<RuntimeResponse>;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

export type RouteMatch = { handler: RouteHandler; params: Record<string, string> };

/**
 * The runtime's routes: the Step Functions API at `POST /`, the clock control, and whatever is
 * mounted later (an HR webhook at `POST /webhooks/:source`, ...). Patterns are literal segments
 * and `:name` parameters; the first registered match wins.
 */
export class Router {
  private readonly routes: Route[] = [];

  /** Registers a route, e.g. `router.add('POST', '/webhooks/:source', handler)`. */
  add(method: string, pattern: string, handler: RouteHandler): this {
    if (!pattern.startsWith('/')) throw new Error(`a route pattern starts with /, not ${JSON.stringify(pattern)}`);
    this.routes.push({ method: method.toUpperCase(), segments: splitPath(pattern), handler });
    return this;
  }

  match(method: string, path: string): RouteMatch | undefined {
    const segments = splitPath(path);
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const params = matchSegments(route.segments, segments);
      if (params) return { handler: route.handler, params };
    }
    return undefined;
  }

  /** Methods that some route serves at this path (for a 405's `Allow`). */
  methodsAt(path: string): string[] {
    const segments = splitPath(path);
    return [...new Set(this.routes.filter((route) => matchSegments(route.segments, segments)).map((route) => route.method))];
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index] as string;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
      } catch {
        return undefined;
      }
    } else if (part !== segment) {
      return undefined;
    }
  }
  return params;
}
