/**
 * The handlers read their configuration from environment variables (docs/contracts.md), exactly
 * as in Lambda. The local engine runs them in-process, so it sets `process.env` before it loads
 * them. The handlers cache their Directory per distinct environment, so consecutive runs may use
 * different APIs; concurrent runs in one process must share one (they share `process.env`).
 */

import { fileURLToPath } from 'node:url';

/** The Atlassian Admin API the handlers talk to. */
export interface ApiTarget {
  /** As Atlassian's OpenAPI defines it: `https://api.atlassian.com/admin`, or `http://127.0.0.1:N/admin`. */
  baseUrl: string;
  /** The org API key. Only ever placed in this process's environment, never printed. */
  apiKey: string;
  orgId: string;
  /** @default 'v2' */
  generation?: 'v1' | 'v2';
  /** v2 directory id; discovered by the handlers when absent. */
  directoryId?: string;
}

/** Where the workflow-logic handlers find the access rules and protected accounts. */
export type ConfigSource = { json: unknown } | { file: string };

/** The example config that fits the simulator's demo org; the default when nothing else is set. */
export const DEFAULT_CONFIG_FILE = fileURLToPath(new URL('../../config/jml.example.yaml', import.meta.url));

/**
 * Quiet defaults for running handlers in a terminal: Powertools would otherwise print JSON logs
 * and EMF metrics on stdout, where the CLI prints the workflow output. Callers' values win.
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

/** Sets the handler environment for the next run. `env` is injectable for tests. */
export function configureHandlerEnvironment(
  settings: { api?: ApiTarget; config?: ConfigSource; httpMaxAttempts?: number; reportDir?: string },
  env: NodeJS.ProcessEnv = process.env,
): void {
  for (const [name, value] of Object.entries(LOCAL_DEFAULTS)) env[name] ??= value;
  if (settings.reportDir) env.JML_REPORT_DIR = settings.reportDir;
  else if (!env.JML_REPORT_BUCKET) env.JML_REPORT_DIR ??= DEFAULT_REPORT_DIR;
  if (settings.httpMaxAttempts !== undefined) env.ATLASSIAN_HTTP_MAX_ATTEMPTS = String(settings.httpMaxAttempts);
  if (settings.api) applyApiTarget(settings.api, env);
  applyConfigSource(settings.config, env);
}

function applyApiTarget(api: ApiTarget, env: NodeJS.ProcessEnv): void {
  env.ATLASSIAN_API_BASE_URL = api.baseUrl;
  env.ATLASSIAN_ORG_ID = api.orgId;
  env.ATLASSIAN_API_KEY = api.apiKey;
  env.ATLASSIAN_DIRECTORY_API = api.generation ?? 'v2';
  // A secret id would win over the literal key (runtime-config.ts): a local run uses the key it was given.
  delete env.ATLASSIAN_API_KEY_SECRET_ID;
  if (api.directoryId) env.ATLASSIAN_DIRECTORY_ID = api.directoryId;
  else delete env.ATLASSIAN_DIRECTORY_ID;
}

function applyConfigSource(config: ConfigSource | undefined, env: NodeJS.ProcessEnv): void {
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
