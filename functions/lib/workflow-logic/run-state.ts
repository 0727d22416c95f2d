import * as z from 'zod';
import { LookupShape, UserAccessShape } from './directory-shapes.js';
import { ResultsSchema } from './run-record.js';

/**
 * The workflow state as the summary and failure actions read it (`"state.$": "$"`). Every part is
 * optional: a run can fail before any of them exists (e.g. invalid input).
 */
export const PlanShape = z.looseObject({
  accountId: z.string().optional(),
  matchedRules: z.array(z.string()).default([]),
  add: z.looseObject({ groups: z.array(z.string()), roles: z.array(z.looseObject({ resourceId: z.string(), role: z.string() })) }),
  remove: z.looseObject({ groups: z.array(z.string()), roles: z.array(z.looseObject({ resourceId: z.string(), role: z.string() })) }),
  inPlace: z.looseObject({ groups: z.array(z.string()), roles: z.array(z.looseObject({ resourceId: z.string(), role: z.string() })) }).optional(),
  unmanaged: z.looseObject({ groups: z.array(z.string()), roles: z.array(z.looseObject({ resourceId: z.string(), role: z.string() })) }).optional(),
  warnings: z.array(z.string()).default([]),
});
export type PlanView = z.output<typeof PlanShape>;

export const RunStateShape = z.looseObject({
  request: z
    .looseObject({
      identifier: z.string().optional(),
      dryRun: z.boolean().optional(),
      reason: z.string().optional(),
      effectiveAt: z.string().optional(),
      graceDays: z.number().optional(),
      overrideLimits: z.boolean().optional(),
      attributes: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
  lookup: LookupShape.optional(),
  protection: z.looseObject({ protected: z.boolean(), reason: z.string().optional() }).optional(),
  snapshot: UserAccessShape.optional(),
  plan: PlanShape.optional(),
  /** reserveChangeBudget's output: the unit of the org's daily budget this run took. */
  budget: z.looseObject({ kind: z.string(), day: z.string(), limit: z.number(), used: z.number().optional(), outcome: z.string(), detail: z.string() }).optional(),
  results: ResultsSchema,
  failure: z.looseObject({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
  /** Sweep: where the run's report is. */
  report: z.looseObject({ html: z.string(), csv: z.string() }).optional(),
});
export type RunStateView = z.output<typeof RunStateShape>;


/**
 * The user part of a summary: who the run was about, and their membership before it changed
 * anything (a joiner looks the account up again after inviting, so an invite means "none").
 */
export function subjectOf(state: RunStateView) {
  if (!state.lookup?.found) return null;
  const { accountId, email, name, membershipStatus } = state.lookup.user;
  const invite = state.results.invite;
  const invited = invite !== undefined && !Array.isArray(invite) && invite.outcome === 'done';
  return { accountId, email, name: name ?? '', membershipStatusBefore: invited ? 'none (invited)' : (membershipStatus ?? 'unknown') };
}
