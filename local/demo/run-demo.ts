import { createDirectory } from '../../functions/lib/atlassian/directory/create-directory.js';
import { startEmbeddedSimulator } from '../engine/embedded-simulator.js';
import { runWorkflow } from '../engine/run-workflow.js';
import { formatTraceEntry } from '../engine/trace.js';
import { DEMO_ORG_NAME, DEMO_SITES } from '../simulator/model/demo-org.js';
import { renderPeopleTable, snapshotPeople, type PersonView } from './org-snapshot.js';
import { summarizeRun } from './run-summary.js';
import { stepLabel } from './step-label.js';
import { DEMO_STEPS, type DemoStep } from './scenarios.js';
import { runWebhookScene } from './webhook-scene.js';

export interface DemoOptions {
  out: { write(text: string): unknown };
  /** Also print each run's state-by-state trace. */
  verbose?: boolean;
  steps?: readonly DemoStep[];
}

interface StepResult {
  step: DemoStep;
  transitions: number;
  durationMs: number;
  status: string;
  problem?: string;
}

/** Short names for the demo org's resources in the people table. */
const siteName = (resourceId: string) => {
  if (resourceId === DEMO_SITES.jira.resourceId) return 'jira';
  if (resourceId === DEMO_SITES.confluence.resourceId) return 'confluence';
  return resourceId.startsWith('ari:cloud:platform::org/') ? 'org' : resourceId;
};

/**
 * `npm run demo`: a fresh simulator with the demo org, then a joiner, a mover, a dry-run leaver, a
 * leaver, a refused leaver and the inactivity sweep (dry run, then acting), each summarized, with
 * the people involved before and after.
 * Returns 0 only when every step ended as expected.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const print = (line = '') => options.out.write(`${line}\n`);
  const steps = options.steps ?? DEMO_STEPS;
  const simulator = await startEmbeddedSimulator('v2');
  try {
    const { api } = simulator;
    const directory = await createDirectory({ orgId: api.orgId, baseUrl: api.baseUrl, directoryId: api.directoryId, apiKey: async () => api.apiKey });
    const emails = [...new Set(steps.map((s) => s.email))];
    const snapshot = async (list: readonly string[]) => snapshotPeople(directory, list, siteName);

    print(`Atlassian JML demo: a fresh simulated org, ${DEMO_ORG_NAME} (${api.orgId}), v2 directory API at ${api.baseUrl}`);
    print('Access rules and protected accounts: config/jml.example.yaml. Wait states are shortened; nothing real is touched.');
    print();
    print('The people this demo touches, before:');
    renderPeopleTable(await snapshot(emails)).forEach((line) => print(`  ${line}`));

    const results: StepResult[] = [];
    for (const [i, step] of steps.entries()) {
      print();
      print(`${i + 1}. ${step.title}`);
      results.push(await runStep(step, snapshot, api, print, options.verbose ?? false));
    }

    print();
    print(`${steps.length + 1}. HR webhook: a termination recorded in HiBob arrives as a signed webhook at the local runtime`);
    const webhookProblem = options.steps ? undefined : await runWebhookScene(api, async (email) => (await directory.findUserByEmail(email))?.membershipStatus ?? 'unknown', print);
    print(`   ${webhookProblem ? `✗ not as expected: ${webhookProblem}` : '✓ as expected'}`);

    print();
    print('The same people, after:');
    renderPeopleTable(await snapshot(emails)).forEach((line) => print(`  ${line}`));
    print();
    print('State transitions per run (what a Step Functions Standard execution is billed for):');
    for (const r of results) {
      print(`  ${r.step.workflow.padEnd(7)} ${r.status.padEnd(9)} ${String(r.transitions).padStart(4)} transitions ${String(r.durationMs).padStart(6)} ms  ${stepLabel(r.step.title)}`);
    }
    const failures = results.filter((r) => r.problem);
    print();
    if (failures.length === 0 && !webhookProblem) print(`All ${results.length + 1} steps ended as expected.`);
    failures.forEach((r) => print(`NOT AS EXPECTED: "${r.step.title}": ${r.problem}`));
    if (webhookProblem) print(`NOT AS EXPECTED: "HR webhook": ${webhookProblem}`);
    return failures.length === 0 && !webhookProblem ? 0 : 1;
  } finally {
    await simulator.close();
  }
}

async function runStep(
  step: DemoStep,
  snapshot: (emails: readonly string[]) => Promise<PersonView[]>,
  api: Awaited<ReturnType<typeof startEmbeddedSimulator>>['api'],
  print: (line?: string) => void,
  verbose: boolean,
): Promise<StepResult> {
  print(`   input: ${JSON.stringify(step.input)}`);
  const [before] = await snapshot([step.email]);
  const run = await runWorkflow({
    workflow: step.workflow,
    input: step.input,
    api,
    shortenWaits: true,
    onEvent: (entry) => {
      const line = verbose ? formatTraceEntry(entry) : undefined;
      if (line) print(`  ${line}`);
    },
  });
  const [after] = await snapshot([step.email]);
  summarizeRun(run).forEach((line) => print(`   ${line}`));
  const problem = step.expect(run, before, after);
  print(`   ${problem ? `✗ not as expected: ${problem}` : '✓ as expected'}`);
  return { step, transitions: run.transitions, durationMs: run.durationMs, status: run.status, problem };
}
