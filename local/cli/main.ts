import { join } from 'node:path';
import { formatTraceEntry } from '../engine/trace.js';
import { runWorkflow, type WorkflowRun } from '../engine/run-workflow.js';
import { isWorkflowName, WORKFLOW_NAMES, type WorkflowName } from '../engine/workflow-definition.js';
import { checkWorkflowInput, readInputJsonSchema } from '../engine/workflow-input.js';
import { startEmbeddedSimulator } from '../engine/embedded-simulator.js';
import { readableCause } from '../engine/lambda-error.js';
import { LOG_LEVELS, parseCommandLine, type CliValues } from './cli-options.js';
import { readInput, UsageError, withDryRun } from './read-input.js';
import { resolveConfig, resolveRunTarget, resolveShortWaits, type RunTarget } from './api-target-options.js';
import { guardConfigBeforeRun } from './run-config-guard.js';
import { USAGE_LINES, usageText } from './usage.js';
import { packageVersion } from './version.js';
import { describeWait } from './wait-notice.js';
import { dryRunPlanLines } from './format/dry-run-plan.js';
import { checkConfigCommand } from './check-config-command.js';
import { findExecutionCommand, runExecutionCommand } from './commands/execution-commands.js';

export { EXIT_ABORTED, EXIT_FAILED, EXIT_SUCCEEDED, EXIT_USAGE, type CliIo } from './cli-io.js';
import { EXIT_ABORTED, EXIT_FAILED, EXIT_SUCCEEDED, EXIT_USAGE, type CliIo } from './cli-io.js';

/** Where `jml run` keeps local state unless --data says otherwise: the same folder as `npm start`. */
const DEFAULT_DATA_DIR = '.jml';

/** `jml` itself: returns the exit code (0 succeeded, 1 execution failed, 2 bad usage, input or config, 130 Ctrl-C). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  // start / executions / describe / history / stop: executions on the local runtime or AWS (own options).
  const executionCommand = findExecutionCommand(argv);
  if (executionCommand) return runExecutionCommand(executionCommand, argv, io);
  try {
    const { values, positionals } = parseCommandLine(argv);
    const [command, workflow, ...extra] = positionals;
    if (values.help || command === 'help') {
      io.stdout.write(await usageText());
      return EXIT_SUCCEEDED;
    }
    if (values.version) {
      io.stdout.write(`${await packageVersion()}\n`);
      return EXIT_SUCCEEDED;
    }
    if (command === undefined) throw new UsageError('no command given', [], true);
    if (command === 'check-config') return await checkConfigCommand(positionals.slice(1), values, io);
    if (command !== 'run' && command !== 'schema') throw unknownCommand(command);
    if (extra.length > 0) throw new UsageError(`unexpected argument(s): ${extra.join(' ')}`);
    const name = requireWorkflow(workflow);
    if (command === 'schema') return await printSchema(name, io);
    return await runCommand(name, values, io);
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      const details = (error as UsageError).details?.map((d) => `  - ${d}\n`).join('') ?? '';
      const usage = (error as UsageError).showUsage ? `${USAGE_LINES.join('\n')}\n` : '';
      io.stderr.write(`jml: ${(error as Error).message}\n${details}${usage}Run with --help for every option.\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`jml: the execution could not run: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  }
}

/** A first word that is not a command; a workflow name there means `run` was left out. */
function unknownCommand(command: string): UsageError {
  const hint = isWorkflowName(command) ? `did you mean "jml run ${command}"?` : 'the commands are run, schema, check-config, start, executions, describe, history and stop';
  return new UsageError(`unknown command ${JSON.stringify(command)}: ${hint}`, [], true);
}

function requireWorkflow(workflow: string | undefined): WorkflowName {
  if (workflow === undefined || !isWorkflowName(workflow)) {
    throw new UsageError(`give a workflow: ${WORKFLOW_NAMES.join(', ')}${workflow ? ` (not ${JSON.stringify(workflow)})` : ''}`);
  }
  return workflow;
}

async function printSchema(workflow: WorkflowName, io: CliIo): Promise<number> {
  const schema = await readInputJsonSchema(workflow);
  if (!schema) throw new Error(`workflows/schemas/${workflow}.input.schema.json has not been generated`);
  io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
  return EXIT_SUCCEEDED;
}

