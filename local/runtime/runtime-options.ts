import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { configuredWebhookSources } from '../../functions/lib/hr/configured-webhook-sources.js';
import { webhookSourceLines } from './webhook-sources-status.js';
import { loadJmlConfigFile } from '../../functions/lib/config/load-jml-config.js';
import type { RuntimeOptions } from './start-runtime.js';
import { CronError, parseCron } from '../../functions/lib/schedule/cron-schedule.js';
import { isTimeZone } from '../../functions/lib/schedule/time-zone.js';
import { DEFAULT_SWEEP_SCHEDULE, type SweepScheduleOptions } from './sweep-scheduler.js';
import { LOG_FORMATS } from './runtime-log.js';
import { DEFAULT_CONCURRENCY, DEFAULT_DATA_DIR, DEFAULT_PORT } from './runtime-defaults.js';

/** A command line the runtime cannot start with; the message is one line that says what to change. */
export class RuntimeUsageError extends Error {
  override name = 'RuntimeUsageError';
}

const FLAGS = {
  port: { type: 'string' },
  data: { type: 'string' },
  'api-url': { type: 'string' },
  'org-id': { type: 'string' },
  'directory-api': { type: 'string' },
  'directory-id': { type: 'string' },
  config: { type: 'string' },
  clock: { type: 'string' },
  concurrency: { type: 'string' },
  'sweep-schedule': { type: 'string' },
  'sweep-time-zone': { type: 'string' },
  'abort-foreign-executions': { type: 'boolean' },
  'adopt-unknown-executions': { type: 'boolean' },
  'log-format': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const RUNTIME_USAGE = `Usage: npm start -- [options]

Serves the Step Functions API on 127.0.0.1 for the state machines of workflows/ (jml-<workflow>),
runs their executions on the local engine and keeps them in SQLite (they survive restarts).

  --port N            loopback port (default ${DEFAULT_PORT}; 0 picks a free one)
  --data DIR          where the store lives (default ${DEFAULT_DATA_DIR}/)
  --api-url URL       Admin API of a real org, e.g. https://api.atlassian.com/admin (key from ATLASSIAN_API_KEY);
                      without it an embedded simulator with the demo org is started (its state is in memory)
  --org-id ID         org id, required with --api-url
  --directory-api V   v2 (default) or v1
  --directory-id ID   v2 directory id (discovered when absent)
  --config FILE       access rules and protected accounts, JSON or YAML (default config/jml.example.yaml)
  --clock MODE        system (default) or manual: only POST /__control/clock moves time (tests, demos)
  --concurrency N     executions running states at once (default ${DEFAULT_CONCURRENCY}; waiting ones hold no slot)
  --sweep-schedule C  when the inactivity sweep starts: a 5-field cron (default "0 6 * * *", daily 06:00, as on AWS),
                      or off
  --sweep-time-zone Z IANA time zone of the schedule (default UTC)
  --abort-foreign-executions
                      running executions started for another org (or the embedded simulator) end ABORTED,
                      without running, instead of refusing the start
  --adopt-unknown-executions
                      running executions of unknown org (from before orgs were recorded) run against this org
  --log-format F      text (default): readable lines on stderr; json: one JSON object per line (time, level, event, ...)
  -h, --help          this text

Try: AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local aws stepfunctions list-state-machines \\
       --endpoint-url http://127.0.0.1:${DEFAULT_PORT} --region us-east-1
`;

/** The usage text, with which HR webhook sources the environment configures now. */
export function runtimeUsage(env: NodeJS.ProcessEnv): string {
  const sources = webhookSourceLines(configuredWebhookSources(env), '  ');
  return `${RUNTIME_USAGE}\nHR webhook sources (POST /webhooks/<source>), from this environment:\n${sources.join('\n')}\n`;
}

/** The parsed command line: `help`, or the options to start with. */
export type RuntimeCommand = { help: true } | { help: false; options: RuntimeOptions };

/**
 * Reads and checks every flag before anything starts (a bad one is a `RuntimeUsageError`). The
 * org API key comes only from `ATLASSIAN_API_KEY`, so it stays out of shell history and `ps`.
 */
export function parseRuntimeCommandLine(argv: string[], env: NodeJS.ProcessEnv): RuntimeCommand {
  let values: { [K in keyof typeof FLAGS]?: (typeof FLAGS)[K]['type'] extends 'boolean' ? boolean : string };
  try {
    ({ values } = parseArgs({ args: argv, options: FLAGS, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new RuntimeUsageError((error as Error).message.split('\n')[0] as string);
  }
  if (values.help) return { help: true };
  const options: RuntimeOptions = {
    port: integerFlag('port', values.port, 0, 65_535) ?? DEFAULT_PORT,
    dataDir: nonEmpty('data', values.data) ?? DEFAULT_DATA_DIR,
    clock: choice('clock', values.clock, ['system', 'manual'] as const) ?? 'system',
    concurrency: integerFlag('concurrency', values.concurrency, 1, 1024) ?? DEFAULT_CONCURRENCY,
  };
  if (values['abort-foreign-executions']) options.abortForeignExecutions = true;
  if (values['adopt-unknown-executions']) options.adoptUnknownExecutions = true;
  const logFormat = choice('log-format', values['log-format'], LOG_FORMATS);
  if (logFormat !== undefined) options.logFormat = logFormat; // default: text (startRuntime)
  const schedule = sweepSchedule(values['sweep-schedule'], values['sweep-time-zone']);
  if (schedule !== undefined) options.sweepSchedule = schedule;
  const configFile = nonEmpty('config', values.config);
  if (configFile !== undefined) options.configFile = checkedConfigFile(configFile);
  const apiUrl = values['api-url'];
  if (apiUrl === undefined) {
    for (const flag of ['org-id', 'directory-api', 'directory-id'] as const) {
      if (values[flag] !== undefined) throw new RuntimeUsageError(`--${flag} only applies with --api-url (without it the embedded simulator is used)`);
    }
    return { help: false, options };
  }
  if (!z.url({ protocol: /^https?$/ }).safeParse(apiUrl).success) {
    throw new RuntimeUsageError(`--api-url must be an http(s) URL such as https://api.atlassian.com/admin, not ${JSON.stringify(apiUrl)}`);
  }
  const apiKey = env.ATLASSIAN_API_KEY?.trim();
  if (!apiKey) throw new RuntimeUsageError('--api-url needs the org API key in the ATLASSIAN_API_KEY environment variable');
  const orgId = nonEmpty('org-id', values['org-id']);
  if (!orgId) throw new RuntimeUsageError('--api-url needs --org-id <your org id> (admin.atlassian.com > Settings > API keys)');
  const generation = choice('directory-api', values['directory-api'], ['v1', 'v2'] as const) ?? 'v2';
  const directoryId = nonEmpty('directory-id', values['directory-id']);
  options.api = { baseUrl: apiUrl.replace(/\/+$/, ''), apiKey, orgId, generation, ...(directoryId ? { directoryId } : {}) };
  return { help: false, options };
}

function integerFlag(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new RuntimeUsageError(`--${flag} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`);
  }
  return number;
}

function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new RuntimeUsageError(`--${flag} must be ${allowed.join(' or ')}, not ${JSON.stringify(value)}`);
  return value as T;
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new RuntimeUsageError(`--${flag} needs a value`);
  return value.trim();
}

function checkedConfigFile(file: string): string {
  if (!existsSync(file)) throw new RuntimeUsageError(`--config ${file}: no such file (give a JSON or YAML access-rules file)`);
  try {
    loadJmlConfigFile(file);
  } catch (error) {
    const [headline, ...entries] = (error as Error).message.split('\n');
    const problems = entries.map((line) => line.replace(/^\s*-\s*/, '').trim()).filter((line) => line && !/^Fix these entries/.test(line));
    throw new RuntimeUsageError([headline, ...problems].join(' '));
  }
  return file;
}

/** `--sweep-schedule` / `--sweep-time-zone`, checked as the AWS deploy config checks them. */
function sweepSchedule(cron: string | undefined, timeZone: string | undefined): SweepScheduleOptions | false | undefined {
  if (cron?.trim() === 'off') {
    if (timeZone !== undefined) throw new RuntimeUsageError('--sweep-time-zone does not apply with --sweep-schedule off');
    return false;
  }
  if (cron === undefined && timeZone === undefined) return undefined;
  const schedule = { cron: nonEmpty('sweep-schedule', cron) ?? DEFAULT_SWEEP_SCHEDULE.cron, timeZone: nonEmpty('sweep-time-zone', timeZone) ?? DEFAULT_SWEEP_SCHEDULE.timeZone };
  try {
    parseCron(schedule.cron);
  } catch (error) {
    if (!(error instanceof CronError)) throw error;
    throw new RuntimeUsageError(`--sweep-schedule: ${error.message} (a 5-field cron such as "0 6 * * *", or off)`);
  }
  if (!isTimeZone(schedule.timeZone)) {
    throw new RuntimeUsageError(`--sweep-time-zone must be an IANA time zone such as UTC or Europe/Amsterdam, not ${JSON.stringify(schedule.timeZone)}`);
  }
  return schedule;
}

