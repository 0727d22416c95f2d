import type { RoleAssignment } from '../atlassian/directory.js';
import type { AccessRule, JmlConfig } from './jml-config-schema.js';

/** The HR attributes the rules look at. */
export interface PersonAttributes {
  department?: string;
  jobTitle?: string;
  location?: string;
}

/** Groups (by name) and roles (resource ids resolved) that a set of rules grants. */
export interface AccessSet {
  groups: string[];
  roles: RoleAssignment[];
}

export interface DesiredAccess extends AccessSet {
  /** Ids of the rules that matched, in config order (for the audit record). */
  matchedRules: string[];
}

const norm = (value: string) => value.trim().toLowerCase();

/** Key used to compare group names: Atlassian treats names case-insensitively. */
export const groupKey = norm;

/** Key used to compare role assignments. */
export const roleKey = (role: RoleAssignment) => `${role.resourceId}\u0000${norm(role.role)}`;

/** An alias from `resources`, or the id itself. */
export function resolveResource(config: JmlConfig, resource: string): string {
  return Object.hasOwn(config.resources, resource) ? config.resources[resource] : resource;
}

function conditionHolds(expected: string | string[] | undefined, actual: string | undefined): boolean {
  if (expected === undefined) return true;
  if (actual === undefined) return false;
  const wanted = Array.isArray(expected) ? expected : [expected];
  return wanted.some((value) => norm(value) === norm(actual));
}

/** True when every condition the rule gives holds (a rule without conditions applies to everyone). */
export function ruleMatches(rule: AccessRule, person: PersonAttributes): boolean {
  return (
    conditionHolds(rule.when.department, person.department) &&
    conditionHolds(rule.when.jobTitle, person.jobTitle) &&
    conditionHolds(rule.when.location, person.location)
  );
}

function collect(config: JmlConfig, rules: readonly AccessRule[]): AccessSet {
  const groups = new Map<string, string>();
  const roles = new Map<string, RoleAssignment>();
  for (const rule of rules) {
    for (const group of rule.grant.groups) if (!groups.has(groupKey(group))) groups.set(groupKey(group), group);
    for (const grant of rule.grant.roles) {
      const role = { resourceId: resolveResource(config, grant.resource), role: grant.role };
      if (!roles.has(roleKey(role))) roles.set(roleKey(role), role);
    }
  }
  return {
    groups: [...groups.values()].sort((a, b) => a.localeCompare(b)),
    roles: [...roles.values()].sort((a, b) => roleKey(a).localeCompare(roleKey(b))),
  };
}

/** What a person with these attributes should have, according to the rules. */
export function desiredAccess(config: JmlConfig, person: PersonAttributes): DesiredAccess {
  const matched = config.accessRules.filter((rule) => ruleMatches(rule, person));
  return { ...collect(config, matched), matchedRules: matched.map((rule) => rule.id) };
}

/** The managed scope: everything any rule grants. Access outside it is never touched. */
export function managedScope(config: JmlConfig): AccessSet {
  return collect(config, config.accessRules);
}
