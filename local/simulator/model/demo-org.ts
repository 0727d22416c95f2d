import { accountIdFor, groupIdFor, stableUuid } from './ids.js';
import type { GroupKind } from './types.js';

/**
 * The well-known names of the demo org. Everything here is derived from a seed, so example
 * configs, docs and tests can rely on it; the constants are for the default seed.
 */
export const DEFAULT_SEED = 'acme';
/** The bearer token the simulator accepts unless told otherwise. Not a secret: local use only. */
export const DEFAULT_API_KEY = 'sim-demo-api-key';
export const DEMO_ORG_NAME = 'Acme Corporation';
export const DEMO_DOMAIN = 'acme.example';
export const DEMO_ORG_ADMIN_EMAIL = `olivia.admin@${DEMO_DOMAIN}`;

/** Group names of the demo org. */
export const DEMO_GROUPS = {
  orgAdmins: 'org-admins',
  siteAdmins: 'site-admins',
  jiraUsers: 'jira-software-users',
  confluenceUsers: 'confluence-users',
  engineering: 'engineering',
  engineeringLeads: 'engineering-leads',
  sales: 'sales',
  support: 'support',
  finance: 'finance',
  /** Synced from the identity provider: its memberships cannot be changed through the API. */
  oktaAllStaff: 'okta-all-staff',
} as const;

export type DemoSiteKey = 'jira' | 'confluence';

export interface DemoGroupSpec {
  name: string;
  description: string;
  kind: GroupKind;
  synced?: boolean;
  /** Site roles the group grants. */
  roles: Array<{ site: DemoSiteKey; role: string }>;
}

export const DEMO_GROUP_SPECS: readonly DemoGroupSpec[] = [
  { name: DEMO_GROUPS.orgAdmins, description: 'Organization administrators', kind: 'admin',
    roles: [{ site: 'jira', role: 'atlassian/admin' }, { site: 'confluence', role: 'atlassian/admin' }] },
  { name: DEMO_GROUPS.siteAdmins, description: 'Site administrators', kind: 'admin',
    roles: [{ site: 'jira', role: 'atlassian/admin' }, { site: 'confluence', role: 'atlassian/admin' }] },
  { name: DEMO_GROUPS.jiraUsers, description: 'Default access to Jira', kind: 'default-access', roles: [{ site: 'jira', role: 'atlassian/user' }] },
  { name: DEMO_GROUPS.confluenceUsers, description: 'Default access to Confluence', kind: 'default-access',
    roles: [{ site: 'confluence', role: 'atlassian/user' }] },
  { name: DEMO_GROUPS.engineering, description: 'Engineering department', kind: 'regular',
    roles: [{ site: 'jira', role: 'atlassian/user' }, { site: 'confluence', role: 'atlassian/user' }] },
  { name: DEMO_GROUPS.engineeringLeads, description: 'Engineering leads', kind: 'regular', roles: [{ site: 'jira', role: 'atlassian/admin' }] },
  { name: DEMO_GROUPS.sales, description: 'Sales department', kind: 'regular', roles: [{ site: 'confluence', role: 'atlassian/user' }] },
  { name: DEMO_GROUPS.support, description: 'Support department', kind: 'regular', roles: [{ site: 'jira', role: 'atlassian/user' }] },
  { name: DEMO_GROUPS.finance, description: 'Finance department', kind: 'regular', roles: [{ site: 'confluence', role: 'atlassian/user' }] },
  { name: DEMO_GROUPS.oktaAllStaff, description: 'All staff (synced from Okta)', kind: 'regular', synced: true,
    roles: [{ site: 'confluence', role: 'atlassian/user' }] },
];

