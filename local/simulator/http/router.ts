import type { HttpMethod, Route } from './route.js';

interface CompiledRoute<State> {
  route: Route<State>;
  /** Literal segment text, or `null` for a `:param` segment. */
  literals: Array<string | null>;
  names: string[];
  /** More literal segments win: `/users/count` before `/users/:userId`. */
  specificity: number;
}

export interface RouteMatch<State> {
  route: Route<State>;
  params: Record<string, string>;
}

/**
 * Matches `METHOD /path` to a route in O(routes with that method and segment count). Paths are
 * relative to `/admin`; `:name` segments capture URI-decoded values.
 */
export class Router<State> {
  private readonly table = new Map<string, CompiledRoute<State>[]>();

  constructor(routes: ReadonlyArray<Route<State>>) {
    for (const route of routes) this.add(route);
  }

  private add(route: Route<State>): void {
    const segments = route.pattern.split('/').slice(1);
    const literals = segments.map((segment) => (segment.startsWith(':') ? null : segment));
    const names = segments.filter((segment) => segment.startsWith(':')).map((segment) => segment.slice(1));
    const key = `${route.method} ${segments.length}`;
    const bucket = this.table.get(key) ?? [];
    if (bucket.some((other) => other.route.pattern === route.pattern)) {
      throw new Error(`Two routes for ${route.method} ${route.pattern}: each method + pattern may be served once`);
    }
    bucket.push({ route, literals, names, specificity: literals.filter((literal) => literal !== null).length });
    bucket.sort((a, b) => b.specificity - a.specificity);
    this.table.set(key, bucket);
  }

  match(method: string, path: string): RouteMatch<State> | undefined {
    const segments = path.split('/').slice(1);
    const bucket = this.table.get(`${method} ${segments.length}`);
    if (!bucket) return undefined;
    outer: for (const candidate of bucket) {
      const values: string[] = [];
      for (let i = 0; i < segments.length; i++) {
        const literal = candidate.literals[i];
        if (literal === null) {
          if (segments[i] === '') continue outer;
          values.push(segments[i]);
        } else if (literal !== segments[i]) continue outer;
      }
      // No prototype: a route reading a param its pattern lacks gets undefined, never an inherited member.
      const params: Record<string, string> = Object.create(null) as Record<string, string>;
      for (let i = 0; i < values.length; i++) params[candidate.names[i]] = safeDecode(values[i]);
      return { route: candidate.route, params };
    }
    return undefined;
  }

  /** Whether any method serves this path (to answer 405 rather than 404). */
  methodsFor(path: string): HttpMethod[] {
    const methods: HttpMethod[] = [];
    for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const) if (this.match(method, path)) methods.push(method);
    return methods;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
