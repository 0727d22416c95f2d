import * as z from 'zod';
import { MAX_ACTIONS_PER_RUN } from '../lib/sweep/blast-radius.js';
import { decideAccount } from '../lib/sweep/decide-account.js';
import { RecentGrantsFileSchema } from '../lib/sweep/access-grants.js';
import { RecentAccess } from '../lib/sweep/recent-access.js';
import { sweepActionHandler, type SweepDeps } from '../lib/sweep/sweep-action.js';
import { JSON_TYPE, sweepFiles } from '../lib/sweep/sweep-files.js';
import { ReportPrefixSchema, StartedAtSchema } from '../lib/sweep/sweep-inputs.js';
import { readJson } from '../lib/sweep/read-json.js';
import { AccessMapSchema, ScannedAccountSchema, SweepTargetSchema, type AccountDecision, type SweepTarget } from '../lib/sweep/sweep-types.js';
import { targetOf } from './decide-inactivity.js';
import { AtlassianError, ErrorNames } from '../lib/errors.js';

export const inputSchema = z.strictObject({
  reportPrefix: ReportPrefixSchema,
  startedAt: StartedAtSchema,
  /** DecideInactivity's output; `toAct` is replaced by the confirmed list. */
  decision: z.looseObject({ toAct: z.array(SweepTargetSchema).max(MAX_ACTIONS_PER_RUN) }),
});
export type ConfirmInactivityInput = z.output<typeof inputSchema>;

/**
 * Asks last-active-dates (the authoritative source, paced to its 200 requests/min) about every
 * account about to be acted on, and decides again with those dates: an account used since the
 * scan is `spared` (or, when still inactive in some product, gets the smaller action). The confirmed
 * decisions (with the fresh dates) go to the report store; the state gets the confirmed list and the number spared.
 */
export async function confirmInactivity(input: ConfirmInactivityInput, deps: Pick<SweepDeps, 'source' | 'store' | 'config'>) {
  const [source, store] = await Promise.all([deps.source(), deps.store()]);
  const config = deps.config();
  const access = await readJson(store, sweepFiles.access(input.reportPrefix), AccessMapSchema);
  const candidates = new Map((await readJson(store, sweepFiles.candidates(input.reportPrefix), z.array(ScannedAccountSchema))).map((a) => [a.accountId, a]));
  const now = new Date(input.startedAt);
  const recentAccess = new RecentAccess(await readJson(store, sweepFiles.grants(input.reportPrefix), RecentGrantsFileSchema), access, now);
  const confirmed: SweepTarget[] = [];
  const changed: AccountDecision[] = [];
  for (const target of input.decision.toAct) {
    const scanned = candidates.get(target.accountId);
    if (!scanned) throw new Error(`No scan record for ${target.accountId} in ${store.locationOf(sweepFiles.candidates(input.reportPrefix))}: run the sweep again.`);
    const fresh = await source.lastActivity(target.accountId).catch((error: unknown) => {
      if (error instanceof AtlassianError && error.name === ErrorNames.NotFound) return undefined;
      throw error;
    });
    if (!fresh) {
      // Removed from the directory since the scan: nothing left to act on.
      changed.push({ ...decisionOf(scanned), decision: 'spared', reason: 'no longer in the directory (last-active-dates: user not found): left alone' });
      continue;
    }
    const account = { ...scanned, activity: fresh.activity, ...(fresh.addedToOrg ? { addedToOrg: fresh.addedToOrg } : {}) };
    const again = decideAccount(account, { config, access, recentAccess, now });
    if (again.decision === 'suspend' || again.decision === 'reclaim') {
      confirmed.push(...targetOf(again));
      changed.push(again);
    } else if (again.decision === 'spared') {
      // The same audit-log grants as the decisions: the confirmation's dates only moved what they spare.
      changed.push(again);
    } else {
      changed.push({ ...again, decision: 'spared', reason: `active again since the scan (last-active-dates): ${again.reason}; left alone` });
    }
  }
  await store.put(sweepFiles.confirmations(input.reportPrefix), JSON.stringify(changed), JSON_TYPE);
  const spared = changed.filter((entry) => entry.decision === 'spared').length;
  return { ...input.decision, toAct: confirmed, spared, confirmed: true };
}

/** The bare record of an account whose decision the confirmation replaces. */
function decisionOf(account: { accountId: string; email: string; name: string }): Pick<AccountDecision, 'accountId' | 'email' | 'name' | 'daysInactive' | 'products'> {
  return { accountId: account.accountId, email: account.email, name: account.name, daysInactive: null, products: [] };
}

export const handler = sweepActionHandler('confirmInactivity', inputSchema, (input, deps) => confirmInactivity(input, deps));