/** Groups each department's people are in (besides leads and IdP groups). */
export const DEPARTMENT_GROUPS: Readonly<Record<string, readonly string[]>> = {
  IT: [DEMO_GROUPS.jiraUsers, DEMO_GROUPS.confluenceUsers],
  Engineering: [DEMO_GROUPS.engineering, DEMO_GROUPS.jiraUsers, DEMO_GROUPS.confluenceUsers],
  Sales: [DEMO_GROUPS.sales, DEMO_GROUPS.confluenceUsers],
  Support: [DEMO_GROUPS.support, DEMO_GROUPS.jiraUsers, DEMO_GROUPS.confluenceUsers],
  Finance: [DEMO_GROUPS.finance, DEMO_GROUPS.confluenceUsers],
};

export interface DemoUserSpec {
  email: string;
  name: string;
  department?: string;
  jobTitle: string;
  location: string;
  /** Extra groups on top of the department's. */
  extraGroups?: string[];
  membership?: 'active' | 'suspended';
  /** The Atlassian account itself (default active); `inactive`/`closed` accounts are deactivated. */
  accountStatus?: 'active' | 'inactive' | 'closed';
  synced?: boolean;
  /** Days since last activity; `null` = never used a product. */
  lastActiveDaysAgo: number | null;
  platformRoles?: string[];
  directRoles?: Array<{ site: DemoSiteKey; role: string }>;
}

const d = DEMO_DOMAIN;
/** The people of the demo org: a few departments, leads, suspended, inactive and IdP-synced users. */
export const DEMO_USER_SPECS: readonly DemoUserSpec[] = [
  { email: DEMO_ORG_ADMIN_EMAIL, name: 'Olivia Admin', department: 'IT', jobTitle: 'IT Administrator', location: 'Sydney',
    extraGroups: [DEMO_GROUPS.orgAdmins, DEMO_GROUPS.siteAdmins], lastActiveDaysAgo: 1, platformRoles: ['atlassian/org-admin'] },
  { email: `ada.lovelace@${d}`, name: 'Ada Lovelace', department: 'Engineering', jobTitle: 'Engineering Manager', location: 'Amsterdam',
    extraGroups: [DEMO_GROUPS.engineeringLeads], lastActiveDaysAgo: 0 },
  { email: `grace.hopper@${d}`, name: 'Grace Hopper', department: 'Engineering', jobTitle: 'Staff Engineer', location: 'Austin',
    extraGroups: [DEMO_GROUPS.engineeringLeads], lastActiveDaysAgo: 2, directRoles: [{ site: 'jira', role: 'atlassian/admin' }] },
  { email: `alan.turing@${d}`, name: 'Alan Turing', department: 'Engineering', jobTitle: 'Senior Software Engineer', location: 'Amsterdam', lastActiveDaysAgo: 3 },
  { email: `linus.torvalds@${d}`, name: 'Linus Torvalds', department: 'Engineering', jobTitle: 'Software Engineer', location: 'Amsterdam',
    synced: true, lastActiveDaysAgo: 5 },
  { email: `margaret.hamilton@${d}`, name: 'Margaret Hamilton', department: 'Engineering', jobTitle: 'Software Engineer', location: 'Austin',
    synced: true, lastActiveDaysAgo: 12 },
  { email: `ken.thompson@${d}`, name: 'Ken Thompson', department: 'Engineering', jobTitle: 'Software Engineer', location: 'Austin',
    membership: 'suspended', lastActiveDaysAgo: 40 },
  { email: `dennis.ritchie@${d}`, name: 'Dennis Ritchie', department: 'Engineering', jobTitle: 'Software Engineer', location: 'Austin', lastActiveDaysAgo: 200 },
  { email: `barbara.liskov@${d}`, name: 'Barbara Liskov', department: 'Engineering', jobTitle: 'QA Engineer', location: 'Sydney', lastActiveDaysAgo: 8 },
  { email: `sally.sales@${d}`, name: 'Sally Sales', department: 'Sales', jobTitle: 'Sales Director', location: 'Austin', lastActiveDaysAgo: 1 },
  { email: `sam.seller@${d}`, name: 'Sam Seller', department: 'Sales', jobTitle: 'Account Executive', location: 'Austin', lastActiveDaysAgo: 4 },
  { email: `sara.quota@${d}`, name: 'Sara Quota', department: 'Sales', jobTitle: 'Account Executive', location: 'Sydney',
    membership: 'suspended', lastActiveDaysAgo: 65 },
  { email: `sven.deal@${d}`, name: 'Sven Deal', department: 'Sales', jobTitle: 'Sales Development Representative', location: 'Amsterdam', lastActiveDaysAgo: 120 },
  { email: `sofia.pipeline@${d}`, name: 'Sofia Pipeline', department: 'Sales', jobTitle: 'Account Executive', location: 'Amsterdam',
    synced: true, lastActiveDaysAgo: 6 },
  { email: `sid.ticket@${d}`, name: 'Sid Ticket', department: 'Support', jobTitle: 'Support Lead', location: 'Sydney', lastActiveDaysAgo: 0 },
  { email: `sue.helpdesk@${d}`, name: 'Sue Helpdesk', department: 'Support', jobTitle: 'Support Engineer', location: 'Sydney', lastActiveDaysAgo: 2 },
  { email: `stella.care@${d}`, name: 'Stella Care', department: 'Support', jobTitle: 'Support Engineer', location: 'Amsterdam',
    synced: true, lastActiveDaysAgo: 9 },
  { email: `steve.queue@${d}`, name: 'Steve Queue', department: 'Support', jobTitle: 'Support Engineer', location: 'Austin', lastActiveDaysAgo: null },
  { email: `fiona.ledger@${d}`, name: 'Fiona Ledger', department: 'Finance', jobTitle: 'Finance Manager', location: 'Sydney', lastActiveDaysAgo: 3 },
  { email: `frank.audit@${d}`, name: 'Frank Audit', department: 'Finance', jobTitle: 'Accountant', location: 'Sydney', lastActiveDaysAgo: 95 },
  { email: `felix.budget@${d}`, name: 'Felix Budget', department: 'Finance', jobTitle: 'Financial Analyst', location: 'Austin',
    membership: 'suspended', lastActiveDaysAgo: 30 },
  { email: `flora.invoice@${d}`, name: 'Flora Invoice', department: 'Finance', jobTitle: 'Accounts Payable Clerk', location: 'Amsterdam',
    synced: true, lastActiveDaysAgo: 15 },
  { email: 'victor.contractor@contractor.example', name: 'Victor Contractor', jobTitle: 'Contractor', location: 'Remote',
    extraGroups: [DEMO_GROUPS.jiraUsers], lastActiveDaysAgo: 60 },
];

