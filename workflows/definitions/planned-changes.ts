import { mapEach, type AslState } from './asl-parts.js';

/**
 * The Maps that carry out a planAccess plan (joiner and mover): one directory action per planned
 * group or role, so both workflows record items and failed targets the same way.
 */

export interface PlannedChangeOptions {
  comment: string;
  /** The state name of the Task inside the Map. */
  taskName: string;
  /** A list in `$.plan` (from planAccess), e.g. `$.plan.add.groups`. */
  itemsPath: string;
  resultPath: string;
  next: string;
}

/**
 * One add-to-group for each group name in a planned list. `fromSnapshot`: the plan was computed
 * from the user's current groups (mover), so the action skips its membership read.
 */
export function eachPlannedGroupAdd(options: PlannedChangeOptions & { fromSnapshot: boolean }): AslState {
  return mapEach({
    comment: options.comment,
    itemsPath: options.itemsPath,
    itemSelector: { 'accountId.$': '$.plan.accountId', 'groupName.$': '$$.Map.Item.Value' },
    action: 'addToGroup',
    taskName: options.taskName,
    parameters: { 'accountId.$': '$.accountId', 'groupName.$': '$.groupName', ...(options.fromSnapshot ? { knownNotMember: true } : {}) },
    failedTarget: "'{} -> {}', $.accountId, $.groupName",
    resultPath: options.resultPath,
    next: options.next,
  });
}

/**
 * One membership removal for each `{ id, name, synced }` the snapshot holds (leaver: every group;
 * mover: the plan's `removeMemberships`). The action trusts these facts: one DELETE per group.
 */
export function eachKnownMembershipRemoval(options: PlannedChangeOptions & { accountIdPath: string }): AslState {
  return mapEach({
    comment: options.comment,
    itemsPath: options.itemsPath,
    itemSelector: {
      'accountId.$': options.accountIdPath,
      'groupId.$': '$$.Map.Item.Value.id',
      'groupName.$': '$$.Map.Item.Value.name',
      'known.$': '$$.Map.Item.Value',
    },
    action: 'removeFromGroup',
    taskName: options.taskName,
    parameters: { 'accountId.$': '$.accountId', 'groupId.$': '$.groupId', 'known': { 'name.$': '$.known.name', 'synced.$': '$.known.synced' } },
    failedTarget: "'{} -> {}', $.accountId, $.groupName",
    resultPath: options.resultPath,
    next: options.next,
  });
}

/** One role action (grant or revoke) for each `{ resourceId, role }` in a planned list. */
export function eachPlannedRole(action: 'grantRole' | 'revokeRole', options: PlannedChangeOptions): AslState {
  return mapEach({
    comment: options.comment,
    itemsPath: options.itemsPath,
    itemSelector: {
      'accountId.$': '$.plan.accountId',
      'resourceId.$': '$$.Map.Item.Value.resourceId',
      'role.$': '$$.Map.Item.Value.role',
    },
    action,
    taskName: options.taskName,
    parameters: { 'accountId.$': '$.accountId', 'resourceId.$': '$.resourceId', 'role.$': '$.role' },
    failedTarget: "'{} -> {} on {}', $.accountId, $.role, $.resourceId",
    resultPath: options.resultPath,
    next: options.next,
  });
}
