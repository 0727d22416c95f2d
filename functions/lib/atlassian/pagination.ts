import { AtlassianError, ErrorNames } from '../errors.js';

/**
 * Async iteration over Atlassian's three cursor styles. Each endpoint module supplies how to fetch
 * a page for a cursor and how to read the next cursor from a page:
 * - v1 GET lists: `links.next` is a full URL; we take its `cursor` parameter (`cursorFromNextUrl`)
 *   and re-request our own URL, so the bearer key is never sent to a host the body names;
 * - search endpoints: `links.next` is a token sent back as `cursor` in the request body;
 * - last-active-dates and v2 GET lists: `links.next` is a token sent back as `?cursor=`.
 */

export interface PageReader<Page, Item> {
  /** Names the call in errors. */
  operation: string;
  fetchPage(cursor: string | undefined): Promise<Page>;
  items(page: Page): Iterable<Item>;
  nextCursor(page: Page): string | undefined;
}

/** Yields every page, following cursors to the end. Stops with an error if a cursor repeats. */
export async function* iteratePages<Page>(reader: Omit<PageReader<Page, unknown>, 'items'>, startCursor?: string): AsyncGenerator<Page> {
  const seen = new Set<string>();
  let cursor = startCursor;
  for (;;) {
    const page = await reader.fetchPage(cursor);
    yield page;
    const next = reader.nextCursor(page);
    if (next === undefined || next === '') return;
    if (seen.has(next)) {
      throw new AtlassianError(
        ErrorNames.UnexpectedResponse,
        `Atlassian Admin API call ${reader.operation} returned the same page cursor twice; stopping to avoid an endless loop. Retry later; if it persists, report it to Atlassian Support.`,
        { operation: reader.operation },
      );
    }
    seen.add(next);
    cursor = next;
  }
}

/** Yields every item of every page. */
export async function* iterateItems<Page, Item>(reader: PageReader<Page, Item>, startCursor?: string): AsyncGenerator<Item> {
  for await (const page of iteratePages(reader, startCursor)) yield* reader.items(page);
}

/** Collects an iterator into an array (for bounded lists such as a user's groups). */
export async function collect<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const all: Item[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Reads the `cursor` query parameter of a v1 `links.next` URL; `undefined` on the last page. */
export function cursorFromNextUrl(operation: string, next: string | undefined): string | undefined {
  if (next === undefined || next === '') return undefined;
  let url: URL;
  try {
    // Relative links are resolved against a dummy origin: only the query matters.
    url = new URL(next, 'https://placeholder.invalid');
  } catch {
    return throwBadLink(operation, next);
  }
  const cursor = url.searchParams.get('cursor');
  return cursor === null || cursor === '' ? throwBadLink(operation, next) : cursor;
}

function throwBadLink(operation: string, next: string): never {
  throw new AtlassianError(
    ErrorNames.UnexpectedResponse,
    `Atlassian Admin API call ${operation} returned a next-page link without a cursor ("${next.slice(0, 200)}"); cannot continue paging. Report it to Atlassian Support if it persists.`,
    { operation },
  );
}
