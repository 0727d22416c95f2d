import type { AccountDecision } from '../sweep-types.js';
import { escapeHtml } from './escape-html.js';

/** Buckets of days since the last activity in any product. */
export const DAY_BUCKETS = [
  { label: '0–30', max: 30 },
  { label: '31–60', max: 60 },
  { label: '61–90', max: 90 },
  { label: '91–180', max: 180 },
  { label: '181–365', max: 365 },
  { label: 'over 365', max: Infinity },
] as const;

/** How many accounts fall in each bucket (plus those whose inactivity is unknown). */
export function bucketCounts(decisions: readonly AccountDecision[]): Array<{ label: string; count: number }> {
  const counts: number[] = DAY_BUCKETS.map(() => 0);
  let unknown = 0;
  for (const d of decisions) {
    if (d.daysInactive === null) unknown += 1;
    else counts[DAY_BUCKETS.findIndex((bucket) => (d.daysInactive as number) <= bucket.max)] += 1;
  }
  return [...DAY_BUCKETS.map((bucket, i) => ({ label: bucket.label, count: counts[i] })), ...(unknown > 0 ? [{ label: 'unknown', count: unknown }] : [])];
}

/** An inline SVG bar chart of the buckets: no script, no external font or image. */
export function daysChartSvg(decisions: readonly AccountDecision[]): string {
  const buckets = bucketCounts(decisions);
  const width = 640;
  const height = 240;
  const left = 48;
  const bottom = 40;
  const top = 40;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const slot = (width - left - 8) / buckets.length;
  const bars = buckets.map((bucket, i) => {
    const h = Math.round(((height - top - bottom) * bucket.count) / max);
    const x = Math.round(left + i * slot + slot * 0.15);
    const y = height - bottom - h;
    const w = Math.round(slot * 0.7);
    return (
      `<g class="bar"><title>${escapeHtml(bucket.label)} days: ${bucket.count} account(s)</title>` +
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="2" fill="${i >= 3 ? '#c0392b' : '#2e86c1'}"/>` +
      `<text x="${x + w / 2}" y="${y - 6}" text-anchor="middle" class="count">${bucket.count}</text>` +
      `<text x="${x + w / 2}" y="${height - bottom + 18}" text-anchor="middle">${escapeHtml(bucket.label)}</text></g>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" ` +
    `aria-label="Accounts by days since last activity">` +
    `<line x1="${left}" y1="${height - bottom}" x2="${width - 8}" y2="${height - bottom}" stroke="#555"/>` +
    `<text x="${left}" y="14" class="axis">accounts</text>` +
    `<text x="${width - 8}" y="${height - 6}" text-anchor="end" class="axis">days since last activity</text>` +
    `${bars.join('')}</svg>`
  );
}
