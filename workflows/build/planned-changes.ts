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

/** One group action (add or remove by name) for each group name in a planned list. */
export function eachPlannedGroup(action: 'addToGroup' | 'removeFromGroup', options: PlannedChangeOptions): AslState {
  return mapEach({
    comment: options.comment,
    itemsPath: options.itemsPath,
    itemSelector: { 'accountId.$': '$.plan.accountId', 'groupName.$': '$$.Map.Item.Value' },
    action,
    taskName: options.taskName,
    parameters: { 'accountId.$': '$.accountId', 'groupName.$': '$.groupName' },
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
