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
import { eachKnownMembershipRemoval } from './planned-changes.js';

const snapshot = (next: string) => snapshotAccess('Snapshot groups and roles before any change (audit, rehire).', next);

/**
 * Leaver: resolve -> refuse protected -> (dry run: snapshot, plan) -> [wait until effectiveAt -> re-read:
 * still leaving?] -> reserve a unit of the org's daily budget (the brake) -> snapshot -> suspend -> remove group memberships -> grace period -> remove from the
 * directory unless restored meanwhile -> summary.
 */
export const leaverDefinition = {
  Comment:
    'Leaver: suspend the user, remove their group memberships (IdP-synced ones are reported, not failed), ' +
    'and after the grace period remove them from the directory. Protected accounts are refused; dry runs return the plan.',
  StartAt: 'PrepareRequest',
  States: {
    ...resolveProtectedUser('leaver', 'Route'),
    Route: {
      Type: 'Choice',
      Comment: 'One decision: unknown, protected, dry run, already removed (re-run), wait for the effective time, or go.',
      Choices: [
        { Variable: '$.lookup.found', BooleanEquals: false, Next: 'UserNotFound' },
        { Variable: '$.protection.protected', BooleanEquals: true, Next: 'RefuseProtectedAccount' },
        { Variable: '$.request.dryRun', BooleanEquals: true, Next: 'SnapshotForPlan' },
        { Variable: '$.lookup.user.membershipStatus', StringEquals: 'no_membership', Next: 'RemoveUser' },
        { Variable: '$.request.waitForEffectiveAt', BooleanEquals: true, Next: 'WaitUntilEffective' },
      ],
      Default: 'ReserveChangeBudget',
    },
    UserNotFound: USER_NOT_FOUND,
    RefuseProtectedAccount: REFUSE_PROTECTED,
    WaitUntilEffective: waitUntilEffectiveAt('Until the leaving date-time.', 'RecheckAfterWait'),
    RecheckAfterWait: task('findUser', {
      comment: 'Read the user again after waiting: the request may be stale (restored or removed in the meantime).',
      parameters: { 'accountId.$': '$.lookup.user.accountId' },
      resultPath: '$.recheck',
      next: 'StillLeaving',
    }),
    StillLeaving: {
      Type: 'Choice',
      Comment: 'Removed meanwhile: finish with the removal (already). Suspended when requested but active now: the leave was cancelled.',
      Choices: [
        { Variable: '$.recheck.found', BooleanEquals: false, Next: 'RemoveUser' },
        { Variable: '$.recheck.user.membershipStatus', StringEquals: 'no_membership', Next: 'RemoveUser' },
        {
          And: [
            { Variable: '$.lookup.user.membershipStatus', StringEquals: 'suspended' },
            { Variable: '$.recheck.user.membershipStatus', StringEquals: 'active' },
          ],
          Next: 'SuspensionCancelled',
        },
      ],
      Default: 'UseFreshLookup',
    },
    UseFreshLookup: {
      Type: 'Pass',
      Comment: 'From here on the leaver acts on what it read after the wait, not before it.',
      InputPath: '$.recheck',
      ResultPath: '$.lookup',
      Next: 'ReserveChangeBudget',
    },
    SuspensionCancelled: {
      Type: 'Pass',
      Comment: 'Record why nothing was changed; the run succeeds and its summary says so.',
      Parameters: {
        action: 'suspendUser',
        'target.$': '$.lookup.user.accountId',
        outcome: 'skipped',
        detail:
          'Restored while waiting for effectiveAt: suspension cancelled. The account was suspended when the leave was ' +
          'requested and is active again; nothing was changed. Run a new leaver if the person is leaving after all.',
      },
      ResultPath: '$.results.suspend',
      Next: 'Summarize',
    },
    ReserveChangeBudget: task('reserveChangeBudget', {
      comment:
        "Org-wide brake before the first change: one unit of today's leaver budget (limits.maxLeaversPerDay), once per " +
        'execution. Over it the run fails with Jml.BlastRadiusExceeded and nothing is changed (overrideLimits: true goes ahead).',
      parameters: {
        kind: 'leaver',
        'executionName.$': '$$.Execution.Name',
        'subject.$': "States.Format('{} ({})', $.lookup.user.email, $.lookup.user.accountId)",
        'overrideLimits.$': '$.request.overrideLimits',
      },
      resultPath: '$.budget',
      next: 'SnapshotAccess',
    }),
    SnapshotForPlan: snapshot('Summarize'),
    SnapshotAccess: snapshot('SuspendUser'),
    SuspendUser: task('suspendUser', {
      comment: 'Cut access first: groups and roles are kept by Atlassian for a restore.',
      parameters: { 'accountId.$': '$.lookup.user.accountId', 'membershipStatus.$': '$.lookup.user.membershipStatus' },
      resultPath: '$.results.suspend',
      next: 'RemoveGroupMemberships',
    }),
    RemoveGroupMemberships: eachKnownMembershipRemoval({
      comment: 'Remove every group membership from the snapshot (IdP-synced groups are reported as skipped).',
      itemsPath: '$.snapshot.groups',
      accountIdPath: '$.lookup.user.accountId',
      taskName: 'RemoveFromGroup',
      resultPath: '$.results.groupRemovals',
      next: 'VerifyGroupRemovals',
    }),
    VerifyGroupRemovals: verifyResults('Stop before the grace period if a membership could not be removed.', 'WaitGracePeriod'),
    WaitGracePeriod: { Type: 'Wait', Comment: 'Grace period between suspension and removal (0 = none).', SecondsPath: '$.request.graceSeconds', Next: 'RemoveUser' },
    RemoveUser: task('removeUser', {
      comment: 'Remove from the directory (permanent: only a new invite brings the user back), unless restored during the grace period.',
      parameters: { 'accountId.$': '$.lookup.user.accountId', onlyIfSuspended: true },
      resultPath: '$.results.removal',
      next: 'Summarize',
    }),
    ...summaryAndFailurePath('leaver'),
  } satisfies AslStates,
};
