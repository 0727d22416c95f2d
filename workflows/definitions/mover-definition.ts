import {
  REFUSE_PROTECTED,
  USER_NOT_FOUND,
  resolveProtectedUser,
  snapshotAccess,
  summaryAndFailurePath,
  task,
  verifyResults,
  waitUntilEffectiveAt,
  type AslStates,
} from './asl-parts.js';
import { eachKnownMembershipRemoval, eachPlannedGroupAdd, eachPlannedRole } from './planned-changes.js';

const snapshot = (next: string) => snapshotAccess('Current groups and roles.', next);

const plan = (dryRun: boolean, next: string) =>
  task('planAccess', {
    comment: 'Desired access for the new attributes; adds and removes only within the managed scope.',
    parameters: { 'attributes.$': '$.request.attributes', 'lookup.$': '$.lookup', 'current.$': '$.snapshot', dryRun },
    resultPath: '$.plan',
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
    ...resolveProtectedUser('mover', 'Route'),
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
    WaitUntilEffective: waitUntilEffectiveAt('Until the move takes effect.', 'SnapshotAccess'),
    SnapshotForPlan: snapshot('PlanForDryRun'),
    PlanForDryRun: plan(true, 'Summarize'),
    SnapshotAccess: snapshot('PlanAccess'),
    PlanAccess: plan(false, 'AddToGroups'),
    AddToGroups: eachPlannedGroupAdd({
      fromSnapshot: true,
      comment: 'Add the managed groups the new attributes give (the plan saw the user outside them).',
      taskName: 'AddToGroup',
      itemsPath: '$.plan.add.groups',
      resultPath: '$.results.groupAdds',
      next: 'GrantRoles',
    }),
    GrantRoles: eachPlannedRole('grantRole', {
      comment: 'Grant the managed roles the new attributes give.',
      taskName: 'GrantRole',
      itemsPath: '$.plan.add.roles',
      resultPath: '$.results.roleGrants',
      next: 'VerifyAdds',
    }),
    VerifyAdds: verifyResults('Remove old access only once the new access is in place.', 'RemoveFromGroups'),
    RemoveFromGroups: eachKnownMembershipRemoval({
      comment: 'Remove managed groups the rules no longer give (unmanaged groups are never touched).',
      taskName: 'RemoveFromGroup',
      itemsPath: '$.plan.removeMemberships',
      accountIdPath: '$.plan.accountId',
      resultPath: '$.results.groupRemovals',
      next: 'RevokeRoles',
    }),
    RevokeRoles: eachPlannedRole('revokeRole', {
      comment: 'Revoke managed roles the rules no longer give.',
      taskName: 'RevokeRole',
      itemsPath: '$.plan.remove.roles',
      resultPath: '$.results.roleRevokes',
      next: 'Summarize',
    }),
    ...summaryAndFailurePath('mover'),
  } satisfies AslStates,
};
