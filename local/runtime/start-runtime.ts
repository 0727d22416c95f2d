import { assertConfigFitsOrg } from './config-against-org.js';
import { webhookRoute } from './http/webhook-route.js';
import { configuredWebhookSources, type WebhookSourceStatus } from '../../functions/lib/hr/configured-webhook-sources.js';
import { DEFAULT_SWEEP_SCHEDULE, SweepScheduler, type SweepScheduleOptions } from './sweep-scheduler.js';
import { STATE_MACHINE_ARN_VARIABLES } from '../../functions/lib/executions/state-machine-arns.js';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadJmlConfigFile } from '../../functions/lib/config/index.js';
import { startEmbeddedSimulator, type EmbeddedSimulator } from '../engine/embedded-simulator.js';
import type { ApiTarget } from '../engine/handler-environment.js';
import { ClockControl } from './clock/clock-control.js';
import { createRuntimeClock, type ClockMode } from './clock/runtime-clock.js';
import { Executor } from './executor/executor.js';
import { mountClockRoutes } from './http/clock-route.js';
import { Router } from './http/router.js';
import { createRuntimeServer } from './http/runtime-server.js';
import { startExecution } from './sfn/execution-operations.js';
import { sfnApiRoute } from './sfn/sfn-api-route.js';
import { DEFAULT_REGION, inRegion } from './sfn/arns.js';
import { StateMachineCatalog } from './state-machines.js';
import { SqliteChangeBudgetStore } from '../../functions/lib/change-budget/sqlite-store.js';
import { planForeignExecutions } from './executor/foreign-executions.js';
import { BackupSchedule } from './store/backup-schedule.js';
import { prepareDataFolder } from './store/data-folder.js';
import { ExecutionStore } from './store/execution-store.js';
import { orgBindingOf, type OrgBinding } from './store/org-binding.js';
import { SpaceWatch } from './store/space-watch.js';
import { DEFAULT_CONCURRENCY, DEFAULT_DATA_DIR, DEFAULT_PORT } from './runtime-defaults.js';
import { RuntimeLog, type LogFormat } from './runtime-log.js';

export { DEFAULT_CONCURRENCY, DEFAULT_DATA_DIR, DEFAULT_PORT };

/** The example access rules, which fit the simulator's demo org. */
export const DEFAULT_RUNTIME_CONFIG_FILE = fileURLToPath(new URL('../../config/jml.example.yaml', import.meta.url));

export interface RuntimeOptions {
  /** Loopback port; 0 picks a free one. @default 8083 */
  port?: number;
  /** Where the SQLite store lives. @default `.jml` (relative to the working directory) */
  dataDir?: string;
  /** The Admin API of an org. @default an embedded simulator with the demo org (its state in memory) */
  api?: ApiTarget;
  /** Access rules and protected accounts (JSON or YAML), validated before anything starts. @default config/jml.example.yaml */
  configFile?: string;
  /** `manual`: only `POST /__control/clock` moves time. @default 'system' */
  clock?: ClockMode;
  /** Executions running states at once; waiting ones hold no slot. @default 16 */
  concurrency?: number;
  /** When the runtime starts the inactivity sweep; `false` for never. @default daily 06:00 UTC, as on AWS */
  sweepSchedule?: SweepScheduleOptions | false;
  /** Check the config's groups, resources and protected accounts against the org before starting. @default true */
  verifyConfigAgainstOrg?: boolean;
  /** RUNNING executions bound to another org end ABORTED without running, instead of refusing the start. @default false */
  abortForeignExecutions?: boolean;
  /** RUNNING executions of unknown org (started before orgs were recorded) are bound to this org and run. @default false */
  adoptUnknownExecutions?: boolean;
  /** The wall clock the daily backups are dated by (tests). @default the system time */
  backupClock?: () => Date;
  /** How often a full data folder is tried again when no request tries a write. @default 10 s */
  spaceCheckIntervalMs?: number;
  /** Where the log's lines go (never secrets; personal data: emails only). @default stderr */
  log?: (line: string) => void;
  /** `text` lines, or one JSON object per line (runtime-log.ts). @default 'text' */
  logFormat?: LogFormat;
}

