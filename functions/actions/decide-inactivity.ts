import * as z from 'zod';
import { blastRadiusMessage, sweepLimitVerdict, type SweepLimitVerdict } from '../lib/sweep/blast-radius.js';
import { decideAccount } from '../lib/sweep/decide-account.js';
import { RecentGrantsFileSchema } from '../lib/sweep/access-grants.js';
import { RecentAccess } from '../lib/sweep/recent-access.js';
import { sweepActionHandler, type SweepDeps } from '../lib/sweep/sweep-action.js';
import { JSON_TYPE, sweepFiles } from '../lib/sweep/sweep-files.js';
import { ReportPrefixSchema, StartedAtSchema } from '../lib/sweep/sweep-inputs.js';
import { readJson } from '../lib/sweep/read-json.js';
import { AccessMapSchema, ScannedAccountSchema, countDecisions, type AccountDecision, type DecisionCounts, type ScannedAccount, type SweepTarget } from '../lib/sweep/sweep-types.js';

export const inputSchema = z.strictObject({
  reportPrefix: ReportPrefixSchema,
  startedAt: StartedAtSchema,
  /** Part files the scan wrote. */
  parts: z.number().int().min(0),
  overrideLimits: z.boolean(),
});
export type DecideInactivityInput = z.output<typeof inputSchema>;

/** What the state keeps of the decisions: counts, the limit check and the bounded list to act on. */
export interface SweepDecisionSummary {
  accounts: number;
  counts: DecisionCounts;
  /** Accounts due for an action (suspend + reclaim). */
  due: number;
  limit: SweepLimitVerdict;
  blocked: boolean;
  /** Set when blocked: what happened and how to proceed. */
  message: string;
  /** The accounts to act on (empty when blocked). */
  toAct: SweepTarget[];
}

/**
 * Decides every scanned account (`decideAccount`, a pure function of the account, the config, the
 * access map, the access granted recently (the audit log's `grants.json`) and the run's start time),
 * writes every decision to the report store, and checks the blast radius. The candidates' scan records are kept for the confirmation step.
 */
export async function decideInactivity(input: DecideInactivityInput, deps: Pick<SweepDeps, 'store' | 'config'>): Promise<SweepDecisionSummary> {
  const store = await deps.store();
  const config = deps.config();
  const access = await readJson(store, sweepFiles.access(input.reportPrefix), AccessMapSchema);
  const now = new Date(input.startedAt);
  const recentAccess = new RecentAccess(await readJson(store, sweepFiles.grants(input.reportPrefix), RecentGrantsFileSchema), access, now);
  const decisions: AccountDecision[] = [];
  const candidates: ScannedAccount[] = [];
  let orgSize = 0;
  for (let part = 0; part < input.parts; part++) {
    for (const account of await readJson(store, sweepFiles.scanPart(input.reportPrefix, part), z.array(ScannedAccountSchema))) {
      if (account.accountType === 'atlassian' && account.membershipStatus === 'active' && account.accountStatus === 'active') orgSize += 1;
      const decision = decideAccount(account, { config, access, recentAccess, now });
      decisions.push(decision);
      if (decision.decision === 'suspend' || decision.decision === 'reclaim') candidates.push(account);
    }
  }
  const counts = countDecisions(decisions);
  const due = counts.suspend + counts.reclaim;
  const limit = sweepLimitVerdict(config.limits.maxSweepActions, orgSize, due, input.overrideLimits);
  await store.put(sweepFiles.decisions(input.reportPrefix), JSON.stringify(decisions), JSON_TYPE);
  if (!limit.blocked) await store.put(sweepFiles.candidates(input.reportPrefix), JSON.stringify(candidates), JSON_TYPE);
  const toAct = limit.blocked ? [] : decisions.flatMap(targetOf);
  return {
    accounts: decisions.length,
    counts,
    due,
    limit,
    blocked: limit.blocked,
    message: limit.blocked ? blastRadiusMessage(limit, store.locationOf(sweepFiles.html(input.reportPrefix))) : '',
    toAct,
  };
}

/** The small record of an account to act on, as the Map receives it. */
export function targetOf(decision: AccountDecision): SweepTarget[] {
  if (decision.decision !== 'suspend' && decision.decision !== 'reclaim') return [];
  return [{ accountId: decision.accountId, email: decision.email, action: decision.decision, rule: decision.rule ?? '', groups: decision.reclaim?.groups ?? [] }];
}

export const handler = sweepActionHandler('decideInactivity', inputSchema, (input, deps) => decideInactivity(input, deps));
