import { startSimulator, type RunningSimulator } from '../../../local/simulator/index.js';
import { runWorkflow, type WorkflowRun } from '../../../local/engine/run-workflow.js';
import { statesEntered } from '../../../local/engine/trace.js';
import { loadJmlConfigFile } from '../../../functions/lib/config/load-jml-config.js';

/** The example config the scenarios run with unless they pass their own. */
export const EXAMPLE_CONFIG_FILE = new URL('../../../config/jml.example.yaml', import.meta.url).pathname;

/** The example config as an object, for scenarios that change one part of it. */
export function exampleConfig() {
  return loadJmlConfigFile(EXAMPLE_CONFIG_FILE);
}

/** A simulator of the demo org (no rate limiting: faults are injected explicitly). */
export async function startDemoSimulator(): Promise<RunningSimulator> {
  return startSimulator({ rateLimits: false });
}

/**
 * Runs a workflow against the simulator: waits and retry pauses shortened, one HTTP attempt per
 * call (so every retry is the state machine's and shows in the trace).
 */
export async function run(
  sim: RunningSimulator,
  workflow: 'joiner' | 'mover' | 'leaver',
  input: unknown,
  options: { config?: object; generation?: 'v1' | 'v2' } = {},
): Promise<WorkflowRun & { path: string[] }> {
  const result = await runWorkflow({
    workflow,
    input,
    api: { baseUrl: sim.baseUrl, apiKey: sim.apiKey, orgId: sim.orgId, generation: options.generation ?? 'v2' },
    ...(options.config ? { config: options.config } : { configFile: EXAMPLE_CONFIG_FILE }),
    shortenWaits: true,
    httpMaxAttempts: 1,
  });
  return { ...result, path: statesEntered(result.trace) };
}

/** The simulator's view of a user by email (throws when there is none: a test bug). */
export function simUser(sim: RunningSimulator, email: string) {
  const user = sim.state.findUserByEmail(email);
  if (!user) throw new Error(`no user ${email} in the simulator`);
  return user;
}

/** Sorted names of the groups a user is in, straight from the simulator's state. */
export function groupNames(sim: RunningSimulator, email: string): string[] {
  const user = simUser(sim, email);
  return [...sim.state.groupsOf(user.accountId)].map((id) => sim.state.getGroup(id)?.name ?? id).sort();
}

/** `{ action, target-suffix, outcome }` triples of a run's output, for compact assertions. */
export function outcomes(output: unknown): string[] {
  const actions = (output as { actions?: Array<{ action: string; target: string; outcome: string }> }).actions ?? [];
  return actions.map((a) => `${a.action} ${a.target.split(' -> ').at(-1)} ${a.outcome}`);
}

/** The parsed JSON cause of a run that ended on the failure path. */
export function failureRecord(run: WorkflowRun): { errorType: string; errorMessage: string; completed: Array<{ action: string; target: string; outcome: string }>; failed: Array<{ action: string; target: string; error: string }> } {
  return JSON.parse(run.cause ?? '{}');
}

/** The states retried during a run (one entry per retry). */
export function retriedStates(run: WorkflowRun): string[] {
  return run.trace.filter((entry) => entry.kind === 'StateRetried').map((entry) => entry.state as string);
}