export interface RunningRuntime {
  /** e.g. `http://127.0.0.1:8083`: the `endpoint` of an SFNClient, `--endpoint-url` of the AWS CLI. */
  endpoint: string;
  port: number;
  /** The inactivity sweep's schedule, when one runs: cron, time zone and the next start. */
  sweepSchedule?: SweepScheduleOptions & { nextRun: Date };
  /** Mount more routes here (e.g. `POST /webhooks/:source`); the browser guards apply to them too. */
  router: Router;
  stateMachines: ReadonlyArray<{ name: string; arn: string; workflow: string }>;
  /** The SQLite file. */
  dataFile: string;
  /** The store (tests cap its size to play a full disk: `store.capSizeForTests`). */
  store: ExecutionStore;
  api: { baseUrl: string; orgId: string; embedded: boolean };
  /** The org every execution started here is bound to (and every resumed one was started for). */
  org: OrgBinding;
  /** RUNNING executions of another org ended ABORTED at start (`abortForeignExecutions`), and those of unknown org adopted. */
  foreignExecutions: { aborted: number; adopted: number };
  /** The embedded simulator's control endpoint, when there is one. */
  simulatorControlUrl?: string;
  clockMode: ClockMode;
  concurrency: number;
  /** Per HR webhook source, whether its signing secret is configured (names only, never values). */
  webhookSources: WebhookSourceStatus[];
  /** Executions found RUNNING at start and continued, and how many of them were in a Wait. */
  resumed: { running: number; waiting: number };
  /**
   * `StartExecution` without HTTP, with the same checks and idempotency (for triggers mounted in
   * this process: webhooks, schedules). @throws SfnError as the API would answer.
   */
  startExecution(request: { stateMachineArn: string; name?: string; input?: string }): { executionArn: string; startDate: Date };
  /** The execution pool (stats for tests and benchmarks). */
  executor: Executor;
  /** Stops serving; running executions stay RUNNING in the store and continue at the next start. */
  close(): Promise<void>;
}

/**
 * Starts the local runtime: one process on 127.0.0.1 that hosts `workflows/*.asl.json` as Step
 * Functions state machines on the local engine, serves the Step Functions API (docs/runtime.md),
 * keeps every execution in SQLite and continues the RUNNING ones where they were.
 */
