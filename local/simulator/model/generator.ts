import {
  DEFAULT_SEED, DEMO_DOMAIN, DEMO_GROUPS, DEMO_GROUP_SPECS, DEMO_USER_SPECS, DEPARTMENT_GROUPS, demoIds,
  type DemoSiteKey, type DemoUserSpec,
} from './demo-org.js';
import { Prng } from './prng.js';
import type { SimulatorState } from './simulator-state.js';
import type { SimSite, SimUser } from './types.js';

export interface GeneratorOptions {
  /** Same seed, same org (ids, names, dates relative to the clock). Default `acme`. */
  seed?: string;
  /**
   * Number of users. Default: the readable demo org (~23 people). Larger numbers keep the demo
   * people first and add synthetic ones with a realistic spread of last-active dates.
   */
  users?: number;
  /** Called after every tenth of the users (and the last one): large orgs take seconds to build. */
  onProgress?: (done: number, total: number) => void;
}

const DAY_MS = 86_400_000;
const FIRST = ['Alex', 'Sam', 'Jo', 'Priya', 'Chen', 'Maria', 'Omar', 'Lena', 'Kofi', 'Yuki', 'Noah', 'Ava', 'Ivan', 'Zoe', 'Ravi', 'Mia'];
const LAST = ['Smith', 'Garcia', 'Nguyen', 'Patel', 'Kim', 'Muller', 'Rossi', 'Silva', 'Haddad', 'Okafor', 'Tanaka', 'Novak', 'Berg', 'Lopez'];
const DEPARTMENTS = ['Engineering', 'Engineering', 'Engineering', 'Sales', 'Sales', 'Support', 'Support', 'Finance', 'IT'];
const TITLES: Record<string, string[]> = {
  Engineering: ['Software Engineer', 'Senior Software Engineer', 'QA Engineer', 'Engineering Manager'],
  Sales: ['Account Executive', 'Sales Development Representative', 'Sales Director'],
  Support: ['Support Engineer', 'Support Lead'],
  Finance: ['Accountant', 'Financial Analyst', 'Finance Manager'],
  IT: ['IT Administrator', 'IT Support Specialist'],
};
const LOCATIONS = ['Sydney', 'Austin', 'Amsterdam', 'Remote'];

/**
 * Fills an empty state with a deterministic org: two sites, the demo groups with their role
 * grants, the demo people and, when asked for more, synthetic people. Linear in the number of
 * users (100,000 users take well under a second or two).
 */
