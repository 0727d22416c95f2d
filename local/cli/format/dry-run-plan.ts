/** Lines of a dry run's plan shown in the terminal trace; the JSON output on stdout has all of it. */
export const PLAN_LINES_SHOWN = 10;

interface PlannedAction { action: string; target: string; detail?: string }
interface PlannedAccount { decision: string; email: string; name?: string; rule?: string; reason?: string }

/**
 * The first lines of what a dry run would change (`planned` in its output: the joiner's, mover's and
 * leaver's actions, the sweep's accounts), so a person sees who and what without reading the JSON.
 * Nothing for other outputs.
 */
export function dryRunPlanLines(output: unknown): string[] {
  if (typeof output !== 'object' || output === null) return [];
  const { status, planned, plannedMore } = output as { status?: unknown; planned?: unknown; plannedMore?: unknown };
  if (status !== 'DRY_RUN' || !Array.isArray(planned)) return [];
  if (planned.length === 0) return ['  plan: nothing to change'];
  /** Planned but not in the output (the sweep lists at most 100: its report has everyone). */
  const unlisted = typeof plannedMore === 'number' ? plannedMore : 0;
  const more = unlisted + Math.max(0, planned.length - PLAN_LINES_SHOWN);
  return [
    `  plan (${planned.length + unlisted}):`,
    ...planned.slice(0, PLAN_LINES_SHOWN).map((entry) => `    · ${describe(entry as PlannedAction | PlannedAccount)}`),
    ...(more > 0 ? [`    … and ${more} more (the output lists ${planned.length}${unlisted > 0 ? '; the report has everyone' : ''})`] : []),
  ];
}

function describe(entry: PlannedAction | PlannedAccount): string {
  if ('decision' in entry) {
    const who = entry.name ? `${entry.email} (${entry.name})` : entry.email;
    return `${entry.decision} ${who}${entry.rule ? `, rule ${entry.rule}` : ''}${entry.reason ? `: ${entry.reason}` : ''}`;
  }
  return `${entry.action} ${entry.target}${entry.detail ? `: ${entry.detail}` : ''}`;
}
