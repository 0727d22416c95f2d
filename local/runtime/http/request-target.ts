const BASE = 'http://request-target.invalid';

/** A request target (the URL in `GET <target> HTTP/1.1`) in origin form, split. */
export interface RequestTarget {
  path: string;
  query: URLSearchParams;
}

/**
 * The path and query of an origin-form target (`/path?query`), or undefined for anything else, to
 * be answered 400: `//x` and `/\x` (read as a host by the URL parser), the absolute form
 * (`http://evil/`, which only a proxy takes), the asterisk form (`*`), and whatever the parser refuses.
 */
export function parseRequestTarget(target: string | undefined): RequestTarget | undefined {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return undefined;
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return undefined;
  }
  return url.origin === BASE ? { path: url.pathname, query: url.searchParams } : undefined;
}

/** The 400 body's words for a target that is not a path. */
export function badTargetMessage(target: string | undefined): string {
  return `The request target ${JSON.stringify((target ?? '').slice(0, 100))} is not a path: send a path such as /, /webhooks/<source> or /__control/clock.`;
}