export function populateOrg(state: SimulatorState, options: GeneratorOptions = {}): void {
  const seed = options.seed ?? DEFAULT_SEED;
  const ids = demoIds(seed);
  const prng = new Prng(`${seed}:generator`);
  const now = state.clock.nowMs();
  const sites: Record<DemoSiteKey, SimSite> = { jira: { ...ids.sites.jira }, confluence: { ...ids.sites.confluence } };
  state.sites.push(sites.jira, sites.confluence);

  const siteGrantsOfGroup = new Map<string, DemoSiteKey[]>();
  const groupIds = new Map<string, string>();
  for (const spec of DEMO_GROUP_SPECS) {
    const id = ids.groupId(spec.name);
    groupIds.set(spec.name, id);
    state.putGroup({ id, name: spec.name, description: spec.description, synced: spec.synced ?? false, kind: spec.kind,
      createdAt: new Date(now - 1500 * DAY_MS) });
    for (const grant of spec.roles) state.grant('group', id, sites[grant.site].resourceId, grant.role);
    siteGrantsOfGroup.set(spec.name, spec.roles.map((grant) => grant.site));
  }

  const total = options.users ?? DEMO_USER_SPECS.length;
  const demoCount = Math.min(total, DEMO_USER_SPECS.length);
  const progressStep = Math.max(1, Math.ceil(total / 10));
  let done = 0;
  for (let i = 0; i < demoCount; i++) addPerson(DEMO_USER_SPECS[i]);
  for (let i = demoCount; i < total; i++) addPerson(syntheticPerson(prng, i), prng.chance(0.01));

  function addPerson(spec: DemoUserSpec, removed = false): void {
    const accountId = ids.accountId(spec.email);
    const groups = removed ? [] : groupsFor(spec);
    const usedSites = new Set<DemoSiteKey>(spec.directRoles?.map((grant) => grant.site));
    for (const name of groups) for (const site of siteGrantsOfGroup.get(name) ?? []) usedSites.add(site);
    const user: SimUser = {
      accountId,
      email: spec.email,
      name: spec.name,
      nickname: spec.email.split('@')[0],
      accountStatus: spec.accountStatus ?? 'active',
      membershipStatus: removed ? 'no_membership' : (spec.membership ?? 'active'),
      managementSource: spec.synced ? 'synced' : 'invited',
      claimStatus: spec.email.endsWith(`@${DEMO_DOMAIN}`) ? 'managed' : 'unmanaged',
      department: spec.department,
      jobTitle: spec.jobTitle,
      location: spec.location,
      timeZone: TIME_ZONES[spec.location] ?? 'UTC',
      platformRoles: new Set(removed ? [] : spec.platformRoles),
      addedToOrg: new Date(now - prng.int(30, 2000) * DAY_MS),
      emailVerified: true,
      mfaEnabled: prng.chance(0.7),
      activity: spec.lastActiveDaysAgo === null ? [] : [...usedSites].map((site, index) => ({
        siteId: sites[site].id,
        productKey: sites[site].productKey,
        // The first site is the one they used last; others a few days earlier.
        lastActive: new Date(now - (spec.lastActiveDaysAgo! + (index === 0 ? 0 : prng.int(0, 10))) * DAY_MS - prng.int(0, 86_399) * 1000),
      })),
    };
    state.putUser(user);
    for (const name of groups) state.link(groupIds.get(name)!, accountId);
    if (!removed) for (const grant of spec.directRoles ?? []) state.grant('user', accountId, sites[grant.site].resourceId, grant.role);
    done++;
    if (options.onProgress && (done % progressStep === 0 || done === total)) options.onProgress(done, total);
  }
}

function groupsFor(spec: DemoUserSpec): string[] {
  const groups = new Set<string>(DEPARTMENT_GROUPS[spec.department ?? ''] ?? []);
  for (const name of spec.extraGroups ?? []) groups.add(name);
  if (spec.synced) groups.add(DEMO_GROUPS.oktaAllStaff);
  return [...groups];
}

const TIME_ZONES: Record<string, string> = { Sydney: 'Australia/Sydney', Austin: 'America/Chicago', Amsterdam: 'Europe/Amsterdam' };

/** A synthetic employee; numbered emails keep them unique and readable. */
function syntheticPerson(prng: Prng, index: number): DemoUserSpec {
  const first = prng.pick(FIRST);
  const last = prng.pick(LAST);
  const department = prng.pick(DEPARTMENTS);
  const roll = prng.next();
  return {
    email: `${first}.${last}.${index}@${DEMO_DOMAIN}`.toLowerCase(),
    name: `${first} ${last}`,
    department,
    jobTitle: prng.pick(TITLES[department]),
    location: prng.pick(LOCATIONS),
    extraGroups: department === 'Engineering' && prng.chance(0.05) ? [DEMO_GROUPS.engineeringLeads] : [],
    membership: prng.chance(0.03) ? 'suspended' : 'active',
    accountStatus: prng.chance(0.005) ? 'inactive' : prng.chance(0.002) ? 'closed' : 'active',
    synced: prng.chance(0.2),
    // Most people were active this month; a long tail has not been for months, a few never.
    lastActiveDaysAgo: roll < 0.05 ? null : roll < 0.6 ? prng.int(0, 30) : roll < 0.8 ? prng.int(31, 90)
      : roll < 0.95 ? prng.int(91, 365) : prng.int(366, 1000),
  };
}
