import * as z from 'zod';
import { readJson } from '../lib/sweep/read-json.js';
import { writeReport, type ReportLocations } from '../lib/sweep/report/write-report.js';
import { sweepActionHandler, type SweepDeps } from '../lib/sweep/sweep-action.js';
import { sweepFiles } from '../lib/sweep/sweep-files.js';
import { ReportPrefixSchema, StartedAtSchema } from '../lib/sweep/sweep-inputs.js';
import { AccountDecisionSchema } from '../lib/sweep/sweep-types.js';
import { RecentGrantsFileSchema } from '../lib/sweep/access-grants.js';
import { auditLogNote } from '../lib/sweep/report/audit-log-note.js';

export const inputSchema = z.strictObject({
  reportPrefix: ReportPrefixSchema,
  startedAt: StartedAtSchema,
  /** Absent in executions started before it existed. */
  scheduledAt: StartedAtSchema.optional(),
  executionName: z.string().min(1).max(256),
  dryRun: z.boolean(),
  /** DecideInactivity's output: whether the blast radius stopped the run, and why. */
  decision: z.looseObject({ blocked: z.boolean(), message: z.string() }),
});
export type WriteSweepReportInput = z.output<typeof inputSchema>;

/**
 * Writes the report of the decisions before anything is changed: what a dry run returns, and what
 * a run stopped by the blast-radius limit leaves for review (everyone who would have been affected).
 */
export async function writeSweepReport(input: WriteSweepReportInput, deps: Pick<SweepDeps, 'store'>): Promise<ReportLocations> {
  const store = await deps.store();
  const decisions = await readJson(store, sweepFiles.decisions(input.reportPrefix), z.array(AccountDecisionSchema));
  const grants = await readJson(store, sweepFiles.grants(input.reportPrefix), RecentGrantsFileSchema);
  return writeReport(store, input.reportPrefix, decisions, {
    auditLog: auditLogNote(grants),
    executionName: input.executionName,
    startedAt: input.startedAt,
    ...(input.scheduledAt ? { scheduledAt: input.scheduledAt } : {}),
    dryRun: input.dryRun,
    stage: 'plan',
    ...(input.decision.blocked ? { blockedMessage: input.decision.message } : {}),
  });
}

export const handler = sweepActionHandler('writeSweepReport', inputSchema, (input, deps) => writeSweepReport(input, deps));
