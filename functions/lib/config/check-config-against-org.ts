import type { OrgInventory, OrgWorkspace } from '../atlassian/directory/org-inventory.js';
import { groupKey } from './access-rules.js';
import type { JmlConfig } from './jml-config-schema.js';
import { emailKey } from '../email-address.js';

/**
 * Checks a valid config against the org it is meant for: every group the rules grant, every role
 * resource and every protected account must exist there. The schema cannot know this, and a
 * misspelt group would otherwise fail mid-run (`Atlassian.NotFound` after other changes were made).
 * Role names (`atlassian/admin`) are not checked: the API lists no roles per resource.
 */

/** One entry the org does not have; `path` names the config entry as the schema's messages do. */
export interface ConfigOrgProblem {
  path: string;
  message: string;
}

export interface ConfigOrgReport {
  problems: ConfigOrgProblem[];
  /** Distinct group names, distinct resources and protected-account entries checked. */
  checked: { groups: number; resources: number; protectedAccounts: number };
}

/** `accessRules[2].grant.groups[0]: group "finanse" does not exist in the org`. */
export const describeOrgProblem = (problem: ConfigOrgProblem) => `${problem.path}: ${problem.message}`;

/** Where a value is written in the config, and the value. */
interface Usage {
  path: string;
  value: string;
}

function groupUsages(config: JmlConfig): Usage[] {
  const granted = config.accessRules.flatMap((rule, ruleIndex) =>
    rule.grant.groups.map((group, groupIndex) => ({ path: `accessRules[${ruleIndex}].grant.groups[${groupIndex}]`, value: group })),
  );
  // A misspelt sweep exclusion would silently exclude nobody.
  const excluded = config.inactivity.exclude.groups.map((group, index) => ({ path: `inactivity.exclude.groups[${index}]`, value: group }));
  return [...granted, ...excluded];
}

/**
 * Resources as written: an alias is checked once where it is defined (`resources.jira`), a raw
 * ARI where a role names it. Aliases no rule uses are checked too: they are in the file.
 */
function resourceUsages(config: JmlConfig): Usage[] {
  const aliases = Object.entries(config.resources).map(([alias, value]) => ({ path: `resources.${alias}`, value }));
  const raw = config.accessRules.flatMap((rule, ruleIndex) =>
    rule.grant.roles.flatMap((role, roleIndex) =>
      !Object.hasOwn(config.resources, role.resource) ? [{ path: `accessRules[${ruleIndex}].grant.roles[${roleIndex}].resource`, value: role.resource }] : [],
    ),
  );
  return [...aliases, ...raw];
}

/** The values without repeats (by `key`), each as first written. */
function distinct(values: string[], key: (value: string) => string = (value) => value): string[] {
  const seen = new Map<string, string>();
  for (const value of values) if (!seen.has(key(value))) seen.set(key(value), value);
  return [...seen.values()];
}

/** `ari:cloud:jira-software::site/<id>` -> `<id>`; a value that is not an ARI is taken as the id itself. */
function workspaceIdOf(resource: string): string {
  const match = /^ari:cloud:[^:]*::[^/]+\/(.+)$/.exec(resource);
  return match ? match[1] : resource;
}

function describeWorkspaces(workspaces: OrgWorkspace[]): string {
  if (workspaces.length === 0) return 'the org has no workspaces this API key can see';
  const shown = workspaces.slice(0, 10).map((w) => `${w.name ?? w.hostUrl ?? 'unnamed'} (${w.typeKey ?? 'product unknown'}, id ${w.id})`);
  return `the org's workspaces: ${shown.join(', ')}${workspaces.length > shown.length ? `, and ${workspaces.length - shown.length} more` : ''}`;
}

/** Reports every group, resource and protected account of `config` that `org` does not have. */
export async function checkConfigAgainstOrg(config: JmlConfig, org: OrgInventory): Promise<ConfigOrgReport> {
  const problems: ConfigOrgProblem[] = [];

  const groups = groupUsages(config);
  const groupNames = distinct(groups.map((usage) => usage.value), groupKey);
  const existingGroups = new Set((await org.findGroupsByName(groupNames)).map((group) => groupKey(group.name)));
  for (const usage of groups) {
    if (!existingGroups.has(groupKey(usage.value))) {
      problems.push({ path: usage.path, message: `group "${usage.value}" does not exist in the org; create it in admin.atlassian.com or correct the name` });
    }
  }

  const resources = resourceUsages(config);
  const resourceIds = distinct(resources.map((usage) => usage.value));
  if (resources.length > 0) {
    const workspaces = await org.listWorkspaces();
    const ids = new Set(workspaces.map((workspace) => workspace.id));
    for (const usage of resources) {
      if (!ids.has(workspaceIdOf(usage.value)) && !ids.has(usage.value)) {
        problems.push({ path: usage.path, message: `workspace "${usage.value}" does not exist in the org (${describeWorkspaces(workspaces)})` });
      }
    }
  }

  const accounts = config.protectedAccounts;
  const emails = distinct(accounts.flatMap((account) => (account.email ? [account.email] : [])), emailKey);
  const accountIds = distinct(accounts.flatMap((account) => (account.accountId ? [account.accountId] : [])));
  const knownEmails = new Set((await org.findUsersByEmail(emails)).map((user) => emailKey(user.email)));
  const knownIds = new Set((await org.findUsersByAccountId(accountIds)).map((user) => user.accountId));
  accounts.forEach((account, index) => {
    if (account.email && !knownEmails.has(emailKey(account.email))) {
      problems.push({ path: `protectedAccounts[${index}].email`, message: `no user "${account.email}" in the org's directory; correct the address or remove the entry` });
    }
    if (account.accountId && !knownIds.has(account.accountId)) {
      problems.push({ path: `protectedAccounts[${index}].accountId`, message: `no user with account id "${account.accountId}" in the org's directory; correct the id or remove the entry` });
    }
  });

  return { problems, checked: { groups: groupNames.length, resources: resourceIds.length, protectedAccounts: accounts.length } };
}
