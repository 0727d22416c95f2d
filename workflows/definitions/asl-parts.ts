/**
 * Building blocks of the three state machines (JSONPath ASL). The `*.asl.json` files are generated
 * from these by `generate.ts`, so every Task gets the same Retry, Catch and `_meta` without
 * copy-paste drift; the generated JSON is committed and is what infra and the local engine read.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type AslState = { Type: string; [field: string]: Json | undefined };
export type AslStates = Record<string, AslState>;

/** The single failure path every Task's Catch leads to. */
export const RECORD_FAILURE = 'RecordFailure';
/** Where the first Task's Catch leads: it puts the caught error where the failure path reads it. */
export const PREPARE_REQUEST_FAILED = 'PrepareRequestFailed';

/** `suspendUser` -> `${SuspendUserFunctionArn}` (the registry's placeholder convention). */
export function resourceOf(action: string): string {
  return `\${${action.charAt(0).toUpperCase()}${action.slice(1)}FunctionArn}`;
}

/** For log correlation; the handler middleware strips `_meta` before validating the input. */
const META = { 'executionName.$': '$$.Execution.Name', 'stateName.$': '$$.State.Name' };

/**
 * How long a rate-limited Task keeps trying. Atlassian limits per org and per minute (the 429 says
 * when its window resets), so a retry only helps once it lands in a later window, and a burst of
 * executions can keep an org at its limit for minutes. Ceilings 10, 20, 40, 80, then 120 s (two
 * windows) for 10 retries: full jitter spreads the retries of a burst over the window instead of
 * sending them back together; on average an execution rides out ~7 minutes at the limit (870 s if
 * every wait draws its ceiling) and in 99.8% of executions at least 3 minutes
 * (test/workflows/retry-policy.test.ts). docs/workflows.md, "Rate limits", says why.
 */
export const RATE_LIMITED_RETRY = {
  ErrorEquals: ['Atlassian.RateLimited'],
  IntervalSeconds: 10,
  BackoffRate: 2,
  MaxAttempts: 10,
  MaxDelaySeconds: 120,
  JitterStrategy: 'FULL',
} as const;

/** 5xx, timeouts, resets: usually over in seconds; five retries within about a minute, then a person looks. */
export const TRANSIENT_RETRY = {
  ErrorEquals: ['Atlassian.Transient'],
  IntervalSeconds: 2,
  BackoffRate: 2,
  MaxAttempts: 5,
  MaxDelaySeconds: 30,
  JitterStrategy: 'FULL',
} as const;

/**
 * Every Task retries the retryable taxonomy errors with exponential backoff and full jitter, each
 * with its own retrier (own attempt count), and the Lambda service's own transient errors (those
 * only happen in AWS).
 */
export const TASK_RETRY: Json = [
  { ...RATE_LIMITED_RETRY, ErrorEquals: [...RATE_LIMITED_RETRY.ErrorEquals] },
  { ...TRANSIENT_RETRY, ErrorEquals: [...TRANSIENT_RETRY.ErrorEquals] },
  {
    ErrorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'],
    IntervalSeconds: 1,
    BackoffRate: 2,
    MaxAttempts: 3,
    JitterStrategy: 'FULL',
  },
];

/** A permanent error keeps the state and adds `$.failure = { Error, Cause }`. */
const catchTo = (next: string): Json => [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: next }];

export interface TaskOptions {
  comment: string;
  /** The action's input (without `_meta`). */
  parameters: Record<string, Json>;
  resultPath?: string | null;
  resultSelector?: Record<string, Json>;
  next?: string;
  /** Where a permanent failure goes; `false` for none (the failure path itself). */
  catchTo?: string | false;
  /**
   * The Catch replaces the state's input with the error instead of adding `$.failure` to it: for the
   * first Task, whose input is the execution input as given, which may be any JSON (`42`, `[]`), where
   * `$.failure` cannot be written (States.ResultPathMatchFailure would end the run, without the
   * validation message). Its catch target must then be {@link PREPARE_REQUEST_FAILED}.
   */
  catchReplacesInput?: boolean;
  /** Retriers tried before the shared {@link TASK_RETRY} ones (e.g. an HR API's long backoff). */
  retry?: Json[];
}

