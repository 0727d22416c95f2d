import type { Context } from 'aws-lambda';
import type { Request } from '@middy/core';
import type { ActionLogger } from '../observability.js';

/**
 * Per-invocation state the shared middlewares hand to each other and to the handler core. It rides
 * on a context object derived for this invocation only, never on the caller's context or on middy's
 * `internal` (one object shared by all requests), because the local engine runs handlers concurrently.
 */
export interface InvocationState {
  action: string;
  logger: ActionLogger;
  startedAt: number;
  /** Set by the dependency middleware before the core runs. */
  deps?: unknown;
}

export type ActionContext = Context & { jml: InvocationState };

/** Replaces `request.context` by a child object carrying `state`; Lambda fields stay readable. */
export function attachInvocationState(request: Request, state: InvocationState): ActionContext {
  const derived = Object.assign(Object.create(request.context ?? {}) as Context, { jml: state });
  request.context = derived;
  return derived;
}

/** The state attached by `attachInvocationState`. Throws when the middleware stack is mis-assembled. */
export function invocationState(context: Context): InvocationState {
  const state = (context as Partial<ActionContext>).jml;
  if (!state) throw new Error('Invocation state missing: the correlation middleware must run first (see createActionHandler).');
  return state;
}
