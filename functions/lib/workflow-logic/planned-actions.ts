import type { RunStateView } from './run-state.js';

/** One step a dry run would take. */
export interface PlannedAction {
  action: string;
  target: string;
  detail: string;
  /** The outcome a real run would report: `done` changes something, `already` and `skipped` do not. */
  expectedOutcome: 'done' | 'already' | 'skipped';
}

/** How many planned steps would change something, and how many would not (the dry run's message). */
export function countPlanned(planned: readonly PlannedAction[]): Record<PlannedAction['expectedOutcome'], number> {
  const counts = { done: 0, already: 0, skipped: 0 };
  for (const step of planned) counts[step.expectedOutcome] += 1;
  return counts;
}

function subject(state: RunStateView) {
  const user = state.lookup?.found ? state.lookup.user : undefined;
  return { user, who: user?.accountId ?? state.request?.identifier ?? '(unknown)' };
}

/** What a real leaver of the same input would do, from the dry run's lookups (nothing changed). */
export function plannedLeaverActions(state: RunStateView): PlannedAction[] {
  const { user, who } = subject(state);
  if (user?.membershipStatus === 'no_membership') {
    return [{ action: 'removeUser', target: who, detail: 'already removed from the directory: nothing to do', expectedOutcome: 'already' }];
  }
  const suspended = user?.membershipStatus === 'suspended';
  const planned: PlannedAction[] = [
    { action: 'suspendUser', target: who, detail: suspended ? 'already suspended' : 'suspend directory access', expectedOutcome: suspended ? 'already' : 'done' },
  ];
  for (const group of state.snapshot?.groups ?? []) {
    planned.push({
      action: 'removeFromGroup',
      target: `${who} -> ${group.name}`,
      detail: group.synced ? 'skipped: synced from the identity provider (remove the user there)' : 'remove membership',
      expectedOutcome: group.synced ? 'skipped' : 'done',
    });
  }
  const days = state.request?.graceDays ?? 0;
  planned.push({
    action: 'removeUser',
    target: who,
    detail: days > 0 ? `remove from the directory after ${days} day(s)` : 'remove from the directory right away',
    expectedOutcome: 'done',
  });
  return planned;
}

/** What a real joiner or mover would do: the account step (joiner), then the access plan's changes. */
export function plannedAccessActions(workflow: 'joiner' | 'mover', state: RunStateView): PlannedAction[] {
  const { user, who } = subject(state);
  const planned: PlannedAction[] = [];
  if (workflow === 'joiner') {
    const email = state.request?.identifier ?? '';
    if (!user || user.membershipStatus === 'no_membership') planned.push({ action: 'inviteUser', target: email, detail: 'send an invite', expectedOutcome: 'done' });
    else if (user.membershipStatus === 'suspended') planned.push({ action: 'restoreUser', target: who, detail: 'rehire: restore the suspended account', expectedOutcome: 'done' });
    else planned.push({ action: 'inviteUser', target: email, detail: 'already active in the directory: no invite', expectedOutcome: 'already' });
  }
  const plan = state.plan;
  if (!plan) return planned;
  for (const group of plan.add.groups) planned.push({ action: 'addToGroup', target: `${who} -> ${group}`, detail: 'add membership', expectedOutcome: 'done' });
  for (const role of plan.add.roles) planned.push({ action: 'grantRole', target: `${who} -> ${role.role} on ${role.resourceId}`, detail: 'grant role', expectedOutcome: 'done' });
  for (const group of plan.remove.groups) planned.push({ action: 'removeFromGroup', target: `${who} -> ${group}`, detail: 'remove membership (managed, no longer granted)', expectedOutcome: 'done' });
  for (const role of plan.remove.roles) planned.push({ action: 'revokeRole', target: `${who} -> ${role.role} on ${role.resourceId}`, detail: 'revoke role (managed, no longer granted)', expectedOutcome: 'done' });
  return planned;
}
