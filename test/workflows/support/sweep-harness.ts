import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { runWorkflow, type WorkflowRun } from '../../../local/engine/run-workflow.js';
import { statesEntered } from '../../../local/engine/trace.js';
import type { BindableAction } from '../../../local/engine/task-bindings.js';
import type { RunningSimulator } from '../../../local/simulator/index.js';
import type { AccountDecision } from '../../../functions/lib/sweep/sweep-types.js';
import { exampleConfig } from './workflow-harness.js';

// The simulator runs without rate limits here: no need to pace last-active-dates at 200/min.
process.env.JML_LAST_ACTIVE_PER_MINUTE ??= '60000';

/** A fresh report folder per test, removed afterwards. */
export function useReportDir(): () => string {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return () => (dir ??= mkdtempSync(join(tmpdir(), 'jml-sweep-')));
}

/** The example config with the sweep enforcing, and any part replaced. */
export function sweepConfig(change: (config: ReturnType<typeof exampleConfig>) => void = () => {}) {
  const config = exampleConfig();
  config.inactivity.enforce = true;
  change(config);
  return config;
}

export type SweepRun = WorkflowRun & { path: string[]; output: any };

/** Runs the sweep against the simulator, every report into `reportDir`. */
export async function runSweep(
  sim: RunningSimulator,
  reportDir: string,
  options: { input?: unknown; config?: object; actions?: readonly BindableAction[] } = {},
): Promise<SweepRun> {
  const result = await runWorkflow({
    workflow: 'sweep',
    input: options.input ?? {},
    api: { baseUrl: sim.baseUrl, apiKey: sim.apiKey, orgId: sim.orgId },
    config: options.config ?? exampleConfig(),
    shortenWaits: true,
    httpMaxAttempts: 1,
    reportDir,
    ...(options.actions ? { actions: options.actions } : {}),
  });
  return { ...result, path: statesEntered(result.trace) } as SweepRun;
}

/** The decisions a run wrote (decisions.json in its folder), by email. */
export function decisionsOf(run: SweepRun, reportDir: string): Map<string, AccountDecision> {
  const prefix = (run.output?.request?.reportPrefix ?? reportPrefixFromReport(run.output)) as string;
  const decisions = JSON.parse(readFileSync(join(reportDir, ...prefix.split('/').filter(Boolean), 'decisions.json'), 'utf8')) as AccountDecision[];
  return new Map(decisions.map((d) => [d.email, d]));
}

function reportPrefixFromReport(output: any): string {
  const html: string = output?.report?.html ?? '';
  const at = html.indexOf('/sweep/');
  return html.slice(at + 1, html.lastIndexOf('/') + 1);
}
