import { task, type AslStates } from './asl-parts.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The HR API may be down or rate-limiting for a while: retried with exponential backoff and full
 * jitter, capped at an hour between attempts; the last attempt comes after up to ~4 hours. The
 * event was acknowledged long before (the receiver only started this execution), so nothing is lost.
 */
export const HR_API_RETRY: Json = {
  ErrorEquals: ['Hr.Unavailable'],
  IntervalSeconds: 30,
  BackoffRate: 2,
  MaxAttempts: 10,
  MaxDelaySeconds: 3600,
  JitterStrategy: 'FULL',
};

/** Throttling or a 5xx of Secrets Manager or Step Functions. */
export const AWS_RETRY: Json = {
  ErrorEquals: ['Jml.AwsTransient'],
  IntervalSeconds: 2,
  BackoffRate: 2,
  MaxAttempts: 6,
  MaxDelaySeconds: 60,
  JitterStrategy: 'FULL',
};

/** Nested states as plain JSON (the Map's ItemProcessor is a JSON value of its parent state). */
const asJson = (states: AslStates): Json => JSON.parse(JSON.stringify(states)) as Json;

const failedItem = (action: string, target: string): Record<string, Json> => ({
  action,
  'target.$': target,
  outcome: 'failed',
  'error.$': '$.failure.Error',
  'cause.$': '$.failure.Cause',
});

/**
 * hr-event: one verified HR webhook delivery. For each notice: resolve (call the HR API back, map
 * to a workflow input), then start the mapped joiner / mover / leaver once (deterministic name).
 * A notice that fails for good is recorded and the others still run; the execution then fails
 * with the whole record, which is what the alarms watch.
 */
export const hrEventDefinition = {
  Comment:
    'HR event: resolve each notice of a verified webhook delivery against the HR system and start the joiner, mover or ' +
    'leaver it maps to, once. HR API outages are retried for hours; a notice that fails for good fails the execution with the record.',
  StartAt: 'ProcessNotices',
  States: {
    ProcessNotices: {
      Type: 'Map',
      Comment: 'Each person the delivery is about (a BambooHR field-based delivery may name several).',
      ItemsPath: '$.notices',
      ItemSelector: { 'source.$': '$.source', 'deliveryId.$': '$.deliveryId', 'index.$': '$$.Map.Item.Index', 'notice.$': '$$.Map.Item.Value' },
      MaxConcurrency: 5,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'ResolveHrEvent',
        States: asJson({
          ResolveHrEvent: task('resolveHrEvent', {
            comment: 'Read the person from the HR system and map the event to a workflow input (validated).',
            parameters: { 'source.$': '$.source', 'deliveryId.$': '$.deliveryId', 'index.$': '$.index', 'notice.$': '$.notice' },
            resultPath: '$.resolution',
            retry: [HR_API_RETRY, AWS_RETRY],
            catchTo: 'RecordResolveFailure',
            next: 'IsMapped',
          }),
          IsMapped: {
            Type: 'Choice',
            Comment: 'Events that mean nothing for Atlassian (a name fix, an unmapped type) start nothing.',
            Choices: [{ Variable: '$.resolution.mapped', BooleanEquals: true, Next: 'StartMappedWorkflow' }],
            Default: 'NothingToStart',
          },
          StartMappedWorkflow: task('startWorkflowExecution', {
            comment: 'Start the mapped workflow under its deterministic name (already started: already).',
            parameters: { 'workflow.$': '$.resolution.workflow', 'name.$': '$.resolution.executionName', 'input.$': '$.resolution.input' },
            retry: [AWS_RETRY],
            catchTo: 'RecordStartFailure',
          }),
          NothingToStart: {
            Type: 'Pass',
            Comment: 'Recorded as skipped, with the reason.',
            Parameters: { action: 'resolveHrEvent', 'target.$': '$.resolution.target', outcome: 'skipped', 'detail.$': '$.resolution.detail' },
            End: true,
          },
          RecordResolveFailure: {
            Type: 'Pass',
            Comment: 'The notice could not be resolved; the others go on, the execution fails at VerifyNotices.',
            Parameters: failedItem('resolveHrEvent', "States.Format('{} notice {} ({})', $.source, $.index, $.deliveryId)"),
            End: true,
          },
          RecordStartFailure: {
            Type: 'Pass',
            Comment: 'The mapped workflow could not be started; the execution fails at VerifyNotices.',
            Parameters: failedItem('startWorkflowExecution', '$.resolution.executionName'),
            End: true,
          },
        }),
      },
      ResultPath: '$.results.notices',
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'NoticeFailed' }],
      Next: 'VerifyNotices',
    },
    VerifyNotices: task('verifyResults', {
      comment: 'Fail the execution (alarm) if any notice failed for good; the record names each.',
      parameters: { 'results.$': '$.results' },
      resultPath: null,
      catchTo: 'NoticeFailed',
      next: 'Done',
    }),
    Done: {
      Type: 'Pass',
      Comment: 'The output: the delivery and what became of each notice.',
      Parameters: { 'source.$': '$.source', 'deliveryId.$': '$.deliveryId', 'notices.$': '$.results.notices' },
      End: true,
    },
    NoticeFailed: { Type: 'Fail', Comment: 'Error and cause of the first failed notice.', ErrorPath: '$.failure.Error', CausePath: '$.failure.Cause' },
  } satisfies AslStates,
};
