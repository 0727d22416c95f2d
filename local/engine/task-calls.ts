/** One call of a Task's Lambda handler: what it was given and, once it returned, what it returned. */
export interface TaskCall {
  /** The payload: the state's input after `InputPath` and `Parameters`, as the Lambda receives it. */
  input: unknown;
  /** The Lambda's result, before `ResultSelector` and `ResultPath` (absent until it returned, and on an error). */
  output?: unknown;
}

/**
 * The Lambda calls of one run, so its trace can show what each Task attempt sent and got back, as a
 * Step Functions history does (`LambdaFunctionScheduled.input`, `LambdaFunctionSucceeded.output`):
 * aws-local-stepfunctions reports a state's raw input and final output only.
 *
 * It calls a Task's handler in the same synchronous step in which it reports that attempt
 * (`StateEntered`, or `StateRetried` for a retry), so the n-th attempt of a state in its event stream
 * is the n-th call of that state's handler, whichever Map iteration made it. (An attempt whose input
 * paths fail has no call; the engine's ASL has none that can.)
 */
export class TaskCalls {
  private readonly waiting = new Map<string, TaskCall[]>();

  /** The bound handler, before its first `await`: a call of `state` begins. */
  begin(state: string, input: unknown): TaskCall {
    const call: TaskCall = { input };
    const queue = this.waiting.get(state);
    if (queue) queue.push(call);
    else this.waiting.set(state, [call]);
    return call;
  }

  /** The trace, on an attempt of `state` (entered or retried): its call, or undefined if it made none. */
  nextAttempt(state: string): TaskCall | undefined {
    const queue = this.waiting.get(state);
    const call = queue?.shift();
    if (queue?.length === 0) this.waiting.delete(state);
    return call;
  }
}
