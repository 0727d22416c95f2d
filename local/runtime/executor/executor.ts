import type { EngineClock } from '../../engine/engine-clock.js';
import type { ApiTarget } from '../../engine/handler-environment.js';
import { runWorkflow, type ResumePoint, type WorkflowRun } from '../../engine/run-workflow.js';
import { executionArn } from '../sfn/arns.js';
import { LOCAL_ROLE_ARN, type HostedStateMachine, type StateMachineCatalog } from '../state-machines.js';
import type { ExecutionStore } from '../store/execution-store.js';
import type { ExecutionOutcome, ExecutionRecord, StoredHistoryEvent } from '../store/store-types.js';
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
 */
export class Executor {
  private readonly pool: WorkerPool;
  private readonly active = new Map<number, ActiveExecution>();
  private readonly runs = new Set<Promise<void>>();
  private readonly idleListeners = new Set<() => void>();
  private closing = false;

  constructor(private readonly options: ExecutorOptions) {
    this.pool = new WorkerPool(options.concurrency);
  }

  /** Records a new RUNNING execution (with its ExecutionStarted event) and queues it. */
  start(machine: HostedStateMachine, name: string, input: string): ExecutionRecord {
    if (this.closing) throw new Error('the runtime is shutting down');
    const startMs = this.options.clock.now();
    const builder = new HistoryBuilder(machine.definition, 0, () => this.options.clock.now());
    const record = this.options.store.insertExecution(
      { arn: executionArn(machine.name, name), stateMachineArn: machine.arn, name, input, startMs },
      builder.executionStarted(input, LOCAL_ROLE_ARN),
    );
    this.notify(record, (observer) => observer.started(record));
    this.launch(record, machine);
    return record;
  }

  /** Continues every RUNNING execution of the store (at start). Returns how many, and how many of them wait. */
  resumeAll(): { running: number; waiting: number } {
    let waiting = 0;
    const running = this.options.store.runningExecutions();
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

  /** Executions that are queued for a slot or running states (not waiting, not done). */
  busyExecutions(): string[] {
    return [...this.active.values()].filter((a) => a.phase === 'queued' || a.phase === 'running').map((a) => a.record.arn);
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
    const run = this.run(execution).finally(() => {
      execution.phase = 'done';
      this.active.delete(record.id);
      this.runs.delete(run);
      this.notifyPhase();
    });
    this.runs.add(run);
  }

  private async run(execution: ActiveExecution): Promise<void> {
    const { record, machine, controller } = execution;
    const slot = new ExecutionSlot(this.pool, (phase) => {
      execution.phase = phase;
      this.notifyPhase();
    });
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
        onEvent: (entry) => this.guard(record, () => execution.onTrace(entry)),
        onWait: (notice) => this.guard(record, () => execution.onWait(notice)),
      });
      if (!execution.sealed) this.finish(execution, result);
    } catch (error) {
      if (execution.sealed) return; // stopped while queued, or shutting down
      this.closeAsFailed(record, 'States.Runtime', `The execution could not run: ${(error as Error).message}`, execution);
    } finally {
      slot.giveBack();
    }
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

  /** A store failure while recording must not break the engine's event stream: it is logged instead. */
  private guard(record: ExecutionRecord, write: () => void): void {
    try {
      write();
    } catch (error) {
      this.options.log(`execution ${record.arn}: could not record a step: ${(error as Error).message}`);
    }
  }

  private notifyPhase(): void {
    for (const listener of [...this.idleListeners]) listener();
  }
}
