import { parseJmlConfig } from '../../../functions/lib/config/load-jml-config.js';
import { rootLogger } from '../../../functions/lib/observability.js';
import type { LogicDeps } from '../../../functions/lib/workflow-logic/logic-action.js';

/** A small config: a baseline, an Engineering rule with a role, a Sales rule. */
export const CONFIG = parseJmlConfig({
  resources: { jira: 'ari:cloud:jira-software::site/j' },
  accessRules: [
    { id: 'everyone', grant: { groups: ['staff'] } },
    { id: 'eng', when: { department: 'Engineering' }, grant: { groups: ['engineering'], roles: [{ resource: 'jira', role: 'atlassian/user' }] } },
    { id: 'sales', when: { department: 'Sales' }, grant: { groups: ['sales'] } },
  ],
  leaver: { graceDays: 14 },
  limits: { maxRemovalsPerRun: 2 },
});

export const NOW = new Date('2026-11-28T12:00:00Z');

export function deps(overrides: Partial<LogicDeps> = {}): LogicDeps {
  return { config: CONFIG, logger: rootLogger, now: () => NOW, ...overrides };
}

export const USER = {
  accountId: 'acc-1',
  email: 'jane@example.com',
  name: 'Jane Doe',
  membershipStatus: 'active' as const,
  department: 'Engineering',
  jobTitle: 'Engineer',
  platformRoles: [],
};

/** Expects `promise` to reject with an error named `name`; returns its message. */
export async function rejection(promise: Promise<unknown>, name: string): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: Error) => e,
  );
  if (!error) throw new Error(`expected a ${name} error`);
  if (error.name !== name) throw new Error(`expected ${name}, got ${error.name}: ${error.message}`);
  return error.message;
}
