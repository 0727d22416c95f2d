import type { ReportStore } from '../../report-store/report-store.js';
import { sweepFiles } from '../sweep-files.js';
import type { AccountDecision } from '../sweep-types.js';
import { renderDecisionsCsv } from './report-csv.js';
import { renderReportHtml, type ReportMeta } from './report-html.js';

/** Where a run's report is: `s3://bucket/key` or a file path, for the run's output. */
export interface ReportLocations {
  html: string;
  csv: string;
}

/** Writes the CSV and the HTML page of a run (replacing the planned report with the final one). */
export async function writeReport(store: ReportStore, prefix: string, decisions: readonly AccountDecision[], meta: Omit<ReportMeta, 'csvName'>): Promise<ReportLocations> {
  const csvKey = sweepFiles.csv(prefix);
  const htmlKey = sweepFiles.html(prefix);
  await store.put(csvKey, renderDecisionsCsv(decisions), 'text/csv; charset=utf-8');
  await store.put(htmlKey, renderReportHtml(decisions, { ...meta, csvName: csvKey.split('/').at(-1) as string }), 'text/html; charset=utf-8');
  return { html: store.locationOf(htmlKey), csv: store.locationOf(csvKey) };
}
