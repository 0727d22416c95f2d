import type { MiddlewareObj } from '@middy/core';
import { recordError, recordInvocation } from '../observability.js';
import { invocationState } from './invocation-context.js';

/** The outcome a result reports (`done`/`already`/`skipped`), or `ok` for read-only actions. */
function outcomeOf(response: unknown): string {
  if (typeof response === 'object' && response !== null && 'outcome' in response) {
    const outcome = (response as { outcome: unknown }).outcome;
    if (typeof outcome === 'string') return outcome;
  }
  return 'ok';
}

/**
 * EMF metrics for every invocation: `ActionInvocations` by action and outcome (`error` on
 * failure), `ActionLatency` by action, and `AtlassianErrors` / `ActionErrors` by error name and
 * Atlassian error code. Must be used before `errorMapping` so it sees the mapped error name.
 */
export function invocationMetrics(): MiddlewareObj {
  return {
    name: 'invocationMetrics',
    after: (request) => {
      const { action, startedAt } = invocationState(request.context);
      recordInvocation(action, outcomeOf(request.response), performance.now() - startedAt);
    },
    onError: (request) => {
      // Errors before the correlation middleware ran (none expected) have no state to report on.
      const state = (request.context as { jml?: { action: string; startedAt: number } }).jml;
      if (!state) return;
      const error = request.error as (Error & { code?: unknown }) | null;
      recordInvocation(state.action, 'error', performance.now() - state.startedAt);
      recordError(state.action, error?.name ?? 'Error', typeof error?.code === 'string' ? error.code : undefined);
    },
  };
}
