import type { RunStateView } from './run-state.js';

/** One step a dry run would take. */
export interface PlannedAction {
  action: string;
  target: string;
  detail: string;
}

/** What a real run of the same input would do, from the dry run's lookups (nothing changed). */
export function plannedActions(workflow: 'joiner' | 'mover' | 'leaver' | 'sweep', state: RunStateView): PlannedAction[] {
  // The sweep's plan is its report (summarizeSweep); it has no per-user plan here.
  if (workflow === 'sweep') return [];
  const user = state.lookup?.found ? state.lookup.user : undefined;
  const who = user?.accountId ?? state.request?.identifier ?? '(unknown)';
  const planned: PlannedAction[] = [];
  if (workflow === 'leaver' && user?.membershipStatus === 'no_membership') {
    return [{ action: 'removeUser', target: who, detail: 'already removed from the directory: nothing to do' }];
  }
  if (workflow === 'leaver') {
    planned.push({
      action: 'suspendUser',
      target: who,
      detail: user?.membershipStatus === 'suspended' ? 'already suspended' : 'suspend directory access',
    });
    for (const group of state.snapshot?.groups ?? []) {
      planned.push({
        action: 'removeFromGroup',
        target: `${who} -> ${group.name}`,
        detail: group.synced ? 'skipped: synced from the identity provider (remove the user there)' : 'remove membership',
      });
    }
    const days = state.request?.graceDays ?? 0;
    planned.push({ action: 'removeUser', target: who, detail: days > 0 ? `remove from the directory after ${days} day(s)` : 'remove from the directory right away' });
    return planned;
  }
  if (workflow === 'joiner') {
    const email = state.request?.identifier ?? '';
    if (!user || user.membershipStatus === 'no_membership') planned.push({ action: 'inviteUser', target: email, detail: 'send an invite' });
    else if (user.membershipStatus === 'suspended') planned.push({ action: 'restoreUser', target: who, detail: 'rehire: restore the suspended account' });
    else planned.push({ action: 'inviteUser', target: email, detail: 'already active in the directory: no invite' });
  }
  const plan = state.plan;
  if (!plan) return planned;
  for (const group of plan.add.groups) planned.push({ action: 'addToGroup', target: `${who} -> ${group}`, detail: 'add membership' });
  for (const role of plan.add.roles) planned.push({ action: 'grantRole', target: `${who} -> ${role.role} on ${role.resourceId}`, detail: 'grant role' });
  for (const group of plan.remove.groups) planned.push({ action: 'removeFromGroup', target: `${who} -> ${group}`, detail: 'remove membership (managed, no longer granted)' });
  for (const role of plan.remove.roles) planned.push({ action: 'revokeRole', target: `${who} -> ${role.role} on ${role.resourceId}`, detail: 'revoke role (managed, no longer granted)' });
  return planned;
}
