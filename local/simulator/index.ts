import type { AddressInfo } from 'node:net';
import { SimulatorControl } from './http/control.js';
import { createControlHandler } from './http/control-routes.js';
import { parseFaultSpec, type FaultRule } from './http/fault-spec.js';
import { FaultInjector } from './http/faults.js';
import { DOCUMENTED_RATE_LIMITS, RateLimiter, type RateLimits } from './http/rate-limiter.js';
import { createSimulatorServer } from './http/server.js';
import type { ServerTimeouts } from './http/server-timeouts.js';
import type { AuditSink } from './model/audit-input.js';
import { createAuditSink } from './model/audit.js';
import { SimClock } from './model/clock.js';
import { DEFAULT_API_KEY, DEFAULT_SEED, DEMO_DOMAIN, DEMO_ORG_ADMIN_EMAIL, DEMO_ORG_NAME, demoIds } from './model/demo-org.js';
import { populateOrg } from './model/generator.js';
import { DEFAULT_BEHAVIOUR, SimulatorState, type OrgBehaviour } from './model/simulator-state.js';
import { allRoutes } from './routes/index.js';

export { SimulatorState, type OrgBehaviour } from './model/simulator-state.js';
export { SimulatorControl, type ClockChange, type StateSummary } from './http/control.js';
export type { FaultRule, ScriptedFault } from './http/fault-spec.js';
export type { RateLimits } from './http/rate-limiter.js';
export type { ServerTimeouts } from './http/server-timeouts.js';
export type { UserSeed, GroupSeed } from './model/seed-input.js';
export { auditLogOf } from './model/audit.js';
export * from './model/demo-org.js';

export interface SimulatorStateOptions {
  /** Same seed, same org. Default `acme`. */
  seed?: string;
  /** Number of users; default the ~23-person demo org. */
  users?: number;
  /** Simulated time at start (default: now). Fix it for fully reproducible dates. */
  now?: Date | string;
  /** Simulated ms per real ms (default 1): 60 makes a rate-limit minute pass in a second. */
  timeScale?: number;
  behaviour?: Partial<OrgBehaviour>;
  /** Page sizes of the endpoints without a `limit` parameter. */
  pageSizes?: Partial<SimulatorState['pageSizes']>;
  /** Reports generation progress (see `GeneratorOptions.onProgress`); not called again on reset. */
  onProgress?: (done: number, total: number) => void;
  /** Builds the audit log (default: the simulator's event log behind `GET /v1/orgs/{orgId}/events`). */
  createAudit?: (state: SimulatorState) => AuditSink;
}

export interface SimulatorOptions extends SimulatorStateOptions {
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1 (loopback only: the control endpoint has no auth). */
  host?: string;
  /** Bearer token to accept. Default `sim-demo-api-key`. */
  apiKey?: string;
  /** Fault rules at start: the `--faults` syntax (see `fault-spec.ts`) or rule objects. */
  faults?: string | FaultRule[];
  /** Seed of the fault generator (default: the org seed). */
  faultSeed?: string;
  /** Requests per minute per class; `false` switches rate limiting off (benchmarks). */
  rateLimits?: Partial<RateLimits> | false;
  /** How long a client may take to send a request. @default headers 10 s, whole request 30 s, keep-alive 5 s */
  serverTimeouts?: Partial<ServerTimeouts>;
}

export interface RunningSimulator {
  /** e.g. `http://127.0.0.1:4010/admin`: use as `ATLASSIAN_API_BASE_URL`. */
  baseUrl: string;
  /** e.g. `http://127.0.0.1:4010/__control`. */
  controlUrl: string;
  port: number;
  orgId: string;
  directoryId: string;
  apiKey: string;
  state: SimulatorState;
  control: SimulatorControl;
  close(): Promise<void>;
}

/** Builds the org in-process (no HTTP): drive the model directly in tests. */
export function createSimulatorState(options: SimulatorStateOptions = {}): SimulatorState {
  const seed = options.seed ?? DEFAULT_SEED;
  const ids = demoIds(seed);
  const clock = new SimClock({ start: options.now === undefined ? undefined : new Date(options.now), timeScale: options.timeScale });
  const state = new SimulatorState({
    orgId: ids.orgId,
    orgName: seed === DEFAULT_SEED ? DEMO_ORG_NAME : `${seed} organization`,
    directoryId: ids.directoryId,
    directoryName: `${seed === DEFAULT_SEED ? DEMO_ORG_NAME : seed} directory`,
    actorId: ids.accountId(DEMO_ORG_ADMIN_EMAIL),
    claimedDomains: [DEMO_DOMAIN],
    clock,
    behaviour: options.behaviour,
  });
  Object.assign(state.pageSizes, options.pageSizes);
  state.audit = (options.createAudit ?? createAuditSink)(state);
  populateOrg(state, { seed, users: options.users, onProgress: options.onProgress });
  return state;
}

/** Starts the simulator on loopback with the generated org. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const state = createSimulatorState(options);
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const initialRules = typeof options.faults === 'string' ? parseFaultSpec(options.faults) : (options.faults ?? []);
  const faults = new FaultInjector(state.clock, options.faultSeed ?? options.seed ?? DEFAULT_SEED, initialRules);
  const limits: RateLimits = options.rateLimits === false
    ? { default: null, lastActiveDates: null, events: null }
    : { ...DOCUMENTED_RATE_LIMITS, ...options.rateLimits };
  const rateLimiter = new RateLimiter(state.clock, limits);
  const regenerate = () => {
    state.clear();
    state.behaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
    state.audit = (options.createAudit ?? createAuditSink)(state);
    populateOrg(state, { seed: options.seed, users: options.users });
  };
  const control = new SimulatorControl(state, faults, rateLimiter, regenerate, initialRules, limits);
  const server = createSimulatorServer({
    state, routes: allRoutes, apiKey: () => apiKey, rateLimiter, faults, control: createControlHandler(control), timeouts: options.serverTimeouts,
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;
  return {
    baseUrl: `${origin}/admin`,
    controlUrl: `${origin}/__control`,
    port,
    orgId: state.orgId,
    directoryId: state.directoryId,
    apiKey,
    state,
    control,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
  };
}