/** Ids of the demo org generated from `seed` (all stable). */
export function demoIds(seed: string = DEFAULT_SEED) {
  const jiraId = stableUuid(seed, 'site:jira');
  const confluenceId = stableUuid(seed, 'site:confluence');
  return {
    orgId: stableUuid(seed, 'org'),
    directoryId: stableUuid(seed, 'directory'),
    sites: {
      jira: { id: jiraId, productKey: 'jira-software', productName: 'Jira', name: `${seed}-jira`,
        url: `https://${seed}.atlassian.net`, resourceId: `ari:cloud:jira-software::site/${jiraId}` },
      confluence: { id: confluenceId, productKey: 'confluence', productName: 'Confluence', name: `${seed}-confluence`,
        url: `https://${seed}.atlassian.net/wiki`, resourceId: `ari:cloud:confluence::site/${confluenceId}` },
    },
    groupId: (name: string) => groupIdFor(seed, name),
    accountId: (email: string) => accountIdFor(seed, email),
  };
}

const DEFAULT_IDS = demoIds(DEFAULT_SEED);
/** Org id of the demo org for the default seed. */
export const DEMO_ORG_ID = DEFAULT_IDS.orgId;
export const DEMO_DIRECTORY_ID = DEFAULT_IDS.directoryId;
/** The Jira and Confluence sites (workspaces) of the demo org for the default seed. */
export const DEMO_SITES = DEFAULT_IDS.sites;
export const DEMO_ORG_ADMIN_ACCOUNT_ID = DEFAULT_IDS.accountId(DEMO_ORG_ADMIN_EMAIL);
