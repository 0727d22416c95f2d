/**
 * How a failed Lambda Task looks to Step Functions: the error's `name` becomes `Error` (what Retry
 * and Catch match), and `Cause` is the JSON the Node.js runtime serializes,
 * `{"errorType","errorMessage","trace"}`. The local engine reproduces that so an ASL that reads
 * `Cause` (e.g. with `States.StringToJson`) behaves the same locally and in AWS.
 */
export class LambdaTaskError extends Error {
  constructor(errorType: string, cause: string) {
    super(cause);
    this.name = errorType;
  }
}

/** The runtime's view of whatever a handler threw. */
export function toLambdaTaskError(thrown: unknown): LambdaTaskError {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const errorType = error.name || 'Error';
  const trace = (error.stack ?? '').split('\n').slice(1, 6).map((line) => line.trim());
  return new LambdaTaskError(errorType, JSON.stringify({ errorType, errorMessage: error.message, trace }));
}

/** The human part of a `Cause`: the Lambda `errorMessage` when the cause is the runtime's JSON. */
export function readableCause(cause: unknown): string {
  if (typeof cause !== 'string') return cause === undefined ? '' : JSON.stringify(cause);
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    if (parsed && typeof parsed.errorMessage === 'string') return parsed.errorMessage;
  } catch {
    // Not JSON: a Fail state's literal Cause, shown as is.
  }
  return cause;
}
