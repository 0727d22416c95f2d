import './polyfills.js';
import { randomUUID } from 'node:crypto';
import { ExecutionAbortedError, ExecutionTimeoutError, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { AslState, AslStateMachine } from './asl-types.js';
import { isAbortError, systemClock, type EngineClock } from './engine-clock.js';
import { applyLocalProcessDefaults, handlerEnvironmentFor, type ApiTarget, type ConfigSource } from './handler-environment.js';
import { loadRegistryActions } from './registry-actions.js';
import { inlineStateNames, scaleRetries, shortenedRetries, shortenedWaits } from './state-overrides.js';
import { bindTaskStates, substituteLocalArns, type BindableAction, type TaskHandlers } from './task-bindings.js';
import { TaskCalls } from './task-calls.js';
import { TraceRecorder, type EngineEvent, type TraceEntry } from './trace.js';
import { assertNestedWaitsFit, segmentDefinition, topLevelWaits, waitDeadline, waitOutput } from './wait-states.js';
import { loadWorkflowDefinition, type WorkflowName } from './workflow-definition.js';

export interface RunWorkflowOptions {
  workflow: WorkflowName;
  /** The execution input (validate it with the workflow's input schema first; the engine does not). */
  input: unknown;
  /** The API this execution's handlers call. @default the `ATLASSIAN_*` variables of `process.env` */
  api?: ApiTarget;
  /** Access rules / protected accounts as a JSON object (this execution's `JML_CONFIG`). */
  config?: object;
  /** Path of a JSON/YAML config (this execution's `JML_CONFIG_FILE`). @default config/jml.example.yaml when process.env sets no JML_CONFIG* */
  configFile?: string;
  /** Every Wait state (effective time, grace period) passes at once. @default false */
  shortenWaits?: boolean;
  /** Retries happen at once instead of after their backoff. Only for a simulator. @default shortenWaits */
  shortenRetries?: boolean;
  /**
   * Retry pauses are divided by this (backoff and jitter kept): against a simulator running at
   * `timeScale` X, pass X so the real retry policy meets rate-limit windows in the same proportion
   * as in production. Ignored when retries are shortened. @default 1
   */
  retryTimeScale?: number;
  /**
   * Attempts per HTTP call inside a handler (`ATLASSIAN_HTTP_MAX_ATTEMPTS`); 1 leaves every retry to
   * the state machine's Retry, which makes it visible in the trace. @default the environment's (client default)
   */
  httpMaxAttempts?: number;
  /** More handler variables for this execution only, e.g. `{ JML_CHANGE_BUDGET_DB: '.jml/change-budget.sqlite' }`. */
  handlerVariables?: Record<string, string>;
  /** Folder of the sweep's report store (`JML_REPORT_DIR`). @default the environment's, else `.jml/reports` */
  reportDir?: string;
  /** Called for every trace entry as the execution runs (e.g. print `formatTraceEntry(entry)`). */
  onEvent?: (entry: TraceEntry) => void;
  /** Task entries carry their Lambda call's payload and result (`taskInput`, `taskOutput`), as a history shows them. @default false */
  traceTaskCalls?: boolean;
  /**
   * Called before a real (not shortened) top-level Wait starts, with its deadline; the engine waits
   * for the returned promise first (a durable runtime persists the wait there).
   */
  onWait?: (wait: WaitNotice) => void | Promise<void>;
  /** The clock Wait states wait on. @default the system clock (long waits chained under Node's timer cap) */
  clock?: EngineClock;
  /** Aborting ends the execution ABORTED: during a wait at once, otherwise after the running state. */
  signal?: AbortSignal;
  /** Continues an execution at a top-level state with that state's input (e.g. after a restart). */
  resume?: ResumePoint;
  /** `$$.Execution.Name`. @default `<workflow>-<uuid>` */
  executionName?: string;
  /** Runs this definition instead of `workflows/<workflow>.asl.json` (tests, experiments). */
  definition?: AslStateMachine;
  /** Binds Tasks to these actions instead of functions/registry.ts (tests). */
  actions?: readonly BindableAction[];
}

/** A top-level Wait about to start. */
export interface WaitNotice {
  state: string;
  /** ISO-8601 UTC time the Wait ends. */
  until: string;
  /** The state's raw input (the record so far). */
  input: unknown;
  comment?: string;
}

/** Where a resumed execution continues. For a Wait, `waitUntil` keeps the deadline it had. */
export interface ResumePoint {
  state: string;
  input: unknown;
  waitUntil?: string;
}

export interface WorkflowRun {
  status: 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  executionName: string;
  /**
   * SUCCEEDED: the execution output. FAILED: the input of the Fail state that ended it (the
   * record of what was done, as the execution history shows it), absent if no Fail state ran.
   * ABORTED during a wait: the state's input there (the record so far).
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

type Outcome = Pick<WorkflowRun, 'status' | 'output' | 'error' | 'cause'>;
type SegmentEnd = { kind: 'wait'; state: string; input: unknown } | { kind: 'end'; outcome: Outcome };

/**
 * Runs one workflow's ASL with aws-local-stepfunctions, every Task bound in-process to its
 * registry handler, and every top-level Wait waited for in full on `clock` (see wait-states.ts).
 * Resolves for SUCCEEDED, FAILED and ABORTED executions alike; rejects only when the execution
 * cannot start (unreadable definition, unbound Task, handler that fails to load) or when
 * `onEvent` throws (after the execution has ended).
 */
export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRun> {
  const config: ConfigSource | undefined =
    options.config !== undefined ? { json: options.config } : options.configFile ? { file: options.configFile } : undefined;
  // Process-wide Powertools defaults, before any handler module loads; everything execution-specific
  // goes into this execution's own handler environment, never into process.env.
  applyLocalProcessDefaults();
  const environment = handlerEnvironmentFor({ api: options.api, config, httpMaxAttempts: options.httpMaxAttempts, reportDir: options.reportDir, variables: options.handlerVariables });

  const definition = structuredClone(options.definition ?? (await loadWorkflowDefinition(options.workflow)));
  inlineStateNames(definition);
  const clock = options.clock ?? systemClock;
  const taskCalls = options.traceTaskCalls ? new TaskCalls() : undefined;
  const taskResourceLocalHandlers = await bindTaskStates(definition, options.actions ?? (await loadRegistryActions()), environment, () => clock.now(), taskCalls);
  substituteLocalArns(definition);
  // The checked-in workflows are validated by the tests (test/workflows/asl-definitions.test.ts);
  // compiling asl-validator's schemas costs ~0.4 s per process, so only other definitions pay it.
  if (options.definition) validateOnce(definition);
  if (options.retryTimeScale !== undefined && options.retryTimeScale !== 1) scaleRetries(definition, options.retryTimeScale);
  assertNestedWaitsFit(definition, options.shortenWaits === true);

  const executionName = options.executionName ?? `${options.workflow}-${randomUUID()}`;
  const startedAt = Date.now();
  const recorder = new TraceRecorder(options.onEvent, startedAt, taskCalls);
  const execution = new ExecutionRunner(options, definition, taskResourceLocalHandlers, executionName, recorder);
  const outcome = await execution.run();
  if (outcome.status === 'FAILED' && outcome.output === undefined) outcome.output = failStateInput(recorder.entries);
  return { ...outcome, executionName, transitions: recorder.transitions, trace: recorder.entries, durationMs: Date.now() - startedAt };
}

/** One execution: segments of the definition run by aws-local-stepfunctions, with the engine's waits between them. */
class ExecutionRunner {
  private readonly waits: Map<string, AslState>;
  private readonly clock: EngineClock;
  private traceError: unknown;

  constructor(
    private readonly options: RunWorkflowOptions,
    private readonly definition: AslStateMachine,
    private readonly handlers: TaskHandlers,
    private readonly executionName: string,
    private readonly recorder: TraceRecorder,
  ) {
    this.waits = topLevelWaits(definition);
    this.clock = options.clock ?? systemClock;
  }

  async run(): Promise<Outcome> {
    const { resume } = this.options;
    this.emit({ type: 'ExecutionStarted' });
    let at = resume?.state ?? this.definition.StartAt;
    let input = resume ? resume.input : this.options.input;
    let resumedDeadline = resume?.waitUntil;
    if (resume && this.waits.has(at)) this.emit({ type: 'StateEntered', state: { name: at, type: 'Wait', input } });
    let outcome: Outcome;
    for (;;) {
      const wait = this.waits.get(at);
      if (wait) {
        const waited = await this.waitAt(at, wait, input, resumedDeadline);
        resumedDeadline = undefined;
        if (waited.kind === 'end') {
          outcome = waited.outcome;
          break;
        }
        if (wait.End === true) {
          outcome = { status: 'SUCCEEDED', output: waited.output };
          break;
        }
        [at, input] = [String(wait.Next), waited.output];
        continue;
      }
      const end = await this.runSegment(at, input);
      if (end.kind === 'end') {
        outcome = end.outcome;
        break;
      }
      [at, input] = [end.state, end.input];
    }
    if (outcome.status === 'SUCCEEDED') this.emit({ type: 'ExecutionSucceeded' });
    if (outcome.status === 'ABORTED') this.emit({ type: 'ExecutionAborted' });
    if (this.traceError !== undefined) throw this.traceError;
    return outcome;
  }

  /** Waits out a top-level Wait (entered already) and exits it; an abort ends the execution here. */
  private async waitAt(name: string, state: AslState, input: unknown, resumedDeadline?: string) {
    const deadline = resumedDeadline ? Date.parse(resumedDeadline) : waitDeadline(name, state, input, this.clock.now());
    const until = new Date(deadline).toISOString().replace(/\.000Z$/, 'Z');
    const shortened = this.options.shortenWaits === true;
    this.emit({ type: 'WaitStarted', state: { name, type: 'Wait' }, until, shortened });
    if (!shortened) {
      try {
        this.options.signal?.throwIfAborted();
        await this.options.onWait?.({ state: name, until, input, ...(typeof state.Comment === 'string' ? { comment: state.Comment } : {}) });
        await this.clock.sleepUntil(deadline, this.options.signal);
      } catch (error) {
        if (!isAbortError(error) && !this.options.signal?.aborted) throw error;
        return { kind: 'end' as const, outcome: { status: 'ABORTED' as const, output: input } };
      }
    }
    this.emit({ type: 'StateExited', state: { name, type: 'Wait' } });
    return { kind: 'waited' as const, output: waitOutput(name, state, input) };
  }

  /** Runs from `startAt` until the execution ends or reaches a top-level Wait. */
  private async runSegment(startAt: string, input: unknown): Promise<SegmentEnd> {
    const segment = structuredClone(segmentDefinition(this.definition, startAt));
    const machine = new StateMachine(segment as unknown as StateMachineDefinition, { validationOptions: { noValidate: true } });
    const shortenRetries = this.options.shortenRetries ?? this.options.shortenWaits ?? false;
    const { workflow } = this.options;
    const stateMachineArn = `arn:aws:states:local:000000000000:stateMachine:jml-${workflow}`;
    const execution = machine.run(input as never, {
      overrides: {
        taskResourceLocalHandlers: this.handlers,
        // Only Waits nested in a Map or Parallel are left to aws-local-stepfunctions.
        waitTimeOverrides: this.options.shortenWaits ? shortenedWaits(this.definition) : {},
        retryIntervalOverrides: shortenRetries ? shortenedRetries(this.definition) : {},
      },
      context: {
        Execution: { Id: `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${this.executionName}`, Name: this.executionName },
        StateMachine: { Id: stateMachineArn, Name: `jml-${workflow}` },
      },
    });
    const abort = () => execution.abort();
    this.options.signal?.addEventListener('abort', abort, { once: true });
    if (this.options.signal?.aborted) abort();

    let stoppedAt: { state: string; input: unknown } | undefined;
    let lastInput: unknown = input; // an abort leaves the record as the last top-level state saw it
    const consumed = (async () => {
      for await (const raw of execution.eventLogs) {
        const event = raw as EngineEvent;
        if (event.type === 'ExecutionStarted' || event.type === 'ExecutionSucceeded' || event.type === 'ExecutionAborted') continue;
        const atTopLevelWait = event.index === undefined && event.state !== undefined && this.waits.has(event.state.name);
        if (atTopLevelWait && event.type === 'StateExited') continue; // the engine exits the Wait after waiting
        if (event.type === 'StateEntered' && event.index === undefined) lastInput = event.state?.input;
        if (atTopLevelWait && event.type === 'StateEntered') stoppedAt = { state: event.state!.name, input: event.state!.input };
        this.recorder.record(atTopLevelWait ? { ...event, state: { ...event.state!, type: 'Wait' } } : event);
      }
    })().catch((error: unknown) => {
      // A throwing onEvent must not become an unhandled rejection while the execution still runs.
      this.traceError ??= error;
    });

    let outcome: Outcome;
    try {
      outcome = { status: 'SUCCEEDED', output: await execution.result };
    } catch (thrown) {
      outcome = failureOutcome(thrown);
    } finally {
      this.options.signal?.removeEventListener('abort', abort);
    }
    await consumed;
    if (outcome.status === 'ABORTED') outcome.output = lastInput;
    if (outcome.status === 'SUCCEEDED' && stoppedAt) return { kind: 'wait', ...stoppedAt };
    return { kind: 'end', outcome };
  }

  private emit(event: Omit<EngineEvent, 'timestamp'>): void {
    try {
      this.recorder.record({ timestamp: Date.now(), ...event });
    } catch (error) {
      this.traceError ??= error;
    }
  }
}

function failureOutcome(thrown: unknown): Outcome {
  if (thrown instanceof ExecutionAbortedError) return { status: 'ABORTED' };
  if (thrown instanceof ExecutionTimeoutError) {
    return { status: 'FAILED', error: 'States.Timeout', cause: 'The execution ran longer than the state machine TimeoutSeconds.' };
  }
  const failure = thrown instanceof Error && thrown.cause instanceof Error ? thrown.cause : (thrown as Error);
  return { status: 'FAILED', error: failure.name, cause: failure.message };
}

/**
 * Validating a definition costs a few hundred ms (asl-validator compiles its schemas each time),
 * so each distinct definition is validated once per process; the segments cut from it are not.
 */
const validatedDefinitions = new Set<string>();

function validateOnce(definition: AslStateMachine): void {
  const key = JSON.stringify(definition);
  if (validatedDefinitions.has(key)) return;
  // Constructing a StateMachine validates it (and mutates what it is given: hand it a clone).
  new StateMachine(structuredClone(definition) as unknown as StateMachineDefinition);
  validatedDefinitions.add(key);
}

function failStateInput(trace: readonly TraceEntry[]): unknown {
  const entered = trace.filter((e) => e.kind === 'StateEntered' && e.stateType === 'Fail' && e.index === undefined);
  return entered.at(-1)?.input;
}
