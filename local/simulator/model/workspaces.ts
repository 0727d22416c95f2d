import { ModelError } from './model-error.js';
import { policiesOf } from './policies.js';
import type { SimulatorState } from './simulator-state.js';
import type { SimSite } from './types.js';

/**
 * Workspaces (`POST /v2/orgs/{orgId}/workspaces`): the org's product instances (the sites of the
 * directory model) with the query language, sorting and cursors the spec defines. A cursor
 * carries the whole query, because the spec forbids other properties beside it.
 */
export type WorkspaceQuery =
  | { and: WorkspaceQuery[] }
  | { nor: WorkspaceQuery[] }
  | { field: { name?: string; values?: string[] } }
  | { searchWorkspaces: string }
  | { features: string[] }
  | { policies: string[] };

export interface WorkspaceSort {
  field: string;
  order?: 'asc' | 'desc';
}

export interface WorkspaceSearch {
  query?: WorkspaceQuery | null;
  sort?: WorkspaceSort[] | null;
  limit: number;
}

export interface WorkspacePage {
  sites: SimSite[];
  total: number;
  startIndex: number;
  nextCursor?: string;
}

/** Features a workspace has, by product (the `features` filter and `relationships.features`). */
export function featuresOf(site: SimSite): string[] {
  const family = familyOf(site);
  if (family === 'jira') return ['sandbox', 'release-tracks', 'data-residency'];
  if (family === 'confluence') return ['release-tracks', 'data-residency'];
  return [];
}

/** Product family used as `attributes.type` (`jira-software` -> `jira`). */
export function familyOf(site: SimSite): string {
  return site.productKey.split('-')[0];
}

/** The values a query `field` or a `sort` field reads, by spec field name (a Map: the name comes from the request). */
const FIELDS: ReadonlyMap<string, (site: SimSite) => string> = new Map<string, (site: SimSite) => string>([
  ['id', (site) => site.id],
  ['attributes.name', (site) => site.name],
  ['attributes.type', familyOf],
  ['attributes.typeKey', (site) => site.productKey],
  ['attributes.hostUrl', (site) => site.url],
  ['attributes.status', () => 'online'],
]);

/** Runs a search: filter, sort, then one page from `offset`. */
export function searchWorkspaces(state: SimulatorState, search: WorkspaceSearch, offset = 0): WorkspacePage {
  const matches = compile(state, search.query ?? undefined);
  const sites = state.sites.filter(matches);
  for (const sort of [...(search.sort ?? [])].reverse()) {
    const read = fieldReader(sort.field);
    const sign = sort.order === 'desc' ? -1 : 1;
    sites.sort((a, b) => sign * read(a).localeCompare(read(b)));
  }
  const page = sites.slice(offset, offset + search.limit);
  const nextOffset = offset + page.length;
  return {
    sites: page,
    total: sites.length,
    startIndex: offset,
    ...(nextOffset < sites.length ? { nextCursor: encodeWorkspaceCursor(search, nextOffset) } : {}),
  };
}

export function encodeWorkspaceCursor(search: WorkspaceSearch, offset: number): string {
  return Buffer.from(JSON.stringify({ v: 1, search, offset }), 'utf8').toString('base64url');
}

/** The search and position a cursor continues; an `invalidCursor` error when it does not decode. */
export function decodeWorkspaceCursor(cursor: string): { search: WorkspaceSearch; offset: number } {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (decoded?.v === 1 && Number.isSafeInteger(decoded.offset) && decoded.offset >= 0
      && Number.isSafeInteger(decoded.search?.limit)) {
      return { search: decoded.search, offset: decoded.offset };
    }
  } catch {
    // fall through: not base64 JSON
  }
  throw new ModelError('invalidCursor', 'The cursor is invalid or has expired. Send the search again without a cursor.');
}

function fieldReader(name: string): (site: SimSite) => string {
  const read = FIELDS.get(name);
  if (!read) {
    throw new ModelError('invalidWorkspaceField', `Unknown workspace field "${name.slice(0, 100)}"; use one of ${[...FIELDS.keys()].join(', ')}.`);
  }
  return read;
}

function compile(state: SimulatorState, query: WorkspaceQuery | undefined): (site: SimSite) => boolean {
  if (!query) return () => true;
  if ('and' in query) {
    const parts = query.and.map((part) => compile(state, part));
    return (site) => parts.every((part) => part(site));
  }
  if ('nor' in query) {
    const parts = query.nor.map((part) => compile(state, part));
    return (site) => !parts.some((part) => part(site));
  }
  if ('field' in query) {
    if (!query.field.name || !query.field.values?.length) return () => true; // absent values: no-op
    const read = fieldReader(query.field.name);
    const values = new Set(query.field.values.map((value) => value.toLowerCase()));
    return (site) => values.has(read(site).toLowerCase());
  }
  if ('searchWorkspaces' in query) {
    const text = query.searchWorkspaces.toLowerCase();
    return (site) => site.name.toLowerCase().includes(text) || site.url.toLowerCase().includes(text);
  }
  if ('features' in query) {
    return (site) => query.features.every((feature) => featuresOf(site).includes(feature));
  }
  const store = policiesOf(state);
  return (site) => {
    const attached = new Set(store.policiesOn(site.id, site.resourceId).map((policy) => policy.id));
    return query.policies.every((policyId) => attached.has(policyId));
  };
}
