import { countDecisions, EXCLUSIONS, type AccountDecision, type Decision } from '../sweep-types.js';
import type { AuditLogNote } from './audit-log-note.js';
import { daysChartSvg } from './days-chart.js';
import { escapeHtml } from './escape-html.js';

/** What the page says about the run besides the decisions. */
export interface ReportMeta {
  executionName: string;
  startedAt: string;
  /** The schedule's run time the sweep stands for, when a schedule started it: the title's date. */
  scheduledAt?: string;
  dryRun: boolean;
  /** `plan`: written before acting; `final`: with the outcomes. */
  stage: 'plan' | 'final';
  /** Set when the blast-radius limit stopped the run. */
  blockedMessage?: string;
  /** File name of the CSV beside the page. */
  csvName: string;
  /** How the new-access grace read the audit log (or why it could not). */
  auditLog?: AuditLogNote;
}

/** Rows shown per table at most; the CSV has everyone. */
export const MAX_TABLE_ROWS = 500;

const DECISION_LABELS: Record<Decision, string> = { suspend: 'Suspend', reclaim: 'Reclaim licence', keep: 'Keep', excluded: 'Excluded', spared: 'Spared' };
const EXCLUSION_LABELS: Record<(typeof EXCLUSIONS)[number], string> = {
  'account-type': 'App or customer account',
  'org-admin': 'Organization admin',
  protected: 'Protected account',
  'not-active': 'Not active (suspended, removed, deactivated)',
  group: 'Member of an excluded group',
  new: 'Recently added',
  'idp-synced': 'Synced from the identity provider (act there)',
};

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b}
h1{margin-bottom:.2rem}.meta{color:#555;margin-top:0}
.banner{padding:.8rem 1rem;border-radius:6px;margin:1rem 0;background:#eef6fc;border:1px solid #aed6f1}
.banner.blocked{background:#fdecea;border-color:#f5b7b1}.banner.warn{background:#fef5e7;border-color:#f8c471}.banner.done{background:#eafaf1;border-color:#a9dfbf}
.cards{display:flex;flex-wrap:wrap;gap:.8rem;padding:0;list-style:none}
.cards li{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:8rem}
.cards .n{display:block;font-size:1.8rem;font-weight:600}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e5e5e5;vertical-align:top}
th{background:#f6f6f6}td.reason{color:#444;font-size:.9em;min-width:18rem}svg text{font-size:12px;fill:#333}svg .count{font-weight:600}
`;

function table(headers: string[], rows: string[][], caption: string): string {
  if (rows.length === 0) return `<p>None.</p>`;
  const shown = rows.slice(0, MAX_TABLE_ROWS);
  const more = rows.length > shown.length ? `<p>…and ${rows.length - shown.length} more in the CSV.</p>` : '';
  return (
    `<table><caption class="visually-hidden">${escapeHtml(caption)}</caption><thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${shown.map((row) => `<tr>${row.map((cell, i) => `<td${headers[i] === 'Reason' ? ' class="reason"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('')}</tbody></table>${more}`
  );
}

const productsOf = (d: AccountDecision) =>
  d.products.map((p) => `${p.productKey}: ${p.lastActive ? p.lastActive.slice(0, 10) : 'never'}${p.grantedAt ? ` (granted ${p.grantedAt.slice(0, 10)})` : ''}`).join(', ') || 'none';

function auditLogLine(note: AuditLogNote | undefined): string {
  if (!note) return '';
  return note.warning ? `<p class="banner warn" role="status">${escapeHtml(note.text)}</p>` : `<p class="meta">${escapeHtml(note.text)}</p>`;
}

function banner(meta: ReportMeta, due: number, acted: number): string {
  if (meta.blockedMessage) return `<p class="banner blocked" role="alert"><strong>Stopped by the blast-radius limit.</strong> ${escapeHtml(meta.blockedMessage)}</p>`;
  if (meta.dryRun) return `<p class="banner"><strong>Dry run:</strong> nothing was changed. A real run would act on ${due} account(s).</p>`;
  if (meta.stage === 'plan') return `<p class="banner">Planned: ${due} account(s) to act on after confirming their last activity.</p>`;
  return `<p class="banner done"><strong>Done:</strong> acted on ${acted} account(s).</p>`;
}

/**
 * The sweep's report as one self-contained HTML page (inline CSS and SVG, no script, no network:
 * a Content-Security-Policy forbids any fetch): the counts by decision, a chart of days since the
 * last activity, the accounts acted on (or to act on), those to handle at the identity provider,
 * and the exclusions. Every account considered is in the CSV beside it.
 */
export function renderReportHtml(decisions: readonly AccountDecision[], meta: ReportMeta): string {
  const counts = countDecisions(decisions);
  const actionable = decisions.filter((d) => d.decision === 'suspend' || d.decision === 'reclaim' || d.decision === 'spared');
  const acted = decisions.filter((d) => d.outcome === 'done').length;
  const idp = decisions.filter((d) => d.exclusion === 'idp-synced');
  const byExclusion = EXCLUSIONS.map((exclusion) => [EXCLUSION_LABELS[exclusion], String(decisions.filter((d) => d.exclusion === exclusion).length)]).filter(([, n]) => n !== '0');
  const actedHeading = meta.stage === 'final' && !meta.dryRun && !meta.blockedMessage ? 'Accounts acted on' : 'Accounts to act on';
  const title = `Inactivity sweep ${(meta.scheduledAt ?? meta.startedAt).slice(0, 10)}`;
  const scheduled = meta.scheduledAt && meta.scheduledAt !== meta.startedAt ? `scheduled ${meta.scheduledAt}, ` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}.visually-hidden{position:absolute;left:-9999px}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Execution ${escapeHtml(meta.executionName)}, ${escapeHtml(scheduled)}started ${escapeHtml(meta.startedAt)} · ${decisions.length} account(s) considered · ${meta.dryRun ? 'dry run' : 'enforced'}</p>
${banner(meta, counts.suspend + counts.reclaim, acted)}
${auditLogLine(meta.auditLog)}
<h2>Decisions</h2>
<ul class="cards">${(Object.keys(DECISION_LABELS) as Decision[]).map((d) => `<li><span class="n">${counts[d]}</span>${DECISION_LABELS[d]}</li>`).join('')}</ul>
<h2>Days since last activity</h2>
${daysChartSvg(decisions)}
<h2>${actedHeading}</h2>
${table(['Name', 'Email', 'Decision', 'Rule', 'Days inactive', 'Products (last active)', 'Reason', 'Outcome'], actionable.map((d) => [d.name, d.email, DECISION_LABELS[d.decision], d.rule ?? '', String(d.daysInactive ?? 'unknown'), productsOf(d), d.reason, d.outcome ? `${d.outcome}${d.outcomeDetail ? `: ${d.outcomeDetail}` : ''}` : meta.dryRun || meta.blockedMessage ? 'not changed' : 'pending']), actedHeading)}
<h2>To do at the identity provider</h2>
${table(['Name', 'Email', 'Rule', 'Days inactive', 'Reason'], idp.map((d) => [d.name, d.email, d.rule ?? '', String(d.daysInactive ?? 'unknown'), d.reason]), 'Accounts to handle at the identity provider')}
<h2>Excluded</h2>
${table(['Why', 'Accounts'], byExclusion, 'Excluded accounts by reason')}
<p>Every account considered, with the reason for its decision: <code>${escapeHtml(meta.csvName)}</code> beside this page.</p>
</body></html>
`;
}
