import type { EventPollQuery, EventQuery } from '../model/audit-log.js';
import { applicationError, type WireError } from '../http/wire-error.js';
import { queryList } from './respond.js';

/**
 * Turns the query string of the events endpoints into filters, answering bad values with the
 * 400 codes the spec documents for them (ADMIN-400-3 time, ADMIN-400-19 syntax, ADMIN-400-21 count).
 */
const MAX_FILTER_VALUES = 100;
const PRODUCTS = new Set(['bitbucket', 'confluence', 'guard_detect', 'jira', 'loom']);

export function parseEventQuery(query: URLSearchParams): EventQuery {
  const actors = queryList(query, 'actor');
  const ips = queryList(query, 'ip');
  const products = queryList(query, 'product');
  const locations = parseLocations(query.get('location'));
  const count = (actors?.length ?? 0) + (ips?.length ?? 0) + (products?.length ?? 0) + (locations?.length ?? 0);
  if (count > MAX_FILTER_VALUES) {
    throw applicationError(400, 'ADMIN-400-21', 'Too many query values', `Send at most ${MAX_FILTER_VALUES} actor/ip/product/location values in one query; got ${count}.`);
  }
  for (const product of products ?? []) {
    if (!PRODUCTS.has(product)) throw syntaxError(`product "${product}" is not one of ${[...PRODUCTS].join(', ')}.`);
  }
  const { from, to } = parseRange(query);
  return {
    ...optional('q', query.get('q') ?? undefined),
    ...optional('from', from),
    ...optional('to', to),
    ...optional('action', query.get('action') ?? undefined),
    ...optional('actors', actors),
    ...optional('ips', ips),
    ...optional('products', products),
    ...optional('locations', locations),
    limit: parseEventLimit(query.get('limit'), 30),
    ...optional('cursor', query.get('cursor') || undefined),
  };
}

export function parsePollQuery(query: URLSearchParams): EventPollQuery {
  const sortOrder = query.get('sortOrder');
  if (sortOrder !== null && sortOrder !== 'asc' && sortOrder !== 'desc') throw syntaxError(`sortOrder must be asc or desc; got "${sortOrder}".`);
  const { from, to } = parseRange(query);
  return {
    ...optional('from', from),
    ...optional('to', to),
    limit: parseEventLimit(query.get('limit'), 200),
    ...optional('cursor', query.get('cursor') || undefined),
    ...optional('sortOrder', (sortOrder ?? undefined) as EventPollQuery['sortOrder']),
  };
}

/** `from`/`to` are epoch milliseconds per the spec; ISO-8601 date-times are accepted too. */
function parseRange(query: URLSearchParams): { from?: number; to?: number } {
  const from = parseTime('from', query.get('from'));
  const to = parseTime('to', query.get('to'));
  if (from !== undefined && to !== undefined && from > to) {
    throw timeError(`from (${new Date(from).toISOString()}) is after to (${new Date(to).toISOString()}); swap them.`);
  }
  return { from, to };
}

function parseTime(name: string, raw: string | null): number | undefined {
  if (raw === null || raw === '') return undefined;
  const value = /^-?\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(value)) throw timeError(`${name} must be epoch milliseconds (e.g. 1767225600000) or an ISO-8601 date-time; got "${raw}".`);
  return value;
}

function parseEventLimit(raw: string | null, fallback: number): number {
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 500) throw syntaxError(`limit must be an integer from 1 to 500; got "${raw}".`);
  return value;
}

/** `location` is documented as a JSON array of `{city, countryName}`; a plain "City" works too. */
function parseLocations(raw: string | null): EventQuery['locations'] {
  if (raw === null || raw.trim() === '') return undefined;
  if (!raw.trim().startsWith('[')) return [{ city: raw.trim() }];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.every((entry) => entry && typeof entry === 'object')) {
      return parsed.map((entry: { city?: unknown; countryName?: unknown }) => ({
        ...(typeof entry.city === 'string' ? { city: entry.city } : {}),
        ...(typeof entry.countryName === 'string' ? { countryName: entry.countryName } : {}),
      }));
    }
  } catch {
    // reported below
  }
  throw syntaxError('location must be a JSON array like [{"city":"Austin","countryName":"United States"}].');
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function timeError(detail: string): WireError {
  return applicationError(400, 'ADMIN-400-3', 'Invalid time date', detail);
}

function syntaxError(detail: string): WireError {
  return applicationError(400, 'ADMIN-400-19', 'Invalid request syntax', detail);
}
