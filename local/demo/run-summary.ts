import type { WorkflowRun } from '../engine/run-workflow.js';
import { readableCause } from '../engine/lambda-error.js';

/** An action as the workflows report it: done/already/skipped (`ActionResult`) or, in a dry run, planned. */
export interface ReportedAction {
  action: string;
  target: string;
  /** `done`, `already`, `skipped`, or `planned` for a dry run's plan (which has no outcome). */
  outcome: string;
  detail?: string;
}

/**
 * Every action-shaped object (`{ action, target, outcome?, detail? }`) anywhere in a workflow
 * output, in document order, without duplicates (a summary may repeat what a results list holds).
 */
export function reportedActions(output: unknown): ReportedAction[] {
  const found = new Map<string, ReportedAction>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.action === 'string' && typeof record.target === 'string') {
      const outcome = typeof record.outcome === 'string' ? record.outcome : 'planned';
      const key = `${record.action}|${record.target}|${outcome}`;
      const detail = typeof record.detail === 'string' ? record.detail : undefined;
      if (!found.has(key)) found.set(key, { action: record.action, target: record.target, outcome, detail });
      return;
    }
    Object.values(record).forEach(visit);
  };
  visit(output);
  return [...found.values()];
}

/** Account id -> name of the person the run is about, so lines read "Linus Torvalds", not a UUID. */
function personNames(output: unknown): Map<string, string> {
  const names = new Map<string, string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.accountId === 'string' && typeof (record.name ?? record.email) === 'string') {
      names.set(record.accountId, (record.name ?? record.email) as string);
    }
    Object.values(record).forEach(visit);
  };
  visit(output);
  return names;
}

/**
 * A short readable account of a run: the verdict with counts by outcome (and the workflow's own
 * message when it has one), then one line per action. Details are shown where they explain
 * something: for anything not simply `done`.
 */
export function summarizeRun(run: WorkflowRun): string[] {
  const output = run.output ?? {};
  const names = personNames(output);
  const readable = (text: string) => [...names].reduce((t, [id, name]) => t.replaceAll(` (${id})`, '').replaceAll(id, name), text);
  const actions = reportedActions(output);
  const counts = new Map<string, number>();
  for (const a of actions) counts.set(a.outcome, (counts.get(a.outcome) ?? 0) + 1);
  const tally = [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ') || 'no actions';
  const cost = `${run.durationMs} ms, ${run.transitions} state transitions`;
  const message = typeof (output as { message?: unknown }).message === 'string' ? ` ${readable((output as { message: string }).message)}` : '';
  const verdict =
    run.status === 'SUCCEEDED'
      ? `Succeeded (${cost}).${message || ` ${tally}.`}`
      : `${run.error === 'Jml.ProtectedAccount' ? 'Refused' : 'Failed'} (${cost}) with ${run.error}: ${readableCause(run.cause)}. Before that: ${tally}.`;
  const lines = [verdict];
  for (const a of actions) {
    const why = a.outcome !== 'done' && a.detail ? ` (${readable(a.detail)})` : '';
    lines.push(`  - ${a.action} ${readable(a.target)}: ${a.outcome}${why}`);
  }
  return lines;
}
