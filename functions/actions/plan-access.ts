import * as z from 'zod';
import type { RoleAssignment } from '../lib/atlassian/directory.js';
import { AtlassianError, ErrorNames, JmlError } from '../lib/errors.js';
import { desiredAccess, groupKey, managedScope, roleKey, type PersonAttributes } from '../lib/config/access-rules.js';
import { LookupShape, UserAccessShape } from '../lib/workflow-logic/directory-shapes.js';
import { logicActionHandler, type LogicDeps } from '../lib/workflow-logic/logic-action.js';

const attribute = z.string().trim().min(1).max(255).optional();

export const inputSchema = z.strictObject({
  /** Attributes from the workflow input; they win over the directory's values. */
  attributes: z.strictObject({ department: attribute, jobTitle: attribute, location: attribute }).default({}),
  /** findUser's output: the account to plan for and its directory attributes. */
  lookup: LookupShape.optional(),
  /** getUserAccess's output. Given (mover): adds are only what is missing and removes are planned. */
  current: UserAccessShape.optional(),
  /** Fail with Atlassian.NotFound when `lookup` found no account (a joiner right after its invite). */
  requireAccount: z.boolean().default(false),
  /** Plans that exceed the blast-radius limit are reported, not refused. */
  dryRun: z.boolean().default(false),
});
export type PlanAccessInput = z.output<typeof inputSchema>;

export interface AccessChange {
  groups: string[];
  roles: RoleAssignment[];
}

export interface AccessPlan {
  /** The account the plan is for; '' when none exists yet (a dry-run joiner). */
  accountId: string;
  attributes: PersonAttributes;
  matchedRules: string[];
  desired: AccessChange;
  add: AccessChange;
  remove: AccessChange;
  /** Desired access the user already holds (mover): reported as `already`, no call needed. */
  inPlace: AccessChange;
  /** Current access outside the managed scope: never touched, listed for the record. */
  unmanaged: AccessChange;
  /**
   * Mover: the snapshot's facts (id, name, IdP-synced) of each group in `remove.groups`, passed to
   * the removal actions so they need not read the group and the membership again.
   */
  removeMemberships?: Array<{ id: string; name: string; synced: boolean }>;
  warnings: string[];
}

/**
 * Desired access from the rules for the effective attributes, and (given the current access) the
 * changes within the managed scope: add what is missing, remove what the rules manage but no
 * longer grant. Access the rules do not manage is never planned for removal.
 * @throws JmlError `Jml.BlastRadiusExceeded` when a real run would remove more than `limits.maxRemovalsPerRun`.
 */
export async function planAccess(input: PlanAccessInput, { config }: LogicDeps): Promise<AccessPlan> {
  const user = input.lookup?.found ? input.lookup.user : undefined;
  if (input.requireAccount && !user) {
    throw new AtlassianError(
      ErrorNames.NotFound,
      'The account does not appear in the directory after the invite, so its groups and roles cannot be granted yet. ' +
        'Re-run the joiner once the invite shows in admin.atlassian.com (it will not invite twice).',
      { operation: 'planAccess' },
    );
  }
  const attributes: PersonAttributes = {
    ...pick(user ?? {}),
    ...pick(input.attributes),
  };
  const desired = desiredAccess(config, attributes);
  const plan: AccessPlan = {
    accountId: user?.accountId ?? input.current?.accountId ?? '',
    attributes,
    matchedRules: desired.matchedRules,
    desired: { groups: desired.groups, roles: desired.roles },
    add: { groups: desired.groups, roles: desired.roles },
    remove: { groups: [], roles: [] },
    inPlace: { groups: [], roles: [] },
    unmanaged: { groups: [], roles: [] },
    warnings: [],
  };
  if (!input.current) return plan;

  const managed = managedScope(config);
  const managedGroups = new Set(managed.groups.map(groupKey));
  const managedRoles = new Set(managed.roles.map(roleKey));
  const desiredGroups = new Set(desired.groups.map(groupKey));
  const desiredRoles = new Set(desired.roles.map(roleKey));
  const currentGroups = input.current.groups.map((group) => group.name);
  const currentRoles = input.current.roles.map((role) => ({ resourceId: role.resourceId, role: role.role }));
  const heldGroups = new Set(currentGroups.map(groupKey));
  const heldRoles = new Set(currentRoles.map(roleKey));

  plan.add = {
    groups: desired.groups.filter((group) => !heldGroups.has(groupKey(group))),
    roles: desired.roles.filter((role) => !heldRoles.has(roleKey(role))),
  };
  plan.inPlace = {
    groups: desired.groups.filter((group) => heldGroups.has(groupKey(group))),
    roles: desired.roles.filter((role) => heldRoles.has(roleKey(role))),
  };
  plan.remove = {
    groups: currentGroups.filter((group) => managedGroups.has(groupKey(group)) && !desiredGroups.has(groupKey(group))),
    roles: currentRoles.filter((role) => managedRoles.has(roleKey(role)) && !desiredRoles.has(roleKey(role))),
  };
  const removing = new Set(plan.remove.groups.map(groupKey));
  plan.removeMemberships = input.current.groups
    .filter((group) => removing.has(groupKey(group.name)))
    .map((group) => {
      // getUserAccess always gives ids; a snapshot without one cannot be trusted for a removal.
      if (!group.id) throw new JmlError(ErrorNames.InvalidInput, `The snapshot's group "${group.name}" has no id; run the mover again. Nothing was changed.`);
      return { id: group.id, name: group.name, synced: group.synced };
    });
  plan.unmanaged = {
    groups: currentGroups.filter((group) => !managedGroups.has(groupKey(group))),
    roles: currentRoles.filter((role) => !managedRoles.has(roleKey(role))),
  };

  const removals = plan.remove.groups.length + plan.remove.roles.length;
  const limit = config.limits.maxRemovalsPerRun;
  if (removals > limit) {
    const message =
      `The plan removes ${removals} groups and roles (${[...plan.remove.groups, ...plan.remove.roles.map((r) => r.role)].join(', ')}), ` +
      `more than limits.maxRemovalsPerRun (${limit}). Check the access rules and the attributes given; ` +
      'if the change is intended, raise the limit in the JML config.';
    if (!input.dryRun) throw new JmlError(ErrorNames.BlastRadiusExceeded, `${message} Nothing was changed.`);
    plan.warnings.push(`${message} A real run would stop here.`);
  }
  return plan;
}

function pick(source: { department?: string; jobTitle?: string; location?: string }): PersonAttributes {
  const out: PersonAttributes = {};
  if (source.department) out.department = source.department;
  if (source.jobTitle) out.jobTitle = source.jobTitle;
  if (source.location) out.location = source.location;
  return out;
}

export const handler = logicActionHandler('planAccess', inputSchema, planAccess);
