import { createSimulatorState, DEMO_GROUPS, demoIds } from '../../../../local/simulator/index.js';
import type { AuditInput } from '../../../../local/simulator/model/audit-input.js';

/** The demo org in-process with a recording audit sink and a frozen clock. */
export function demoState() {
  const events: AuditInput[] = [];
  const state = createSimulatorState({ now: '2026-11-01T12:00:00.000Z', timeScale: 0, createAudit: () => ({ record: (event) => void events.push(event) }) });
  const ids = demoIds();
  const group = (name: string) => state.findGroupByName(name)!;
  const user = (email: string) => state.findUserByEmail(email)!;
  return { state, events, ids, group, user, groups: DEMO_GROUPS };
}
