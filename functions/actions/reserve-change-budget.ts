import * as z from 'zod';
import { changeBudgetStoreFor } from '../lib/change-budget/resolve-store.js';
import { utcDay, type ChangeBudgetStore } from '../lib/change-budget/change-budget-store.js';
import type { JmlConfig } from '../lib/config/jml-config-schema.js';
import { loadJmlConfig } from '../lib/config/load-jml-config.js';
import { ErrorNames, JmlError } from '../lib/errors.js';
import { handlerEnvironment } from '../lib/handler-environment-scope.js';
import { createActionHandler } from '../lib/middleware/create-action-handler.js';
import type { ActionLogger } from '../lib/observability.js';
import { handlerNow } from '../lib/handler-clock.js';

/** What can be counted, and the config limit of each (the inactivity sweep adds `sweepAction`). */
const KINDS = {
  leaver: { limit: (config: JmlConfig) => config.limits.maxLeaversPerDay, setting: 'limits.maxLeaversPerDay', noun: 'leavers' },
} as const;

export const inputSchema = z.strictObject({
  kind: z.enum(Object.keys(KINDS) as [keyof typeof KINDS], { message: `kind must be one of: ${Object.keys(KINDS).join(', ')}` }),
  /** `$$.Execution.Name`: one unit per execution, however often the Task is retried. */
  executionName: z.string().min(1).max(256),
  /** Who is about to be changed, for the message. */
  subject: z.string().min(1).max(512),
  overrideLimits: z.boolean().default(false),
});
export type ReserveChangeBudgetInput = z.output<typeof inputSchema>;

/** `$.budget`: what the reservation counted, for the run's record. */
export interface BudgetReservation {
  kind: keyof typeof KINDS;
  day: string;
  limit: number;
  /** Units used that day, this execution's included (absent when the store cannot tell). */
  used?: number;
  outcome: 'reserved' | 'already' | 'overridden';
  detail: string;
}

export interface ReserveDeps {
  config: JmlConfig;
  store: ChangeBudgetStore;
  /** Whose budget (the org id). */
  scope: string;
  now: () => Date;
  logger: ActionLogger;
}

/**
 * Takes one unit of today's budget of `kind` for this execution, before its first change. Over the
 * limit nothing is counted and the run must stop: `Jml.BlastRadiusExceeded`, saying how to go on
 * after a review. With `overrideLimits` the unit is counted but never refused.
 */
export async function reserveChangeBudget(input: ReserveChangeBudgetInput, deps: ReserveDeps): Promise<BudgetReservation> {
  const kind = KINDS[input.kind];
  const limit = kind.limit(deps.config);
  const now = deps.now();
  const day = utcDay(now);
  const outcome = await deps.store.reserve({
    kind: input.kind, scope: deps.scope, executionName: input.executionName, day, limit, enforce: !input.overrideLimits, at: now.toISOString(),
  });
  if (outcome.status === 'exceeded') {
    deps.logger.warn('Change budget exhausted: refusing', { kind: input.kind, day, limit, used: outcome.used });
    throw new JmlError(
      ErrorNames.BlastRadiusExceeded,
      `Mass-change brake: ${outcome.used} ${kind.noun} have already made changes in this organization today (UTC ${day}); ` +
        `${kind.setting} is ${limit}. So many in one day usually means a wrong HR export or mapping: review today's ` +
        `${kind.noun} first. If they are all intended, start this one again with "overrideLimits": true in its input ` +
        `(the output records it), or raise ${kind.setting} in the config. For ${input.subject}, nothing was changed.`,
    );
  }
  if (outcome.status === 'already') {
    return { kind: input.kind, day: outcome.day, limit, used: outcome.used, outcome: 'already', detail: `Already counted for this execution (UTC ${outcome.day}).` };
  }
  const position = `${kind.noun.replace(/s$/, '')} ${outcome.used} of ${limit} today (UTC ${day})`;
  return input.overrideLimits
    ? { kind: input.kind, day, limit, used: outcome.used, outcome: 'overridden', detail: `${position}: ${kind.setting} overridden by "overrideLimits": true.` }
    : { kind: input.kind, day, limit, used: outcome.used, outcome: 'reserved', detail: `Counted as ${position}.` };
}

export const handler = createActionHandler({
  name: 'reserveChangeBudget',
  inputSchema,
  resolveDeps: (logger): ReserveDeps => ({
    config: loadJmlConfig(),
    store: changeBudgetStoreFor(),
    scope: handlerEnvironment().ATLASSIAN_ORG_ID?.trim() || 'default',
    now: handlerNow,
    logger,
  }),
  run: reserveChangeBudget,
});
