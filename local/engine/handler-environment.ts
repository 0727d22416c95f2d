/**
 * The handlers read their configuration from environment variables (docs/contracts.md), exactly
 * as in Lambda. The local engine runs many executions in one process, each against its own API and
 * with its own config, so it never writes them into `process.env`: it builds one environment per
 * execution here and runs every Task invocation of that execution inside it
 * (functions/lib/handler-environment-scope.ts).
 */

import { fileURLToPath } from 'node:url';
import type { HandlerEnvironment } from '../../functions/lib/handler-environment-scope.js';

/** The Atlassian Admin API the handlers talk to. */
export interface ApiTarget {
  /** As Atlassian's OpenAPI defines it: `https://api.atlassian.com/admin`, or `http://127.0.0.1:N/admin`. */
  baseUrl: string;
  /** The org API key. Kept in the execution's environment object only, never in `process.env`, never printed. */
  apiKey: string;
  orgId: string;
  /** @default 'v2' */
  generation?: 'v1' | 'v2';
  /** v2 directory id; discovered by the handlers when absent. */
  directoryId?: string;
  /**
   * The org's request limit per minute: every execution in this process that calls this org shares
   * one pacer that keeps under it (`ATLASSIAN_REQUESTS_PER_MINUTE`). @default no client-side pacing
   */
  requestsPerMinute?: number;
}

/** Where the workflow-logic handlers find the access rules and protected accounts. */
export type ConfigSource = { json: unknown } | { file: string };

/** The example config that fits the simulator's demo org; the default when nothing else is set. */
export const DEFAULT_CONFIG_FILE = fileURLToPath(new URL('../../config/jml.example.yaml', import.meta.url));

/**
 * Quiet defaults for running handlers in a terminal: Powertools would otherwise print JSON logs
 * and EMF metrics on stdout, where the CLI prints the workflow output. Callers' values win.
 * Powertools reads these when its modules load, once per process, so they are process settings
 * (the same for every execution) and stay in `process.env`.
 */
const LOCAL_DEFAULTS: Record<string, string> = {
  POWERTOOLS_SERVICE_NAME: 'jml-local',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_METRICS_NAMESPACE: 'JmlLocal',
};

/**
 * Where local sweeps write their reports unless `JML_REPORT_DIR` (or `JML_REPORT_BUCKET`) is set:
 * `.jml/reports` in the working directory (the durable runtime points it at its data folder).
 */
export const DEFAULT_REPORT_DIR = '.jml/reports';

/** Sets the quiet Powertools defaults where the process has none. `env` is injectable for tests. */
export function applyLocalProcessDefaults(env: NodeJS.ProcessEnv = process.env): void {
  for (const [name, value] of Object.entries(LOCAL_DEFAULTS)) env[name] ??= value;
}

/** What one execution's handlers are configured with. */
export interface HandlerSettings {
  api?: ApiTarget;
  config?: ConfigSource;
  httpMaxAttempts?: number;
  /** Folder of the sweep's report store (`JML_REPORT_DIR`). @default the environment's, else `.jml/reports` */
  reportDir?: string;
  /** More handler variables for this execution only (e.g. `JML_CHANGE_BUDGET_DB`, `JML_SFN_ENDPOINT`). */
  variables?: Record<string, string>;
}

/**
 * The environment of one execution's handlers: the process's variables (so settings such as
 * `JML_CHANGE_BUDGET_DB` or, without `api`, `ATLASSIAN_*` apply to every run), with this run's API
 * target and config on top. A new frozen object: changing it later, or `process.env`, changes
 * nothing for a running execution.
 */
export function handlerEnvironmentFor(settings: HandlerSettings, base: NodeJS.ProcessEnv = process.env): HandlerEnvironment {
  const env: Record<string, string | undefined> = { ...LOCAL_DEFAULTS, ...base };
  if (settings.httpMaxAttempts !== undefined) env.ATLASSIAN_HTTP_MAX_ATTEMPTS = String(settings.httpMaxAttempts);
  if (settings.api) applyApiTarget(settings.api, env);
  applyConfigSource(settings.config, env);
  if (settings.reportDir) env.JML_REPORT_DIR = settings.reportDir;
  else if (!env.JML_REPORT_BUCKET) env.JML_REPORT_DIR ??= DEFAULT_REPORT_DIR;
  Object.assign(env, settings.variables);
  return Object.freeze(env);
}

function applyApiTarget(api: ApiTarget, env: Record<string, string | undefined>): void {
  env.ATLASSIAN_API_BASE_URL = api.baseUrl;
  env.ATLASSIAN_ORG_ID = api.orgId;
  env.ATLASSIAN_API_KEY = api.apiKey;
  env.ATLASSIAN_DIRECTORY_API = api.generation ?? 'v2';
  // A secret id would win over the literal key (runtime-config.ts): a local run uses the key it was given.
  delete env.ATLASSIAN_API_KEY_SECRET_ID;
  if (api.directoryId) env.ATLASSIAN_DIRECTORY_ID = api.directoryId;
  else delete env.ATLASSIAN_DIRECTORY_ID;
  if (api.requestsPerMinute !== undefined) env.ATLASSIAN_REQUESTS_PER_MINUTE = String(api.requestsPerMinute);
}

function applyConfigSource(config: ConfigSource | undefined, env: Record<string, string | undefined>): void {
  if (config && 'json' in config) {
    env.JML_CONFIG = JSON.stringify(config.json);
    delete env.JML_CONFIG_FILE;
  } else if (config) {
    env.JML_CONFIG_FILE = config.file;
    delete env.JML_CONFIG;
  } else if (env.JML_CONFIG === undefined && env.JML_CONFIG_FILE === undefined) {
    env.JML_CONFIG_FILE = DEFAULT_CONFIG_FILE;
  }
}
