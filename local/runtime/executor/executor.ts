import { abortError, type EngineClock } from '../../engine/engine-clock.js';
import type { ApiTarget } from '../../engine/handler-environment.js';
import { runWorkflow, type ResumePoint, type WorkflowRun } from '../../engine/run-workflow.js';
import { DEFAULT_REGION, executionArn, inRegion } from '../sfn/arns.js';
import { LOCAL_ROLE_ARN, type HostedStateMachine, type StateMachineCatalog } from '../state-machines.js';
import type { ExecutionStore } from '../store/execution-store.js';
import { describeOrg, sameOrg, type OrgBinding } from '../store/org-binding.js';
import type { ExecutionOutcome, ExecutionRecord, StoredHistoryEvent } from '../store/store-types.js';
import { DataFolderUnwritableError } from '../store/write-gate.js';
import { jsonText } from '../history/execution-data.js';
import { HistoryBuilder } from '../history/history-builder.js';
import { ActiveExecution } from './active-execution.js';
import type { ExecutionObserver } from './execution-observer.js';
import { ExecutionSlot } from './execution-slot.js';
import { WorkerPool } from './worker-pool.js';

export interface ExecutorOptions {
  store: ExecutionStore;
  catalog: StateMachineCatalog;
  /** What Wait states wait on; also the source of every timestamp. */
  clock: EngineClock;
  /** The Admin API every execution's handlers call. */
  api: ApiTarget;
  /** Which org that is: recorded on every execution started, required of every execution resumed. */
  org: OrgBinding;
  /** Access rules and protected accounts (validated at start). */
  configFile: string;
  /** Executions running states at once. */
  concurrency: number;
  /** Handler variables every execution gets (the change-budget store in the data folder, ...). */
  handlerVariables?: Record<string, string>;
  /** Problems the runtime cannot report through the API (never with secrets). */
  log: (line: string) => void;
  /** Told of every start and end (the runtime's log: runtime-log.ts). */
  observer?: ExecutionObserver;
}

/**
 * Runs executions on the local engine: each one queues for a worker slot, runs until it ends or
 * reaches a Wait (then gives the slot back, and queues again when the wait is over), and persists
 * every step as it goes so a restart continues where it was (`resumeAll`).
 *
 * When the data folder takes no writes (a full disk), an execution whose step cannot be recorded
 * pauses: its run is aborted unrecorded, so it stays RUNNING at its last recorded checkpoint, and
 * it continues from there (as after a restart) once the store's write gate reopens.
 */
export class Executor {
  private readonly pool: WorkerPool;
  private readonly active = new Map<number, ActiveExecution>();
  private readonly runs = new Set<Promise<void>>();
  private readonly idleListeners = new Set<() => void>();
  /** Executions paused for lack of room: id -> ARN. */
  private readonly paused = new Map<number, string>();
  private closing = false;

  constructor(private readonly options: ExecutorOptions) {
    this.pool = new WorkerPool(options.concurrency);
    options.store.writes.subscribe({ blocked: () => {}, reopened: () => setImmediate(() => this.continuePaused()) });
  }

  /** Records a new RUNNING execution (with its ExecutionStarted event) and queues it. */
  start(machine: HostedStateMachine, name: string, input: string): ExecutionRecord {
    if (this.closing) throw new Error('the runtime is shutting down');
    const startMs = this.options.clock.now();
    const builder = new HistoryBuilder(machine.definition, 0, () => this.options.clock.now());
    const record = this.options.store.insertExecution(
      { arn: executionArn(machine.name, name), stateMachineArn: machine.arn, name, input, startMs, org: this.options.org },
      builder.executionStarted(input, LOCAL_ROLE_ARN),
    );
    this.notify(record, (observer) => observer.started(record));
    this.launch(record, machine);
    return record;
  }

  /**
   * Continues every RUNNING execution of the store (at start). Returns how many, and how many of them wait.
   * @throws Error when one is bound to another org: `planForeignExecutions` deals with those first.
   */
  resumeAll(): { running: number; waiting: number } {
    let waiting = 0;
    const running = this.options.store.runningExecutions();
    const foreign = running.find((record) => !sameOrg(record.org, this.options.org));
    if (foreign) throw new Error(`${foreign.arn} is bound to ${describeOrg(foreign.org)}, not to ${describeOrg(this.options.org)}: it must not run here.`);
    for (const record of running) {
      const machine = this.options.catalog.byArn(record.stateMachineArn);
      if (!machine) {
        this.closeAsFailed(record, 'States.Runtime', `The state machine ${record.stateMachineArn} is no longer hosted by this runtime.`);
        continue;
      }
      if (record.resume?.waitUntil) waiting += 1;
      this.launch(record, machine);
    }
    return { running: running.length, waiting };
  }

