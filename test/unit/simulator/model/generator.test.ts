import { describe, expect, it } from 'vitest';
import {
  createSimulatorState, DEMO_GROUPS, DEMO_ORG_ADMIN_ACCOUNT_ID, DEMO_ORG_ADMIN_EMAIL, DEMO_ORG_ID, DEMO_SITES, demoIds,
} from '../../../../local/simulator/index.js';

const NOW = '2026-11-01T12:00:00.000Z';
const DAY = 86_400_000;

function snapshot(state: ReturnType<typeof createSimulatorState>) {
  return [...state.users.values()].map((user) => ({ ...user, platformRoles: [...user.platformRoles], groups: [...state.groupsOf(user.accountId)] }));
}

describe('org generator', () => {
  it('builds the same demo org for the same seed, with the exported well-known ids', () => {
    // Prepare / Act: a frozen clock, so both orgs are generated at exactly the same simulated time.
    const first = createSimulatorState({ now: NOW, timeScale: 0 });
    const second = createSimulatorState({ now: NOW, timeScale: 0 });

    // Assess
    expect(snapshot(first)).toEqual(snapshot(second));
    expect(first.orgId).toBe(DEMO_ORG_ID);
    expect(first.findUserByEmail(DEMO_ORG_ADMIN_EMAIL)?.accountId).toBe(DEMO_ORG_ADMIN_ACCOUNT_ID);
    expect(first.sites.map((site) => site.resourceId)).toEqual([DEMO_SITES.jira.resourceId, DEMO_SITES.confluence.resourceId]);
    expect(first.findGroupByName(DEMO_GROUPS.engineering)?.id).toBe(demoIds().groupId(DEMO_GROUPS.engineering));
  });

  it('gives another seed other ids', () => {
    // Prepare / Act
    const other = createSimulatorState({ seed: 'globex', now: NOW });

    // Assess
    expect(other.orgId).not.toBe(DEMO_ORG_ID);
    expect(other.findUserByEmail(DEMO_ORG_ADMIN_EMAIL)?.accountId).toBe(demoIds('globex').accountId(DEMO_ORG_ADMIN_EMAIL));
  });

  it('makes a readable demo org: departments, an org admin, suspended, inactive, synced users and protected groups', () => {
    // Prepare / Act
    const state = createSimulatorState({ now: NOW });
    const users = [...state.users.values()];
    const lastActive = (email: string) => Math.max(...state.findUserByEmail(email)!.activity.map((a) => a.lastActive.getTime()));

    // Assess
    expect(users.length).toBeGreaterThanOrEqual(20);
    expect(users.length).toBeLessThanOrEqual(30);
    expect(new Set(users.map((user) => user.department).filter(Boolean))).toEqual(new Set(['IT', 'Engineering', 'Sales', 'Support', 'Finance']));
    expect(state.findUserByEmail(DEMO_ORG_ADMIN_EMAIL)?.platformRoles.has('atlassian/org-admin')).toBe(true);
    expect(users.filter((user) => user.membershipStatus === 'suspended').length).toBeGreaterThanOrEqual(2);
    expect(users.filter((user) => user.managementSource === 'synced').length).toBeGreaterThanOrEqual(2);
    expect(Date.parse(NOW) - lastActive('dennis.ritchie@acme.example')).toBeGreaterThan(90 * DAY);
    expect(state.findUserByEmail('steve.queue@acme.example')?.activity).toEqual([]);
    expect(state.findGroupByName(DEMO_GROUPS.oktaAllStaff)?.synced).toBe(true);
    expect(state.findGroupByName(DEMO_GROUPS.orgAdmins)?.kind).toBe('admin');
    expect(state.findGroupByName(DEMO_GROUPS.jiraUsers)?.kind).toBe('default-access');
    // Per-product AND per-site activity: engineers use both sites.
    expect(new Set(state.findUserByEmail('ada.lovelace@acme.example')!.activity.map((a) => a.siteId))).toEqual(new Set([DEMO_SITES.jira.id, DEMO_SITES.confluence.id]));
  });

  it('generates large orgs with unique emails, the demo people first and a spread of last-active dates', () => {
    // Prepare / Act
    const state = createSimulatorState({ now: NOW, users: 20_000 });
    const users = [...state.users.values()];
    const daysIdle = users.filter((user) => user.activity.length).map((user) =>
      (Date.parse(NOW) - Math.max(...user.activity.map((a) => a.lastActive.getTime()))) / DAY);

    // Assess
    expect(users.length).toBe(20_000);
    expect(new Set(users.map((user) => user.email)).size).toBe(20_000);
    expect(state.findUserByEmail(DEMO_ORG_ADMIN_EMAIL)).toBeDefined();
    expect(daysIdle.filter((days) => days <= 30).length / users.length).toBeGreaterThan(0.4);
    expect(daysIdle.filter((days) => days > 90).length / users.length).toBeGreaterThan(0.1);
    expect(users.filter((user) => user.activity.length === 0).length).toBeGreaterThan(0);
    expect(users.filter((user) => user.membershipStatus === 'no_membership').length).toBeGreaterThan(0);
    expect(users.filter((user) => user.accountStatus !== 'active').length).toBeGreaterThan(0);
  });

  it('reports progress after every tenth of the users and at the end', () => {
    // Prepare
    const reports: string[] = [];

    // Act
    createSimulatorState({ now: NOW, timeScale: 0, users: 95, onProgress: (done, total) => void reports.push(`${done}/${total}`) });

    // Assess
    expect(reports).toEqual(['10/95', '20/95', '30/95', '40/95', '50/95', '60/95', '70/95', '80/95', '90/95', '95/95']);
  });
});
