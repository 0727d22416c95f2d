import { REFUSE_PROTECTED, USER_NOT_FOUND, lookUpUser, mapEach, prepareRequest, summaryAndFailurePath, task, type AslStates } from './asl-parts.js';

const snapshot = (next: string) =>
  task('getUserAccess', {
    comment: 'Current groups and roles.',
    parameters: { 'accountId.$': '$.lookup.user.accountId' },
    resultPath: '$.snapshot',
    next,
  });

const plan = (dryRun: boolean, next: string) =>
  task('planAccess', {
    comment: 'Desired access for the new attributes; adds and removes only within the managed scope.',
    parameters: { 'attributes.$': '$.request.attributes', 'lookup.$': '$.lookup', 'current.$': '$.snapshot', dryRun },
    resultPath: '$.plan',
    next,
  });

const groupMap = (action: 'addToGroup' | 'removeFromGroup', taskName: string, itemsPath: string, resultPath: string, next: string, comment: string) =>
  mapEach({
    comment,
    itemsPath,
    itemSelector: { 'accountId.$': '$.plan.accountId', 'groupName.$': '$$.Map.Item.Value' },
    action,
    taskName,
    parameters: { 'accountId.$': '$.accountId', 'groupName.$': '$.groupName' },
    failedTarget: "'{} -> {}', $.accountId, $.groupName",
    resultPath,
    next,
  });

const roleMap = (action: 'grantRole' | 'revokeRole', taskName: string, itemsPath: string, resultPath: string, next: string, comment: string) =>
  mapEach({
    comment,
    itemsPath,
    itemSelector: {
      'accountId.$': '$.plan.accountId',
      'resourceId.$': '$$.Map.Item.Value.resourceId',
      'role.$': '$$.Map.Item.Value.role',
    },
    action,
    taskName,
    parameters: { 'accountId.$': '$.accountId', 'resourceId.$': '$.resourceId', 'role.$': '$.role' },
    failedTarget: "'{} -> {} on {}', $.accountId, $.role, $.resourceId",
    resultPath,
    next,
  });

/**
 * Mover: resolve -> refuse protected -> [wait until effectiveAt] -> current access -> plan ->
 * (dry run: plan) -> add groups -> grant roles -> checkpoint -> remove groups -> revoke roles -> summary.
 */
export const moverDefinition = {
  Comment:
    'Mover: apply the access rules to the new attributes and change only the groups and roles the rules manage: ' +
    'adds first, removes only after every add succeeded. Protected accounts are refused; dry runs return the plan.',
  StartAt: 'PrepareRequest',
  States: {
    PrepareRequest: prepareRequest('mover', 'LookUpBy'),
    ...lookUpUser('CheckProtected'),
    CheckProtected: task('checkProtected', {
      comment: 'Org admins and configured accounts are protected.',
      parameters: { 'lookup.$': '$.lookup' },
      resultPath: '$.protection',
      next: 'Route',
    }),
    Route: {
      Type: 'Choice',
      Comment: 'One decision: unknown, protected, removed, dry run, wait for the effective time, or go.',
      Choices: [
        { Variable: '$.lookup.found', BooleanEquals: false, Next: 'UserNotFound' },
        { Variable: '$.protection.protected', BooleanEquals: true, Next: 'RefuseProtectedAccount' },
        { Variable: '$.lookup.user.membershipStatus', StringEquals: 'no_membership', Next: 'UserNotInDirectory' },
        { Variable: '$.request.dryRun', BooleanEquals: true, Next: 'SnapshotForPlan' },
        { Variable: '$.request.waitForEffectiveAt', BooleanEquals: true, Next: 'WaitUntilEffective' },
      ],
      Default: 'SnapshotAccess',
    },
    UserNotFound: USER_NOT_FOUND,
    RefuseProtectedAccount: REFUSE_PROTECTED,
    UserNotInDirectory: {
      Type: 'Fail',
      Comment: 'Nothing was changed.',
      Error: 'Atlassian.NotFound',
      Cause: 'The account has been removed from the directory, so its access cannot be moved. Run the joiner to bring the user back; nothing was changed.',
    },
    WaitUntilEffective: { Type: 'Wait', Comment: 'Until the move takes effect.', TimestampPath: '$.request.effectiveAt', Next: 'SnapshotAccess' },
    SnapshotForPlan: snapshot('PlanForDryRun'),
    PlanForDryRun: plan(true, 'Summarize'),
    SnapshotAccess: snapshot('PlanAccess'),
    PlanAccess: plan(false, 'AddToGroups'),
    AddToGroups: groupMap('addToGroup', 'AddToGroup', '$.plan.add.groups', '$.results.groupAdds', 'GrantRoles', 'Add the managed groups the new attributes give.'),
    GrantRoles: roleMap('grantRole', 'GrantRole', '$.plan.add.roles', '$.results.roleGrants', 'VerifyAdds', 'Grant the managed roles the new attributes give.'),
    VerifyAdds: task('verifyResults', {
      comment: 'Remove old access only once the new access is in place.',
      parameters: { 'results.$': '$.results' },
      resultPath: null,
      next: 'RemoveFromGroups',
    }),
    RemoveFromGroups: groupMap('removeFromGroup', 'RemoveFromGroup', '$.plan.remove.groups', '$.results.groupRemovals', 'RevokeRoles', 'Remove managed groups the rules no longer give (unmanaged groups are never touched).'),
    RevokeRoles: roleMap('revokeRole', 'RevokeRole', '$.plan.remove.roles', '$.results.roleRevokes', 'Summarize', 'Revoke managed roles the rules no longer give.'),
    ...summaryAndFailurePath('mover'),
  } satisfies AslStates,
};
