import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { ZodType, core } from 'zod';
import type { ActionLogger } from '../observability.js';
import { correlationLogger } from './correlation-logger.js';
import { errorMapping } from './error-mapping.js';
import { inputValidation } from './input-validation.js';
import { invocationMetrics } from './invocation-metrics.js';
import { invocationState } from './invocation-context.js';
import { runWithLogger } from './logger-scope.js';

/** A Lambda handler as Step Functions and the local engine call it. */
export type ActionHandler<R = unknown> = (event: unknown, context: Context) => Promise<R>;

/** What an action is: a name, an input schema, and a core that never sees middy or Lambda. */
export interface ActionSpec<S extends ZodType, D, R> {
  /** camelCase action name, as in the registry. */
  name: string;
  inputSchema: S;
  /** Builds the core's dependencies for one invocation (e.g. the Directory); may be cached inside. */
  resolveDeps: (logger: ActionLogger) => D | Promise<D>;
  /** The action itself: pure with respect to its inputs and injected dependencies. */
  run: (input: core.output<S>, deps: D) => Promise<R>;
}

/**
 * Wraps an action core in the one shared middy stack. Before: correlation logger (strips `_meta`),
 * metrics start, input validation (`Jml.InvalidInput`), dependencies. On error: mapping to a
 * docs/contracts.md error name (logged once), then metrics by name and code. Middy's early-timeout is off:
 * the Lambda timeout and the ASL `TimeoutSeconds` own that, and the local engine's context has no
 * `getRemainingTimeInMillis`.
 */
export function createActionHandler<S extends ZodType, D, R>(spec: ActionSpec<S, D, R>): ActionHandler<R> {
  const core = async (input: core.output<S>, context: Context): Promise<R> => {
    const state = invocationState(context);
    const result = await runWithLogger(state.logger, () => spec.run(input, state.deps as D));
    state.logger.info('Action finished', { result: summarize(result) });
    return result;
  };
  const handler = middy(core, { timeoutEarlyInMillis: 0 })
    .use(correlationLogger(spec.name))
    .use(invocationMetrics())
    .use(errorMapping(spec.name))
    .use(inputValidation(spec.name, spec.inputSchema))
    .use({
      name: 'injectDependencies',
      before: async (request) => {
        const state = invocationState(request.context);
        state.deps = await spec.resolveDeps(state.logger);
      },
    });
  return handler as unknown as ActionHandler<R>;
}

/**
 * Mutating results (`outcome` present) log whole. Read results log only their top-level scalars
 * and sizes: user records carry personal data that belongs in the workflow output, not in logs.
 */
function summarize(result: unknown): unknown {
  if (typeof result !== 'object' || result === null) return result;
  if ('outcome' in result) return result;
  const entries = Object.entries(result).map(([key, value]) => {
    if (Array.isArray(value)) return [key, `${value.length} item(s)`];
    if (typeof value === 'object' && value !== null) return [key, '(object)'];
    return [key, value];
  });
  return Object.fromEntries(entries);
}
