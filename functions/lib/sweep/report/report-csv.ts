import type { AccountDecision } from '../sweep-types.js';

/**
 * One CSV field: quoted when it holds a comma, quote or line break, and with a leading `'` when a
 * spreadsheet would read it as a formula (a display name such as `=HYPERLINK(...)`).
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Every account the sweep considered, one row each: id, email, name, the last activity per product
 * (one column per product key; `never` = held but never used, empty = not held), the rule, the
 * decision with its reason, and after acting the outcome.
 */
export function renderDecisionsCsv(decisions: readonly AccountDecision[]): string {
  const productKeys = [...new Set(decisions.flatMap((d) => d.products.map((p) => p.productKey)))].sort();
  const header = ['accountId', 'email', 'name', ...productKeys.map((key) => `lastActive:${key}`), 'daysInactive', 'rule', 'decision', 'exclusion', 'reason', 'outcome', 'outcomeDetail'];
  const lines = [header.map(csvField).join(',')];
  for (const d of decisions) {
    const perProduct = productKeys.map((key) => {
      const held = d.products.filter((p) => p.productKey === key);
      if (held.length === 0) return '';
      const latest = held.map((p) => p.lastActive).filter((at): at is string => at !== undefined).sort().at(-1);
      return latest ?? 'never';
    });
    lines.push([d.accountId, d.email, d.name, ...perProduct, d.daysInactive, d.rule, d.decision, d.exclusion, d.reason, d.outcome, d.outcomeDetail].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
