import { PREPARE_REQUEST_FAILED, mapEach, summaryAndFailurePath, task, type AslStates } from './asl-parts.js';

const PREFIX = '$.request.reportPrefix';

/**
 * Inactivity sweep: validate -> scan the directory (pages of users/search into the report store,
 * looping on the cursor while a step's time budget runs out) -> decide every account -> write the
 * report -> (dry run, or nothing to do: summary) -> blast-radius check (over it: FAILED, nothing
 * changed) -> confirm each account with last-active-dates -> act (Map, bounded concurrency) -> summary.
 */
export const sweepDefinition = {
  Comment:
    'Inactivity sweep: find accounts inactive longer than the inactivity rules allow, reclaim their product licences or suspend ' +
    'them within the blast-radius limit (limits.maxSweepActions), and write a CSV and HTML report. Dry run unless inactivity.enforce.',
  StartAt: 'PrepareRequest',
  States: {
    PrepareRequest: task('prepareRequest', {
      comment: 'Validate the input (before any API call); dry run unless the config enforces; the run folder in the report store.',
      parameters: { workflow: 'sweep', 'input.$': '$', 'executionName.$': '$$.Execution.Name' },
      resultSelector: { 'request.$': '$', results: {}, scan: { done: false, nextPart: 0, pages: 0, accounts: 0 } },
      catchTo: PREPARE_REQUEST_FAILED,
      catchReplacesInput: true,
      next: 'ScanDirectory',
    }),
    ScanDirectory: task('scanDirectory', {
      comment: 'Pages of users/search (100 accounts, groups, product access) into the report store until done or out of time.',
      parameters: { 'reportPrefix.$': PREFIX, 'progress.$': '$.scan' },
      resultPath: '$.scan',
      next: 'ScanComplete',
    }),
    ScanComplete: {
      Type: 'Choice',
      Comment: 'A step that ran out of its time budget returns the cursor: go on from there.',
      Choices: [{ Variable: '$.scan.done', BooleanEquals: true, Next: 'DecideInactivity' }],
      Default: 'ScanDirectory',
    },
    DecideInactivity: task('decideInactivity', {
      comment: 'Decide every account (the rules, exclusions, protection) and check the blast radius; the state keeps counts and the bounded list.',
      parameters: { 'reportPrefix.$': PREFIX, 'startedAt.$': '$.request.startedAt', 'parts.$': '$.scan.nextPart', 'overrideLimits.$': '$.request.overrideLimits' },
      resultPath: '$.decision',
      next: 'WriteReport',
    }),
    WriteReport: task('writeSweepReport', {
      comment: 'The CSV and HTML report of the decisions, before anything changes.',
      parameters: {
        'reportPrefix.$': PREFIX,
        'startedAt.$': '$.request.startedAt',
        'scheduledAt.$': '$.request.scheduledAt',
        'executionName.$': '$$.Execution.Name',
        'dryRun.$': '$.request.dryRun',
        'decision.$': '$.decision',
      },
      resultPath: '$.report',
      next: 'Route',
    }),
    Route: {
      Type: 'Choice',
      Comment: 'Dry run: stop with the report. Over the blast radius: fail, nothing changed. Nothing due: done.',
      Choices: [
        { Variable: '$.request.dryRun', BooleanEquals: true, Next: 'Summarize' },
        { Variable: '$.decision.blocked', BooleanEquals: true, Next: 'BlastRadiusExceeded' },
        { Variable: '$.decision.due', NumericEquals: 0, Next: 'Summarize' },
      ],
      Default: 'ConfirmInactivity',
    },
    BlastRadiusExceeded: {
      Type: 'Fail',
      Comment: 'More accounts are due than limits.maxSweepActions allows: nothing was changed; the report lists them.',
      Error: 'Jml.BlastRadiusExceeded',
      CausePath: '$.decision.message',
    },
    ConfirmInactivity: task('confirmInactivity', {
      comment: 'last-active-dates (authoritative, paced) for each account just before acting: one active since the scan is spared.',
      parameters: { 'reportPrefix.$': PREFIX, 'startedAt.$': '$.request.startedAt', 'decision.$': '$.decision' },
      resultPath: '$.decision',
      next: 'ActOnAccounts',
    }),
    ActOnAccounts: mapEach({
      comment: 'Reclaim or suspend each confirmed account (idempotent); a failure is recorded and fails the run at the summary.',
      itemsPath: '$.decision.toAct',
      itemSelector: { 'reportPrefix.$': PREFIX, 'target.$': '$$.Map.Item.Value' },
      action: 'sweepAccount',
      taskName: 'SweepAccount',
      parameters: { 'reportPrefix.$': '$.reportPrefix', 'target.$': '$.target' },
      failedTarget: "'{}', $.target.accountId",
      resultPath: '$.results.actions',
      next: 'Summarize',
    }),
    ...sweepSummaryAndFailurePath(),
  } satisfies AslStates,
};

/** The shared failure path, with the sweep's own summary (it rewrites the report with the outcomes). */
function sweepSummaryAndFailurePath(): AslStates {
  const { Summarize: _shared, ...failurePath } = summaryAndFailurePath('sweep');
  return {
    Summarize: task('summarizeSweep', {
      comment: 'The output: counts, every action with its outcome, and where the report is (rewritten with the outcomes).',
      parameters: {
        'executionName.$': '$$.Execution.Name',
        'request.$': '$.request',
        'decision.$': '$.decision',
        'report.$': '$.report',
        'results.$': '$.results',
      },
    }),
    ...failurePath,
  };
}