/** A Task bound to a registry action. */
export function task(action: string, options: TaskOptions): AslState {
  const state: AslState = {
    Type: 'Task',
    Comment: options.comment,
    Resource: resourceOf(action),
    Parameters: { ...options.parameters, _meta: META },
  };
  if (options.resultSelector) state.ResultSelector = options.resultSelector;
  if (options.resultPath !== undefined) state.ResultPath = options.resultPath;
  state.Retry = options.retry ? [...options.retry, ...(TASK_RETRY as Json[])] : TASK_RETRY;
  const catchTarget = options.catchTo ?? RECORD_FAILURE;
  if (catchTarget) state.Catch = options.catchReplacesInput ? [{ ErrorEquals: ['States.ALL'], Next: catchTarget }] : catchTo(catchTarget);
  if (options.next) state.Next = options.next;
  else state.End = true;
  return state;
}

export interface MapOptions {
  comment: string;
  itemsPath: string;
  /** Builds each item's input; `$$.Map.Item.Value` is the item. */
  itemSelector: Record<string, Json>;
  action: string;
  /** State name of the Task inside (Task overrides are keyed by state name: keep names unique). */
  taskName: string;
  /** The action's input, read from the item. */
  parameters: Record<string, Json>;
  /** `States.Format` template of the failed item's target, e.g. `'{} -> {}', $.accountId, $.groupName`. */
  failedTarget: string;
  resultPath: string;
  next: string;
}

/** Bounded concurrency for directory changes: fast, yet far below the API's rate limits. */
export const MAP_CONCURRENCY = 5;

/**
 * A Map that runs one action per item. An item that fails for good is caught *inside* and recorded
 * as `{ outcome: 'failed', error, cause }`, so the other items finish and their outcomes stay in the
 * record; a later checkpoint (verifyResults / summarizeRun) turns any failure into a failed run.
 */
export function mapEach(options: MapOptions): AslState {
  const recordName = `Record${options.taskName}Failure`;
  return {
    Type: 'Map',
    Comment: options.comment,
    ItemsPath: options.itemsPath,
    ItemSelector: options.itemSelector,
    MaxConcurrency: MAP_CONCURRENCY,
    ItemProcessor: {
      ProcessorConfig: { Mode: 'INLINE' },
      StartAt: options.taskName,
      States: {
        [options.taskName]: {
          ...task(options.action, { comment: options.comment, parameters: options.parameters, catchTo: false }),
          Catch: catchTo(recordName),
        },
        [recordName]: {
          Type: 'Pass',
          Comment: 'Record the failed item; the run fails at the next checkpoint with the whole record.',
          Parameters: {
            action: options.action,
            'target.$': `States.Format(${options.failedTarget})`,
            outcome: 'failed',
            'error.$': '$.failure.Error',
            'cause.$': '$.failure.Cause',
          },
          End: true,
        },
      },
    },
    ResultPath: options.resultPath,
    Catch: catchTo(RECORD_FAILURE),
    Next: options.next,
  };
}

/** The first state of every workflow: validate the input, then `$ = { request, results: {} }`. */
export function prepareRequest(workflow: string, next: string): AslState {
  return task('prepareRequest', {
    comment: 'Validate the input (before any API call) and fill in defaults from the config.',
    parameters: { workflow, 'input.$': '$' },
    resultSelector: { 'request.$': '$', results: {} },
    catchTo: PREPARE_REQUEST_FAILED,
    catchReplacesInput: true,
    next,
  });
}

/** `accountId` or `email`, whichever the input gave: findUser takes exactly one. */
export function lookUpUser(next: string): AslStates {
  const find = (by: 'accountId' | 'email'): AslState =>
    task('findUser', {
      comment: `Resolve the user by ${by}.`,
      parameters: { [`${by}.$`]: `$.request.lookup.${by}` },
      resultPath: '$.lookup',
      next,
    });
  return {
    LookUpBy: {
      Type: 'Choice',
      Comment: 'findUser takes exactly one of accountId and email.',
      Choices: [{ Variable: '$.request.lookupBy', StringEquals: 'accountId', Next: 'FindUserByAccountId' }],
      Default: 'FindUserByEmail',
    },
    FindUserByAccountId: find('accountId'),
    FindUserByEmail: find('email'),
  };
}