export async function startRuntime(options: RuntimeOptions = {}): Promise<RunningRuntime> {
  // Every line of the runtime goes through the log, in its format (webhooks, executions, components' messages).
  const runtimeLog = new RuntimeLog(options.log ?? ((line: string) => process.stderr.write(`${line}\n`)), options.logFormat ?? 'text');
  const log = runtimeLog.message;
  const configFile = options.configFile ?? DEFAULT_RUNTIME_CONFIG_FILE;
  const config = loadJmlConfigFile(configFile); // a wrong entry stops the start, with its path
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  // A folder that cannot be made or written fails here, at once, with its path and the reason.
  const dataDir = prepareDataFolder(options.dataDir ?? DEFAULT_DATA_DIR, log);
  const store = new ExecutionStore(dataDir); // damaged, newer or held by another runtime: refused, left as it is
  let changeBudget: SqliteChangeBudgetStore | undefined;
  let simulator: EmbeddedSimulator | undefined;
  let server: Server | undefined;
  let backups: BackupSchedule | undefined;
  const spaceWatch = new SpaceWatch(store.writes, options.spaceCheckIntervalMs);
  const unwatchWrites = store.writes.subscribe({
    blocked: (error) => log(`${error.message} Until then StartExecution answers 503 ServiceUnavailable and running executions pause at their next step.`),
    reopened: () => log(`the data folder ${dataDir} takes writes again: new executions start, paused ones continue`),
  });
  try {
    // The leaver brake's store is checked now too: a damaged one refuses the start, not a leaver later.
    const changeBudgetFile = join(dataDir, 'change-budget.sqlite');
    changeBudget = new SqliteChangeBudgetStore(changeBudgetFile);
    const clock = createRuntimeClock(options.clock ?? 'system', store);
    const catalog = await StateMachineCatalog.load(store, clock.engine.now());
    simulator = options.api ? undefined : await startEmbeddedSimulator();
    const api = options.api ?? (simulator as EmbeddedSimulator).api;
    const org = orgBindingOf(api, simulator !== undefined);
    // What the handlers of every execution (and the webhook receiver) see beside the process's variables:
    // the daily leaver brake's count in the data folder (restarts included), and this runtime as the
    // Step Functions endpoint the hr-event workflow starts joiners, movers and leavers on.
    const handlerRegion = process.env.AWS_REGION ?? DEFAULT_REGION;
    const handlerVariables: Record<string, string> = {
      JML_CHANGE_BUDGET_DB: changeBudgetFile,
      // The sweep's reports live beside the executions that wrote them.
      JML_REPORT_DIR: join(dataDir, 'reports'),
      JML_CONFIG_FILE: configFile,
      AWS_REGION: handlerRegion,
      ...stateMachineArnVariables(catalog.all, handlerRegion),
    };
    const executor = new Executor({ store, catalog, clock: clock.engine, api, org, configFile, concurrency, log, handlerVariables, observer: runtimeLog });
    // Before anything runs or calls the org: executions of another org never run against this one.
    const foreignPlan = planForeignExecutions(store, executor, org, {
      abort: options.abortForeignExecutions ?? false, adoptUnknown: options.adoptUnknownExecutions ?? false, log,
    });
    if (options.verifyConfigAgainstOrg ?? true) await assertConfigFitsOrg(config, configFile, api);
    const foreignExecutions = foreignPlan.apply();
    const budget = changeBudget;
    backups = new BackupSchedule([
      { name: 'runtime.sqlite', backups: store.backups, backup: (file) => store.backup(file) },
      { name: 'change-budget.sqlite', backups: budget.backups, backup: (file) => budget.backup(file) },
    ], options.backupClock ?? (() => new Date()), log);
    // Online, in the background: a 1 GB store takes ~10 s to copy and the runtime serves meanwhile.
    void backups.runDue();
    backups.start();
    const clockControl = new ClockControl(clock, executor, store, (deltaMs) => simulator?.advanceClock(deltaMs));

    // In-process starts (webhooks, schedule) answer in the default region; HTTP requests in the one they signed for.
    const context = { catalog, store, executor, region: DEFAULT_REGION };
    const router = new Router();
    router.add('POST', '/', sfnApiRoute(context, log));
    mountClockRoutes(router, clockControl);
    router.add('POST', '/webhooks/:source', webhookRoute(() => Object.freeze({ ...process.env, ...handlerVariables }), (delivery) => runtimeLog.webhookDelivery(delivery)));
    let port = options.port ?? DEFAULT_PORT;
    server = createRuntimeServer(router, () => port, log);
    port = await listen(server, port);
    handlerVariables.JML_SFN_ENDPOINT = `http://127.0.0.1:${port}`;
    const resumed = executor.resumeAll();
    const sweepArn = catalog.all.find((machine) => machine.workflow === 'sweep')?.arn;
    const schedule = options.sweepSchedule ?? DEFAULT_SWEEP_SCHEDULE;
    const scheduler = schedule && sweepArn
      ? new SweepScheduler(schedule, clock.engine, (run) => startExecution(context, { stateMachineArn: sweepArn, name: run.name, input: JSON.stringify(run.input) }), log)
      : undefined;

    const listening = server;
    const embedded = simulator;
    const backupSchedule = backups;
    let closed: Promise<void> | undefined;
    return {
      endpoint: `http://127.0.0.1:${port}`,
      port,
      router,
      stateMachines: catalog.all.map(({ name, arn, workflow }) => ({ name, arn: inRegion(arn, DEFAULT_REGION), workflow })),
      dataFile: store.file,
      store,
      api: { baseUrl: api.baseUrl, orgId: api.orgId, embedded: embedded !== undefined },
      org,
      foreignExecutions,
      ...(embedded ? { simulatorControlUrl: embedded.controlUrl } : {}),
      clockMode: clock.mode,
      concurrency,
      resumed,
      webhookSources: configuredWebhookSources({ ...process.env, ...handlerVariables }, config.hr),
      startExecution: (request) => {
        const started = startExecution(context, request) as { executionArn: string; startDate: number };
        return { executionArn: started.executionArn, startDate: new Date(started.startDate * 1000) };
      },
      executor,
      ...(scheduler ? { sweepSchedule: { ...(schedule as SweepScheduleOptions), nextRun: scheduler.nextRun } } : {}),
      close: () => (closed ??= (async () => {
        scheduler?.stop();
        spaceWatch.stop();
        unwatchWrites();
        await closeServer(listening);
        await executor.shutdown();
        await backupSchedule.stop();
        budget.close();
        store.close();
        await embedded?.close();
      })()),
    };
  } catch (error) {
    if (server?.listening) await closeServer(server);
    spaceWatch.stop();
    unwatchWrites();
    await backups?.stop();
    changeBudget?.close();
    store.close();
    await simulator?.close();
    throw error;
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE'
        ? new Error(`Port ${port} on 127.0.0.1 is in use (another runtime?): stop it, or pass --port <another port>.`)
        : error);
    });
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** `JML_LEAVER_STATE_MACHINE_ARN=...` and so on: where StartExecution of each workflow goes (in the handlers' region). */
function stateMachineArnVariables(machines: ReadonlyArray<{ arn: string; workflow: string }>, region: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [workflow, variable] of Object.entries(STATE_MACHINE_ARN_VARIABLES)) {
    const machine = machines.find((m) => m.workflow === workflow);
    if (machine) variables[variable] = inRegion(machine.arn, region);
  }
  return variables;
}