  /**
   * Stops a RUNNING execution: ABORTED now (persisted before anything else happens), then its run
   * is aborted, so no further state runs and no further API call is made. Returns the stop date.
   */
  stop(record: ExecutionRecord, error?: string, cause?: string): number {
    if (record.status !== 'RUNNING') return record.stopMs ?? record.startMs;
    const stopMs = this.options.clock.now();
    const active = this.active.get(record.id);
    const builder = active?.history ?? this.historyOf(record);
    this.close(record, { status: 'ABORTED', error, cause, stopMs }, builder.executionAborted(active?.current, error, cause));
    if (active) {
      active.sealed = true;
      active.controller.abort();
    }
    return stopMs;
  }

  /** What the executions of this process are doing, and the most that ever ran states at once. */
  stats(): { running: number; queued: number; waiting: number; peakRunning: number } {
    const phases = [...this.active.values()].map((execution) => execution.phase);
    const count = (phase: string) => phases.filter((p) => p === phase).length;
    return { running: count('running'), queued: count('queued'), waiting: count('waiting'), peakRunning: this.pool.peakBusy };
  }

  /** Executions paused because the data folder took no writes, waiting for room (ARNs, as answers to unsigned requests show them). */
  pausedExecutions(): string[] {
    return [...this.paused.values()].map((arn) => inRegion(arn, DEFAULT_REGION));
  }

  /** Continues the executions paused for lack of room, from their last recorded step. Returns how many. */
  continuePaused(): number {
    if (this.closing || this.options.store.writes.isClosed) return 0;
    const paused = [...this.paused.entries()];
    this.paused.clear();
    let continued = 0;
    for (const [, arn] of paused) {
      const record = this.options.store.findByArn(arn);
      const machine = record && this.options.catalog.byArn(record.stateMachineArn);
      if (record?.status !== 'RUNNING' || !machine || this.active.has(record.id)) continue; // stopped meanwhile
      this.launch(record, machine);
      continued += 1;
    }
    if (continued > 0) this.options.log(`${continued} execution(s) paused for lack of room in the data folder continue from their last recorded step`);
    return continued;
  }

  /** Executions that are queued for a slot or running states (not waiting, not done): ARNs as answers to unsigned requests show them. */
  busyExecutions(): string[] {
    return [...this.active.values()].filter((a) => a.phase === 'queued' || a.phase === 'running').map((a) => inRegion(a.record.arn, DEFAULT_REGION));
  }

  /** Resolves true once no execution is queued or running states, false after `timeoutMs`. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.busyExecutions().length === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (idle: boolean) => {
        clearTimeout(timer);
        this.idleListeners.delete(check);
        resolve(idle);
      };
      const check = () => {
        if (this.busyExecutions().length === 0) done(true);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      this.idleListeners.add(check);
    });
  }

  /**
   * Stops running anything: every execution is aborted without being recorded as such, so it stays
   * RUNNING with its checkpoint and continues at the next start.
   */
  async shutdown(): Promise<void> {
    this.closing = true;
    for (const execution of this.active.values()) {
      execution.sealed = true;
      execution.controller.abort();
    }
    await Promise.allSettled([...this.runs]);
  }

  private launch(record: ExecutionRecord, machine: HostedStateMachine): void {
    const execution = new ActiveExecution(record, machine, this.options.store, () => this.options.clock.now());
    this.active.set(record.id, execution);
    const run = this.run(execution)
      .catch((error: unknown) => this.options.log(`execution ${record.arn}: ${(error as Error).stack ?? String(error)}`))
      .finally(() => {
        execution.phase = 'done';
        if (this.active.get(record.id) === execution) this.active.delete(record.id);
        this.runs.delete(run);
        if (execution.paused && !this.closing) {
          this.paused.set(record.id, record.arn);
          if (!this.options.store.writes.isClosed) setImmediate(() => this.continuePaused()); // room came back meanwhile
        }
        this.notifyPhase();
      });
    this.runs.add(run);
  }

