import { z } from 'zod';
import { UsageError } from '../read-input.js';

/** Where a state machine's executions not yet shown begin: a ListExecutions token (none: the newest) and how many of that page were shown. */
export interface MachineCursor {
  token?: string;
  skip: number;
}

/** What `jml executions` listed: the next page must list the same. */
export interface ListingQuery {
  workflows: readonly string[];
  status?: string;
}

/** The position of the next page: per state machine with executions left, its cursor (the others are done). */
export type ListingPosition = ReadonlyMap<string, MachineCursor>;

const TokenSchema = z.strictObject({
  v: z.literal(1),
  w: z.array(z.string()),
  s: z.string().optional(),
  m: z.array(z.strictObject({ n: z.string().min(1), t: z.string().min(1).optional(), k: z.number().int().min(0).max(1000) })).min(1),
});

/**
 * The `--next-token` of `jml executions`: one opaque text for the next page across all the listed
 * state machines (each has its own ListExecutions token), bound to the query that printed it.
 */
export function encodeListingToken(query: ListingQuery, position: ListingPosition): string {
  const machines = [...position].map(([name, cursor]) => ({ n: name, ...(cursor.token ? { t: cursor.token } : {}), k: cursor.skip }));
  return Buffer.from(JSON.stringify({ v: 1, w: query.workflows, ...(query.status ? { s: query.status } : {}), m: machines })).toString('base64url');
}

/** The position a `--next-token` continues at. @throws UsageError when it is not one, or was printed for other filters. */
export function decodeListingToken(token: string, query: ListingQuery): ListingPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = TokenSchema.safeParse(decoded);
  if (!parsed.success) throw new UsageError('--next-token is not a token that `jml executions` printed: pass the one it printed, whole');
  const { w, s, m } = parsed.data;
  if (w.join(',') !== query.workflows.join(',') || (s ?? '') !== (query.status ?? '')) {
    const flags = [w.length === 1 ? `--workflow ${w[0]}` : '', s ? `--status ${s}` : ''].filter(Boolean).join(' ');
    throw new UsageError(`this --next-token continues \`jml executions${flags ? ` ${flags}` : ''}\`: repeat the same --workflow and --status with it`);
  }
  return new Map(m.map((machine) => [machine.n, { ...(machine.t ? { token: machine.t } : {}), skip: machine.k }]));
}
