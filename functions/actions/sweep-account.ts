import * as z from 'zod';
import { actionResult, type ActionResult } from '../lib/action-result.js';
import { sweepActionHandler, type SweepDeps } from '../lib/sweep/sweep-action.js';
import { JSON_TYPE, sweepFiles } from '../lib/sweep/sweep-files.js';
import { ReportPrefixSchema } from '../lib/sweep/sweep-inputs.js';
import { SweepTargetSchema } from '../lib/sweep/sweep-types.js';
import { getUserAccess } from './get-user-access.js';
import { removeFromGroup } from './remove-from-group.js';
import { suspendUser } from './suspend-user.js';

export const inputSchema = z.strictObject({ reportPrefix: ReportPrefixSchema, target: SweepTargetSchema });
export type SweepAccountInput = z.output<typeof inputSchema>;

/**
 * Acts on one confirmed account, idempotently:
 * - `reclaim`: removes it from the groups that grant the reclaimed products (one DELETE each; a
 *   group it already left is `already`), the account and its other access stay;
 * - `suspend`: the leaver's path: snapshot of groups and roles (getUserAccess, written to the
 *   report store beside the report), then suspendUser (already suspended: `already`). Atlassian
 *   keeps groups and roles of a suspended account, so a restore brings everything back.
 * The result is one record for the account: done when anything changed, else already.
 */
export async function sweepAccount({ reportPrefix, target }: SweepAccountInput, deps: Pick<SweepDeps, 'directory' | 'store' | 'logger'>): Promise<ActionResult & { accountId: string; email: string }> {
  const who = { accountId: target.accountId, email: target.email };
  const directory = await deps.directory();
  const context = { directory, logger: deps.logger };
  if (target.action === 'reclaim') {
    const results: ActionResult[] = [];
    for (const group of target.groups) {
      results.push(await removeFromGroup({ accountId: target.accountId, groupId: group.id, known: { name: group.name, synced: false } }, context));
    }
    const removed = results.filter((r) => r.outcome === 'done').map((r) => r.target.split(' -> ').at(-1));
    const outcome = removed.length > 0 ? 'done' : results.every((r) => r.outcome === 'already') ? 'already' : 'skipped';
    const names = removed.join(', ');
    // Short: up to MAX_ACTIONS_PER_RUN results travel in the state; the report has every group.
    const detail = removed.length > 0 ? `Removed from ${names.length > 100 ? `${removed.length} groups` : names}; the account stays active.` : results.map((r) => r.detail).join(' ').slice(0, 200);
    return { ...actionResult('reclaimLicence', target.accountId, outcome, detail), ...who };
  }
  const snapshot = await getUserAccess({ accountId: target.accountId, userKnown: true }, context);
  const store = await deps.store();
  const snapshotKey = sweepFiles.snapshot(reportPrefix, target.accountId);
  await store.put(snapshotKey, JSON.stringify({ ...snapshot, email: target.email, rule: target.rule }), JSON_TYPE);
  // The scan saw the membership active (and excluded everything else): no read before the suspend.
  const suspended = await suspendUser({ accountId: target.accountId, membershipStatus: 'active' }, context);
  return {
    ...suspended,
    ...who,
    detail: `${suspended.outcome === 'done' ? 'Suspended' : suspended.detail} Snapshot of ${snapshot.groups.length} group(s) and ${snapshot.roles.length} role(s): snapshots/${snapshotKey.split('/').at(-1)} beside the report.`,
  };
}

export const handler = sweepActionHandler('sweepAccount', inputSchema, (input, deps) => sweepAccount(input, deps));
