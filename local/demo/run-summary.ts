import type { WorkflowRun } from '../engine/run-workflow.js';
import { readableCause } from '../engine/lambda-error.js';

/** An action and its outcome as the workflows report them (`ActionResult`). */
export interface ReportedAction {
  action: string;
  target: string;
  outcome: string;
  detail?: string;
}

/**
 * Every `ActionResult`-shaped object anywhere in a workflow output, in document order, without
 * duplicates (a summary may repeat what a results list holds).
 */
export function reportedActions(output: unknown): ReportedAction[] {
  const found = new Map<string, ReportedAction>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.action === 'string' && typeof record.target === 'string' && typeof record.outcome === 'string') {
      const key = `${record.action}|${record.target}|${record.outcome}`;
      if (!found.has(key)) {
        found.set(key, { action: record.action, target: record.target, outcome: record.outcome, detail: typeof record.detail === 'string' ? record.detail : undefined });
      }
      return;
    }
    Object.values(record).forEach(visit);
  };
  visit(output);
  return [...found.values()];
}

/** One readable paragraph about a run: the verdict, the counts by outcome, then each action. */
export function summarizeRun(run: WorkflowRun): string[] {
  const actions = reportedActions(run.status === 'SUCCEEDED' ? run.output : run.output ?? {});
  const counts = new Map<string, number>();
  for (const a of actions) counts.set(a.outcome, (counts.get(a.outcome) ?? 0) + 1);
  const tally = [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ') || 'no actions';
  const verdict =
    run.status === 'SUCCEEDED'
      ? `Succeeded in ${run.durationMs} ms, ${run.transitions} state transitions; ${tally}.`
      : `Failed (${run.error}: ${readableCause(run.cause)}) after ${run.durationMs} ms, ${run.transitions} state transitions; ${tally} before the failure.`;
  const lines = [verdict];
  for (const a of actions) lines.push(`  - ${a.action} ${a.target}: ${a.outcome}${a.detail ? ` (${a.detail})` : ''}`);
  return lines;
}
