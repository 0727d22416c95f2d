import './polyfills.js';
import { randomUUID } from 'node:crypto';
import { ExecutionTimeoutError, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { AslStateMachine } from './asl-types.js';
import { configureHandlerEnvironment, type ApiTarget, type ConfigSource } from './handler-environment.js';
import { loadRegistryActions } from './registry-actions.js';
import { inlineStateNames, shortenedRetries, shortenedWaits } from './state-overrides.js';
import { bindTaskStates, substituteLocalArns, type BindableAction } from './task-bindings.js';
import { TraceRecorder, type EngineEvent, type TraceEntry } from './trace.js';
import { loadWorkflowDefinition, type WorkflowName } from './workflow-definition.js';

export interface RunWorkflowOptions {
  workflow: WorkflowName;
  /** The execution input (validate it with the workflow's input schema first; the engine does not). */
  input: unknown;
  /** The API the handlers call. @default the `ATLASSIAN_*` variables already in the environment */
  api?: ApiTarget;
  /** Access rules / protected accounts as a JSON object (becomes `JML_CONFIG`). */
  config?: object;
  /** Path of a JSON/YAML config (becomes `JML_CONFIG_FILE`). @default config/jml.example.yaml when no JML_CONFIG* is set */
  configFile?: string;
  /** Every Wait state (effective time, grace period) passes at once. @default false */
  shortenWaits?: boolean;
  /** Retries happen at once instead of after their backoff. Only for a simulator. @default shortenWaits */
  shortenRetries?: boolean;
  /**
   * Attempts per HTTP call inside a handler (`ATLASSIAN_HTTP_MAX_ATTEMPTS`); 1 leaves every retry to
   * the state machine's Retry, which makes it visible in the trace. @default the environment's (client default)
   */
  httpMaxAttempts?: number;
  /** Called for every trace entry as the execution runs (e.g. print `formatTraceEntry(entry)`). */
  onEvent?: (entry: TraceEntry) => void;
  /** `$$.Execution.Name`. @default `<workflow>-<uuid>` */
  executionName?: string;
  /** Runs this definition instead of `workflows/<workflow>.asl.json` (tests, experiments). */
  definition?: AslStateMachine;
  /** Binds Tasks to these actions instead of functions/registry.ts (tests). */
  actions?: readonly BindableAction[];
}

export interface WorkflowRun {
  status: 'SUCCEEDED' | 'FAILED';
  executionName: string;
  /**
   * SUCCEEDED: the execution output. FAILED: the input of the Fail state that ended it (the
   * record of what was done, as the execution history shows it), absent if no Fail state ran.
   */
  output?: unknown;
  /** FAILED: the error name, e.g. `Atlassian.Forbidden` or the Fail state's `Error`. */
  error?: string;
  /** FAILED: the cause as Step Functions reports it (for a Lambda error, the runtime's JSON). */
  cause?: string;
  /** State transitions as Step Functions Standard bills them: states entered + retries. */
  transitions: number;
  trace: TraceEntry[];
  durationMs: number;
}

/**
 * Runs one workflow's ASL with aws-local-stepfunctions, every Task bound in-process to its
 * registry handler. Resolves for SUCCEEDED and FAILED executions alike; rejects only when the
 * execution cannot start (unreadable definition, unbound Task, handler that fails to load) or
 * when `onEvent` throws (after the execution has ended).
 */
export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRun> {
  const config: ConfigSource | undefined =
    options.config !== undefined ? { json: options.config } : options.configFile ? { file: options.configFile } : undefined;
  // Before any handler module loads: they read their configuration at cold start.
  configureHandlerEnvironment({ api: options.api, config, httpMaxAttempts: options.httpMaxAttempts });

  const definition = structuredClone(options.definition ?? (await loadWorkflowDefinition(options.workflow)));
  inlineStateNames(definition);
  const taskResourceLocalHandlers = await bindTaskStates(definition, options.actions ?? (await loadRegistryActions()));
  const shortenRetries = options.shortenRetries ?? options.shortenWaits ?? false;

  substituteLocalArns(definition);
  const machine = createStateMachine(definition);
  const executionName = options.executionName ?? `${options.workflow}-${randomUUID()}`;
  const stateMachineArn = `arn:aws:states:local:000000000000:stateMachine:jml-${options.workflow}`;
  const startedAt = Date.now();
  const recorder = new TraceRecorder(options.onEvent, startedAt);

  const execution = machine.run(options.input as never, {
    overrides: {
      taskResourceLocalHandlers,
      waitTimeOverrides: options.shortenWaits ? shortenedWaits(definition) : {},
      retryIntervalOverrides: shortenRetries ? shortenedRetries(definition) : {},
    },
    context: {
      Execution: { Id: `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${executionName}`, Name: executionName },
      StateMachine: { Id: stateMachineArn, Name: `jml-${options.workflow}` },
    },
  });
  // A throwing onEvent must not become an unhandled rejection while the execution still runs.
  let traceError: unknown;
  const consumed = (async () => {
    for await (const event of execution.eventLogs) recorder.record(event as EngineEvent);
  })().catch((error: unknown) => {
    traceError = error;
  });

  let run: Pick<WorkflowRun, 'status' | 'output' | 'error' | 'cause'>;
  try {
    run = { status: 'SUCCEEDED', output: await execution.result };
  } catch (thrown) {
    if (thrown instanceof ExecutionTimeoutError) {
      run = { status: 'FAILED', error: 'States.Timeout', cause: 'The execution ran longer than the state machine TimeoutSeconds.' };
    } else {
      const failure = thrown instanceof Error && thrown.cause instanceof Error ? thrown.cause : (thrown as Error);
      run = { status: 'FAILED', error: failure.name, cause: failure.message };
    }
  }
  await consumed;
  if (traceError !== undefined) throw traceError;
  if (run.status === 'FAILED') run.output = failStateInput(recorder.entries);
  return { ...run, executionName, transitions: recorder.transitions, trace: recorder.entries, durationMs: Date.now() - startedAt };
}

/**
 * Validating a definition costs a few hundred ms (asl-validator compiles its schemas each time),
 * so each distinct definition is validated once per process.
 */
const validatedDefinitions = new Set<string>();

function createStateMachine(definition: AslStateMachine): StateMachine {
  const key = JSON.stringify(definition);
  const noValidate = validatedDefinitions.has(key);
  const machine = new StateMachine(definition as unknown as StateMachineDefinition, { validationOptions: { noValidate } });
  validatedDefinitions.add(key);
  return machine;
}

function failStateInput(trace: readonly TraceEntry[]): unknown {
  const entered = trace.filter((e) => e.kind === 'StateEntered' && e.stateType === 'Fail' && e.index === undefined);
  return entered.at(-1)?.input;
}