/**
 * Whether the looked-up account is protected, into `$.protection`; every workflow that changes
 * accounts asks this before its first change and sends `protected` to {@link REFUSE_PROTECTED}.
 * @param emailPath where the requested email is, for an account that does not exist yet (joiner):
 *   an invite of an address listed in `protectedAccounts` is refused too.
 */
export function checkProtected(next: string, emailPath?: string): AslState {
  return task('checkProtected', {
    comment: emailPath
      ? 'Org admins and configured accounts are protected (a configured email without an account too).'
      : 'Org admins and configured accounts are protected.',
    parameters: { 'lookup.$': '$.lookup', ...(emailPath ? { 'email.$': emailPath } : {}) },
    resultPath: '$.protection',
    next,
  });
}

/**
 * The opening of the workflows that act on an existing user (leaver, mover): validate the input,
 * resolve the user, then ask whether the account is protected; the `Route` state comes next.
 */
export function resolveProtectedUser(workflow: string, next: string): AslStates {
  return {
    PrepareRequest: prepareRequest(workflow, 'LookUpBy'),
    ...lookUpUser('CheckProtected'),
    CheckProtected: checkProtected(next),
  };
}

/** Waits until the request's `effectiveAt` (the workflow's Route decides whether to wait at all). */
export function waitUntilEffectiveAt(comment: string, next: string): AslState {
  return { Type: 'Wait', Comment: comment, TimestampPath: '$.request.effectiveAt', Next: next };
}

/** A checkpoint: fails the run (via the Catch) if any earlier action in `$.results` failed. */
export function verifyResults(comment: string, next: string): AslState {
  return task('verifyResults', { comment, parameters: { 'results.$': '$.results' }, resultPath: null, next });
}

/** Current groups and roles of the looked-up user, into `$.snapshot`. */
export function snapshotAccess(comment: string, next: string): AslState {
  // The lookup just found the user: no second read to prove it exists.
  return task('getUserAccess', { comment, parameters: { 'accountId.$': '$.lookup.user.accountId', userKnown: true }, resultPath: '$.snapshot', next });
}

/** Success output, and the failure path: record what was done, then fail with error and cause. */
export function summaryAndFailurePath(workflow: string): AslStates {
  return {
    Summarize: task('summarizeRun', {
      comment: 'The output: user, snapshot or plan, every action with its outcome (fails if any action failed).',
      parameters: { workflow, 'executionName.$': '$$.Execution.Name', 'state.$': '$' },
    }),
    [RECORD_FAILURE]: task('recordFailure', {
      comment: 'Failure path: the error, a readable cause and the record of what was already done.',
      parameters: { workflow, 'state.$': '$' },
      catchTo: false,
      next: 'Failed',
    }),
    Failed: { Type: 'Fail', Comment: 'Error and cause come from RecordFailure.', ErrorPath: '$.error', CausePath: '$.cause' },
    [PREPARE_REQUEST_FAILED]: {
      Type: 'Pass',
      Comment: 'PrepareRequest failed on the execution input as given (possibly not an object): its error, as the failure path reads it.',
      Parameters: { 'failure.$': '$' },
      Next: RECORD_FAILURE,
    },
  };
}

/** Fail states for a user that cannot be acted on. */
export const USER_NOT_FOUND: AslState = {
  Type: 'Fail',
  Comment: 'Nothing was changed.',
  Error: 'Atlassian.NotFound',
  Cause: 'No user in the directory matches the given accountId or email. Check the identifier (and the HR record it came from); nothing was changed.',
};

export const REFUSE_PROTECTED: AslState = {
  Type: 'Fail',
  Comment: 'Protected accounts (org admins, protectedAccounts in the config) are never changed by automation. Nothing was changed.',
  Error: 'Jml.ProtectedAccount',
  CausePath: '$.protection.reason',
};
