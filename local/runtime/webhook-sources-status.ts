import type { WebhookSourceStatus } from '../../functions/lib/hr/configured-webhook-sources.js';

/**
 * Which HR webhook sources this runtime can verify, one line each, for the start banner and
 * `npm start -- --help`: the variable a configured one reads, or what to set (names, never values).
 * A delivery to an unconfigured source is answered 503 with Retry-After, so the sender keeps it.
 */
export function webhookSourceLines(statuses: readonly WebhookSourceStatus[], indent: string): string[] {
  return statuses.map((status) => {
    const listed = status.enabled === false ? ' (not in the config\'s hr.sources: its events are not mapped)' : '';
    if (status.configured) return `${indent}${status.source}: configured (${status.from})${listed}`;
    const why = status.problem ? ` (${status.problem})` : '';
    return `${indent}${status.source}: not configured${why}: deliveries get 503; ${status.hint}${listed}`;
  });
}