async function runCommand(workflow: WorkflowName, values: CliValues, io: CliIo): Promise<number> {
  // Everything that can be wrong with the command line is checked before any API call.
  const target = resolveRunTarget(values, io.env);
  const shortWaits = resolveShortWaits(values, target);
  const { file: configFile, source: configSource, config } = resolveConfig(values, io.env);
  const dataDir = values.data ?? DEFAULT_DATA_DIR;
  if (dataDir.trim() === '') throw new UsageError('--data needs a folder, e.g. --data .jml');
  // The sweep's input is all optional (a schedule starts it with {}): --input may be left out.
  let input = values.input === undefined && workflow === 'sweep' ? {} : await readInput(values.input, io.readStdin);
  if (values['dry-run']) input = withDryRun(input);
  const checked = await checkWorkflowInput(workflow, input);
  if (!checked.ok) throw new UsageError(`the ${workflow} input is not valid (nothing was called):`, checked.problems);
  // The sweep without "dryRun" is a dry run unless the config enforces (inactivity.enforce).
  const requested = (checked.input as { dryRun?: boolean }).dryRun;
  const dryRun = requested ?? (workflow === 'sweep' && !config.inactivity.enforce);
  if (values['log-level']) {
    const level = values['log-level'].toUpperCase();
    if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, not ${JSON.stringify(values['log-level'])}`);
    io.env.POWERTOOLS_LOG_LEVEL = level;
    io.env.POWERTOOLS_DEV = 'true'; // logs through the global console, which the CLI sends to stderr
  }

  const simulator = target.kind === 'embedded' ? await startEmbeddedSimulator(target.generation) : undefined;
  try {
    const api = simulator?.api ?? (target as Extract<RunTarget, { kind: 'external' }>).api;
    const where = simulator ? `the embedded simulator (demo org ${api.orgId})` : `${api.baseUrl} (org ${api.orgId})`;
    const log = (line: string) => { if (!values.quiet) io.stderr.write(`${line}\n`); };
    log(`▶ ${workflow} against ${where}${shortWaits ? ', waits shortened' : ''}`);
    const guard = await guardConfigBeforeRun({
      config, source: configSource, api, workflow, embedded: simulator !== undefined, dryRun, skip: values['no-check'] === true, dataDir, now: io.now ?? Date.now,
    });
    if (!guard.go) {
      io.stderr.write(`jml: ${guard.message}\n`);
      return guard.exitCode;
    }
    log(guard.note);
    const run = await runWorkflow({
      workflow,
      input, // as given: the workflow validates it again, as it would in AWS
      api,
      configFile,
      ...(values.data !== undefined ? { reportDir: join(dataDir, 'reports') } : {}),
      shortenWaits: shortWaits,
      shortenRetries: simulator !== undefined,
      onEvent: (entry) => {
        if (entry.kind === 'WaitStarted' && !entry.shortened) return; // onWait says it in full
        const line = formatTraceEntry(entry);
        if (line) log(line);
      },
      onWait: (notice) => log(describeWait(notice)),
      signal: io.signal,
    });
    if (run.status === 'SUCCEEDED') for (const line of dryRunPlanLines(run.output)) log(line);
    log(`■ ${run.status} in ${run.durationMs} ms, ${run.transitions} state transitions (execution ${run.executionName})`);
    io.stdout.write(`${JSON.stringify(resultDocument(run), null, 2)}\n`);
    return run.status === 'SUCCEEDED' ? EXIT_SUCCEEDED : run.status === 'ABORTED' ? EXIT_ABORTED : EXIT_FAILED;
  } finally {
    await simulator?.close();
  }
}

/** stdout: the output on success; on failure the error, a readable cause and the failure record. */
function resultDocument(run: WorkflowRun): unknown {
  if (run.status === 'SUCCEEDED') return run.output;
  if (run.status === 'ABORTED') {
    return { status: 'ABORTED', message: 'Stopped by Ctrl-C: nothing further was changed. The record shows what was done.', record: run.output };
  }
  return { status: 'FAILED', error: run.error, cause: readableCause(run.cause), ...(run.output !== undefined ? { record: run.output } : {}) };
}
