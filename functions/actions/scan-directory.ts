import { handlerEnvironment, type HandlerEnvironment } from '../lib/handler-environment-scope.js';
import * as z from 'zod';
import { sweepActionHandler, type SweepDeps } from '../lib/sweep/sweep-action.js';
import { JSON_TYPE, sweepFiles } from '../lib/sweep/sweep-files.js';
import type { ScannedAccount } from '../lib/sweep/sweep-types.js';
import { ReportPrefixSchema } from '../lib/sweep/sweep-inputs.js';
import { readRecentGrants } from '../lib/sweep/read-recent-grants.js';

/** Where the scan stands: what the previous invocation returned (the first one starts from zero). */
export const ScanProgressSchema = z.strictObject({
  done: z.boolean(),
  /** users/search cursor of the next page; absent before the first page. */
  cursor: z.string().min(1).optional(),
  /** Number of the next part file (= parts written so far). */
  nextPart: z.number().int().min(0),
  pages: z.number().int().min(0),
  accounts: z.number().int().min(0),
});
export type ScanProgress = z.output<typeof ScanProgressSchema>;

export const inputSchema = z.strictObject({ reportPrefix: ReportPrefixSchema, progress: ScanProgressSchema });
export type ScanDirectoryInput = z.output<typeof inputSchema>;

/**
 * Scan limits of one invocation (environment, optional): `JML_SWEEP_SCAN_BUDGET_SECONDS` (default
 * 600: a Lambda may run 900), `JML_SWEEP_SCAN_MAX_PAGES` (default no cap), and pages per part file.
 */
const PAGES_PER_PART = 50;
function budgetOf(env: NodeJS.ProcessEnv) {
  const seconds = Number(env.JML_SWEEP_SCAN_BUDGET_SECONDS ?? 600);
  const maxPages = Number(env.JML_SWEEP_SCAN_MAX_PAGES ?? Infinity);
  return { budgetMs: (Number.isFinite(seconds) && seconds > 0 ? seconds : 600) * 1000, maxPages: maxPages > 0 ? maxPages : Infinity };
}

/**
 * Reads pages of `users/search` (100 accounts each, with productAccess, groups and platform roles)
 * until the directory ends or the invocation's time budget is spent, writing them to the report
 * store in part files, and returns the cursor to go on from. The first invocation also reads which
 * groups grant which products, and the access granted within `inactivity.newAccessGraceDays`
 * (the org's audit log: one paged query per grant action). Re-running an invocation with the same
 * progress rewrites the same parts: a retried or timed-out step is safe.
 */
export async function scanDirectory(
  { reportPrefix, progress }: ScanDirectoryInput,
  deps: Pick<SweepDeps, 'source' | 'store' | 'elapsedMs' | 'config' | 'now' | 'logger'>,
  env: HandlerEnvironment = handlerEnvironment(),
): Promise<ScanProgress> {
  if (progress.done) return progress;
  const [source, store] = await Promise.all([deps.source(), deps.store()]);
  if (progress.nextPart === 0 && progress.cursor === undefined) {
    await store.put(sweepFiles.access(reportPrefix), JSON.stringify(await source.accessMap()), JSON_TYPE);
    const grants = await readRecentGrants(source, deps.config().inactivity.newAccessGraceDays, deps.now(), deps.logger);
    await store.put(sweepFiles.grants(reportPrefix), JSON.stringify(grants), JSON_TYPE);
  }
  const { budgetMs, maxPages } = budgetOf(env);
  let { cursor, nextPart, pages, accounts } = progress;
  let buffer: ScannedAccount[] = [];
  let bufferedPages = 0;
  let pagesNow = 0;
  let done = false;
  const flush = async () => {
    if (bufferedPages === 0) return;
    await store.put(sweepFiles.scanPart(reportPrefix, nextPart), JSON.stringify(buffer), JSON_TYPE);
    nextPart += 1;
    buffer = [];
    bufferedPages = 0;
  };
  while (!done && pagesNow < maxPages && deps.elapsedMs() < budgetMs) {
    const page = await source.scanPage(cursor);
    buffer.push(...page.accounts);
    accounts += page.accounts.length;
    pages += 1;
    pagesNow += 1;
    bufferedPages += 1;
    cursor = page.nextCursor;
    done = cursor === undefined;
    if (bufferedPages >= PAGES_PER_PART) await flush();
  }
  await flush();
  return { done, ...(cursor ? { cursor } : {}), nextPart, pages, accounts };
}

export const handler = sweepActionHandler('scanDirectory', inputSchema, (input, deps) => scanDirectory(input, deps));