  private async run(execution: ActiveExecution): Promise<void> {
    const { record, machine, controller } = execution;
    const slot = new ExecutionSlot(
      this.pool,
      (phase) => {
        execution.phase = phase;
        this.notifyPhase();
      },
      // With the data folder full, a step could not be recorded: the execution pauses before it runs one.
      () => {
        if (this.options.store.writes.tryReopen()) return;
        this.pause(execution);
        throw abortError();
      },
    );
    const resume: ResumePoint | undefined = record.resume
      ? { state: record.resume.state, input: JSON.parse(record.resume.input) as unknown, ...(record.resume.waitUntil ? { waitUntil: record.resume.waitUntil } : {}) }
      : undefined;
    try {
      // A resumed wait holds no slot: it queues for one when its time comes (ExecutionSlot.clock).
      if (resume?.waitUntil) execution.phase = 'running';
      else await slot.take(controller.signal);
      const result = await runWorkflow({
        workflow: machine.workflow,
        input: JSON.parse(record.input) as unknown,
        api: this.options.api,
        configFile: this.options.configFile,
        ...(this.options.handlerVariables ? { handlerVariables: this.options.handlerVariables } : {}),
        clock: slot.clock(this.options.clock),
        signal: controller.signal,
        executionName: record.name,
        traceTaskCalls: true, // the history shows each Lambda call's payload and result, as AWS does
        ...(resume ? { resume } : {}),
        onEvent: (entry) => this.guard(execution, () => execution.onTrace(entry)),
        onWait: (notice) => this.guard(execution, () => execution.onWait(notice)),
      });
      if (!execution.sealed) this.recordOrPause(execution, () => this.finish(execution, result));
    } catch (error) {
      if (execution.sealed) return; // stopped while queued, paused, or shutting down
      this.recordOrPause(execution, () => this.closeAsFailed(record, 'States.Runtime', `The execution could not run: ${(error as Error).message}`, execution));
    } finally {
      slot.giveBack();
    }
  }

  /** Runs a write of the execution's end; when the data folder takes no writes, the execution pauses instead. */
  private recordOrPause(execution: ActiveExecution, write: () => void): void {
    try {
      write();
    } catch (error) {
      if (!(error instanceof DataFolderUnwritableError)) throw error;
      this.pause(execution);
    }
  }

  /** Stops the run without recording anything more: it stays RUNNING at its last recorded step (see `launch`). */
  private pause(execution: ActiveExecution): void {
    if (execution.paused) return;
    execution.paused = true;
    execution.sealed = true;
    execution.controller.abort();
  }

  private finish(execution: ActiveExecution, run: WorkflowRun): void {
    const { history, record } = execution;
    const stopMs = this.options.clock.now();
    if (run.status === 'SUCCEEDED') {
      const output = jsonText(run.output ?? null);
      this.close(record, { status: 'SUCCEEDED', output, stopMs }, [history.executionSucceeded(output)]);
    } else if (run.status === 'FAILED') {
      this.close(record, { status: 'FAILED', error: run.error, cause: run.cause, stopMs }, [history.executionFailed(run.error, run.cause)]);
    } else {
      this.close(record, { status: 'ABORTED', stopMs }, history.executionAborted(execution.current));
    }
  }

  private closeAsFailed(record: ExecutionRecord, error: string, cause: string, execution?: ActiveExecution): void {
    const history = execution?.history ?? this.historyOf(record);
    this.close(record, { status: 'FAILED', error, cause, stopMs: this.options.clock.now() }, [history.executionFailed(error, cause)]);
  }

  /** Records an execution's end, then tells the observer. */
  private close(record: ExecutionRecord, outcome: ExecutionOutcome, events: StoredHistoryEvent[]): void {
    this.options.store.closeExecution(record.id, outcome, events);
    this.notify(record, (observer) => observer.ended(record, outcome));
  }

  /** Tells the observer of a recorded start or end; its failure must not undo or interrupt anything. */
  private notify(record: ExecutionRecord, tell: (observer: ExecutionObserver) => void): void {
    if (!this.options.observer) return;
    try {
      tell(this.options.observer);
    } catch (error) {
      this.options.log(`execution ${record.arn}: could not report it: ${(error as Error).message}`);
    }
  }

  /** History of an execution not running in this process, continuing at its last event id. */
  private historyOf(record: ExecutionRecord): HistoryBuilder {
    const definition = this.options.catalog.byArn(record.stateMachineArn)?.definition ?? { StartAt: '', States: {} };
    return new HistoryBuilder(definition, record.lastEventId, () => this.options.clock.now());
  }

  /**
   * A store failure while recording must not break the engine's event stream. A step that cannot be
   * recorded for lack of room pauses the execution (nothing further runs unrecorded); any other
   * failure is logged.
   */
  private guard(execution: ActiveExecution, write: () => void): void {
    try {
      write();
    } catch (error) {
      if (error instanceof DataFolderUnwritableError) this.pause(execution);
      else this.options.log(`execution ${execution.record.arn}: could not record a step: ${(error as Error).message}`);
    }
  }

  private notifyPhase(): void {
    for (const listener of [...this.idleListeners]) listener();
  }
}
