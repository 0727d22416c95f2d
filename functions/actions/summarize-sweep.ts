import * as z from 'zod';
import { assertNoFailures, countOutcomes, flattenResults, ResultsSchema, type RecordedAction } from '../lib/workflow-logic/run-record.js';
import { readJson } from '../lib/sweep/read-json.js';
import { writeReport, type ReportLocations } from '../lib/sweep/report/write-report.js';
import { sweepActionHandler, type SweepDeps } from '../lib/sweep/sweep-action.js';
import { sweepFiles } from '../lib/sweep/sweep-files.js';
import { ReportPrefixSchema, StartedAtSchema } from '../lib/sweep/sweep-inputs.js';
import { RecentGrantsFileSchema } from '../lib/sweep/access-grants.js';
import { auditLogNote } from '../lib/sweep/report/audit-log-note.js';
import { AccountDecisionSchema, countDecisions, type AccountDecision, type DecisionCounts } from '../lib/sweep/sweep-types.js';

export const inputSchema = z.strictObject({
  executionName: z.string().min(1).max(256),
  request: z.looseObject({ dryRun: z.boolean(), reason: z.string(), reportPrefix: ReportPrefixSchema, startedAt: StartedAtSchema, scheduledAt: StartedAtSchema.optional() }),
  decision: z.looseObject({ accounts: z.number().int(), due: z.number().int(), blocked: z.boolean(), confirmed: z.boolean().optional(), limit: z.looseObject({ allowed: z.number().int() }) }),
  report: z.looseObject({ html: z.string(), csv: z.string() }),
  results: ResultsSchema,
});
export type SummarizeSweepInput = z.output<typeof inputSchema>;

/** The sweep's output. */
export interface SweepSummary {
  workflow: 'sweep';
  status: 'SUCCEEDED' | 'DRY_RUN';
  message: string;
  executionName: string;
  startedAt: string;
  finishedAt: string;
  reason: string;
  accounts: number;
  /** Final decisions (after the confirmation: `spared` counted). */
  decisions: DecisionCounts;
  /** Where the report is: `s3://bucket/key` or a file path. */
  report: ReportLocations;
  actions: RecordedAction[];
  counts: ReturnType<typeof countOutcomes>;
  /** Dry run: who a real run would act on (the first {@link MAX_PLANNED_IN_OUTPUT}; the report has all). */
  planned?: SweepPlanEntry[];
  /** Dry run: how many more are due than `planned` lists. */
  plannedMore?: number;
}

/** One account a real run would act on, as a dry run's output lists it. */
export type SweepPlanEntry = Pick<AccountDecision, 'accountId' | 'email' | 'name' | 'decision' | 'reason'> & { rule: string };

/** The output of an execution is at most 256 KB: a dry run lists this many accounts, the report all of them. */
export const MAX_PLANNED_IN_OUTPUT = 100;

/** The accounts due for an action (suspend, reclaim), in the report's order, bounded. */
function plannedOf(decisions: readonly AccountDecision[]): { planned: SweepPlanEntry[]; plannedMore: number } {
  const due = decisions.filter((d) => d.decision === 'suspend' || d.decision === 'reclaim');
  const planned = due.slice(0, MAX_PLANNED_IN_OUTPUT).map((d) => ({ accountId: d.accountId, email: d.email, name: d.name, decision: d.decision, rule: d.rule ?? '', reason: d.reason }));
  return { planned, plannedMore: due.length - planned.length };
}

/**
 * The sweep's output. After acting it merges the confirmations and every account's outcome into
 * the decisions and rewrites the report with them (before failing the run, via the Catch, if an
 * action failed, so the report says which one).
 */
export async function summarizeSweep(input: SummarizeSweepInput, deps: Pick<SweepDeps, 'store' | 'now'>): Promise<SweepSummary> {
  const { request, decision } = input;
  const actions = flattenResults(input.results);
  const store = await deps.store();
  const prefix = request.reportPrefix;
  let decisions = await readJson(store, sweepFiles.decisions(prefix), z.array(AccountDecisionSchema));
  let report: ReportLocations = { html: input.report.html, csv: input.report.csv };
  if (!request.dryRun && !decision.blocked && decision.confirmed) {
    const confirmed = await readJson(store, sweepFiles.confirmations(prefix), z.array(AccountDecisionSchema));
    decisions = withOutcomes(decisions, confirmed, actions);
    const grants = await readJson(store, sweepFiles.grants(prefix), RecentGrantsFileSchema);
    report = await writeReport(store, prefix, decisions, {
      executionName: input.executionName, startedAt: request.startedAt, ...(request.scheduledAt ? { scheduledAt: request.scheduledAt } : {}), dryRun: false, stage: 'final',
      auditLog: auditLogNote(grants),
    });
  }
  assertNoFailures(actions);
  const counts = countOutcomes(actions);
  const tally = countDecisions(decisions);
  const found = `${decision.accounts} account(s) considered: ${tally.suspend} to suspend, ${tally.reclaim} to reclaim, ${tally.spared} spared, ${tally.excluded} excluded, ${tally.keep} kept`;
  const message = request.dryRun
    ? `Dry run of the inactivity sweep: ${found}; nothing was changed.${decision.blocked ? ` A real run would stop: ${decision.due} account(s) are due, at most ${decision.limit.allowed} allowed.` : ''} Report: ${report.html}`
    : `The inactivity sweep finished: ${found}; ${counts.done} changed, ${counts.already} already so, ${counts.skipped} skipped. Report: ${report.html}`;
  return {
    workflow: 'sweep',
    status: request.dryRun ? 'DRY_RUN' : 'SUCCEEDED',
    message,
    executionName: input.executionName,
    startedAt: request.startedAt,
    finishedAt: deps.now().toISOString(),
    reason: request.reason,
    accounts: decision.accounts,
    decisions: tally,
    report,
    actions,
    counts,
    ...(request.dryRun ? plannedOf(decisions) : {}),
  };
}

/** The scan's decisions with the confirmation's re-decisions and each account's outcome. */
export function withOutcomes(decisions: readonly AccountDecision[], confirmed: readonly AccountDecision[], actions: readonly RecordedAction[]): AccountDecision[] {
  const again = new Map(confirmed.map((d) => [d.accountId, d]));
  const outcomes = new Map(actions.map((a) => [a.target, a]));
  return decisions.map((d) => {
    const latest = again.get(d.accountId) ?? d;
    const action = outcomes.get(d.accountId);
    return action ? { ...latest, outcome: action.outcome, outcomeDetail: action.detail ?? '' } : latest;
  });
}

export const handler = sweepActionHandler('summarizeSweep', inputSchema, (input, deps) => summarizeSweep(input, deps));
