import { REFUSE_PROTECTED, checkProtected, prepareRequest, summaryAndFailurePath, task, waitUntilEffectiveAt, type AslStates } from './asl-parts.js';
import { eachPlannedGroupAdd, eachPlannedRole } from './planned-changes.js';

const plan = (dryRun: boolean, next: string) =>
  task('planAccess', {
    comment: dryRun ? 'The groups and roles the rules give (dry run: nothing is changed).' : 'The groups and roles the rules give the new attributes.',
    parameters: { 'attributes.$': '$.request.attributes', 'lookup.$': '$.lookup', requireAccount: !dryRun, dryRun },
    resultPath: '$.plan',
    next,
  });

/**
 * Joiner: [wait until the start time] -> find an existing account -> refuse protected -> (dry run:
 * plan) -> restore a suspended rehire | invite a new one | keep an active one -> plan access -> add
 * groups -> grant roles -> summary.
 */
export const joinerDefinition = {
  Comment:
    'Joiner: invite the user, or restore a suspended rehire instead of inviting twice, then add the groups and grant the roles ' +
    'the access rules give their department, job title and location. Protected accounts are refused; dry runs return the plan.',
  StartAt: 'PrepareRequest',
  States: {
    PrepareRequest: prepareRequest('joiner', 'WaitForStart'),
    WaitForStart: {
      Type: 'Choice',
      Comment: 'Wait only for a start time in the future (never in a dry run).',
      Choices: [{ Variable: '$.request.waitForEffectiveAt', BooleanEquals: true, Next: 'WaitUntilStart' }],
      Default: 'FindUser',
    },
    WaitUntilStart: waitUntilEffectiveAt('Until the start date-time.', 'FindUser'),
    FindUser: task('findUser', {
      comment: 'An existing account (a rehire, or a re-run) is reused, never invited twice.',
      parameters: { 'email.$': '$.request.lookup.email' },
      resultPath: '$.lookup',
      next: 'CheckProtected',
    }),
    // Before any change (restore, invite, plan, add): a protected account, or a new email listed as one.
    CheckProtected: checkProtected('Route', '$.request.lookup.email'),
    Route: {
      Type: 'Choice',
      Comment: 'Protected, dry run, new user, suspended rehire, removed earlier, or already active.',
      Choices: [
        { Variable: '$.protection.protected', BooleanEquals: true, Next: 'RefuseProtectedAccount' },
        { Variable: '$.request.dryRun', BooleanEquals: true, Next: 'PlanForDryRun' },
        { Variable: '$.lookup.found', BooleanEquals: false, Next: 'InviteUser' },
        { Variable: '$.lookup.user.membershipStatus', StringEquals: 'suspended', Next: 'RestoreUser' },
        { Variable: '$.lookup.user.membershipStatus', StringEquals: 'no_membership', Next: 'InviteUser' },
      ],
      Default: 'PlanAccess',
    },
    RefuseProtectedAccount: REFUSE_PROTECTED,
    PlanForDryRun: plan(true, 'Summarize'),
    InviteUser: task('inviteUser', {
      comment: 'Invite a new user (or one removed earlier).',
      parameters: { 'email.$': '$.request.lookup.email', 'name.$': '$.request.displayName' },
      resultPath: '$.results.invite',
      next: 'FindInvitedUser',
    }),
    FindInvitedUser: task('findUser', {
      comment: 'The invited account, for its account id.',
      parameters: { 'email.$': '$.request.lookup.email' },
      resultPath: '$.lookup',
      next: 'PlanAccess',
    }),
    RestoreUser: task('restoreUser', {
      comment: 'Rehire: restore the suspended account (its kept groups and roles come back).',
      parameters: { 'accountId.$': '$.lookup.user.accountId' },
      resultPath: '$.results.restore',
      next: 'PlanAccess',
    }),
    PlanAccess: plan(false, 'AddToGroups'),
    AddToGroups: eachPlannedGroupAdd({
      fromSnapshot: false, // a rehire may hold some groups already: keep the exact membership check
      comment: 'Add the groups the rules give (already a member -> "already"; IdP-synced -> "skipped").',
      taskName: 'AddToGroup',
      itemsPath: '$.plan.add.groups',
      resultPath: '$.results.groupAdds',
      next: 'GrantRoles',
    }),
    GrantRoles: eachPlannedRole('grantRole', {
      comment: 'Grant the roles the rules give.',
      taskName: 'GrantRole',
      itemsPath: '$.plan.add.roles',
      resultPath: '$.results.roleGrants',
      next: 'Summarize',
    }),
    ...summaryAndFailurePath('joiner'),
  } satisfies AslStates,
};
