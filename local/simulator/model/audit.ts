import { AuditLog } from './audit-log.js';
import { stableUuid } from './ids.js';
import type { SimulatorState } from './simulator-state.js';

/**
 * The audit log a new org starts with: the event log behind `GET /v1/orgs/{orgId}/events`, on
 * the simulator clock, with actor names from the directory and event ids that are stable for the
 * same sequence of changes.
 */
export function createAuditSink(state: SimulatorState): AuditLog {
  let counter = 0;
  return new AuditLog({
    now: () => state.clock.now(),
    resolveActor: (accountId) => {
      const user = state.getUser(accountId);
      return user ? { name: user.name, email: user.email } : undefined;
    },
    newId: () => stableUuid(state.orgId, `event:${counter++}`),
  });
}

/** The org's audit log, for the routes that read it. Throws when a test replaced it with a plain sink. */
export function auditLogOf(state: SimulatorState): AuditLog {
  if (!(state.audit instanceof AuditLog)) {
    throw new Error('This simulator was started with a custom audit sink (createAudit); the events endpoints need the AuditLog.');
  }
  return state.audit;
}
