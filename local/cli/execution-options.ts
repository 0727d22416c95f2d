import { parseArgs } from 'node:util';
import { CLI_OPTIONS } from './cli-options.js';
import { UsageError } from './read-input.js';
import { parseArgsUsageError } from './parse-args-error.js';

/**
 * The options of the manual-execution commands (`start`, `executions`, `describe`, `history`,
 * `stop`), in the form `util.parseArgs` takes, with the text `--help` prints. `input`, `dry-run`
 * and `help` mean the same as for `run` and are documented there.
 */
export const EXECUTION_OPTIONS = {
  input: { type: 'string', short: 'i', value: '<file|json|->', help: '' },
  'dry-run': { type: 'boolean', help: '' },
  name: { type: 'string', value: '<name>', help: 'start: the execution name (1-80 characters, no spaces nor <>{}[]?*"#%\\^|~`$&,;:/). Unique per state machine for 90 days: an HR ticket id keeps a repeated request from running twice. Default <workflow>-<date>-<time>-<random>.' },
  workflow: { type: 'string', short: 'w', value: '<workflow>', help: 'executions: only this workflow\'s executions; describe, history, stop: look a bare execution name up only there.' },
  status: { type: 'string', value: '<status>', help: 'executions: only RUNNING, SUCCEEDED, FAILED, ABORTED or TIMED_OUT ones.' },
  limit: { type: 'string', value: '<n>', help: 'executions: show at most n, newest first (default 50, at most 1000).' },
  'next-token': { type: 'string', value: '<token>', help: 'executions: the next page, with the token the previous page printed (same --workflow and --status).' },
  all: { type: 'boolean', help: 'executions: every execution, all pages (instead of --limit).' },
  cause: { type: 'string', value: '<text>', help: 'stop: why it was stopped, kept in the execution history.' },
  endpoint: { type: 'string', value: '<url>', help: 'The Step Functions endpoint of the local runtime (default JML_ENDPOINT, else http://127.0.0.1:8083).' },
  aws: { type: 'boolean', help: 'Use AWS Step Functions instead of the local runtime: the AWS SDK\'s default credentials and region; state machines <stack>-<workflow>.' },
  region: { type: 'string', value: '<region>', help: 'With --aws: the AWS region (default AWS_REGION or your AWS config).' },
  stack: { type: 'string', value: '<name>', help: 'With --aws: the deployed stack name, which prefixes the state machine names (default AtlassianJml).' },
  json: { type: 'boolean', help: 'Print JSON on stdout for scripts (messages stay on stderr).' },
  help: { type: 'boolean', short: 'h', help: '' },
} as const;

export type ExecutionOptionName = keyof typeof EXECUTION_OPTIONS;
export type ExecutionValues = { [K in ExecutionOptionName]?: (typeof EXECUTION_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

/** The commands, and the options each takes beyond the target ones (endpoint, aws, region, stack, json, help). */
export const EXECUTION_COMMANDS = {
  start: ['input', 'dry-run', 'name'],
  executions: ['workflow', 'status', 'limit', 'next-token', 'all'],
  describe: ['workflow'],
  history: ['workflow'],
  stop: ['workflow', 'cause'],
} as const satisfies Record<string, readonly ExecutionOptionName[]>;

export type ExecutionCommandName = keyof typeof EXECUTION_COMMANDS;

const TARGET_OPTIONS: readonly ExecutionOptionName[] = ['endpoint', 'aws', 'region', 'stack', 'json', 'help'];

const PARSE_OPTIONS = Object.fromEntries(
  Object.entries(EXECUTION_OPTIONS).map(([name, spec]) => [name, { type: spec.type, ...('short' in spec ? { short: spec.short } : {}) }]),
) as Record<string, { type: 'string' | 'boolean'; short?: string }>;

/**
 * The manual-execution command `argv` asks for, if any. A lenient parse only to find the first
 * positional: the strict parse (with the command's own options) comes in {@link parseExecutionCommandLine}.
 */
export function findExecutionCommand(argv: string[]): ExecutionCommandName | undefined {
  const { positionals } = parseArgs({ args: argv, options: PARSE_OPTIONS, allowPositionals: true, strict: false });
  const command = positionals[0];
  return command !== undefined && Object.hasOwn(EXECUTION_COMMANDS, command) ? (command as ExecutionCommandName) : undefined;
}

/** Parses strictly; an option the command does not take is a usage error that says which commands take it. */
export function parseExecutionCommandLine(command: ExecutionCommandName, argv: string[]): { values: ExecutionValues; operands: string[] } {
  for (const arg of argv) {
    const option = /^--([a-z-]+)/.exec(arg)?.[1];
    if (option && Object.hasOwn(CLI_OPTIONS, option) && !Object.hasOwn(EXECUTION_OPTIONS, option)) {
      throw new UsageError(`--${option} applies to run only: ${command} talks to the local runtime or AWS, where the workflow's API settings are the service's own`);
    }
  }
  const allowed = new Set<string>([...TARGET_OPTIONS, ...EXECUTION_COMMANDS[command]]);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: PARSE_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw parseArgsUsageError(error, [...allowed], command) ?? error;
  }
  const { values, positionals } = parsed;
  for (const name of Object.keys(values)) {
    if (allowed.has(name)) continue;
    const takers = Object.entries(EXECUTION_COMMANDS).filter(([, options]) => (options as readonly string[]).includes(name)).map(([taker]) => taker);
    throw new UsageError(`--${name} does not apply to ${command}${takers.length > 0 ? ` (only to ${takers.join(', ')})` : ''}`);
  }
  return { values: values as ExecutionValues, operands: positionals.slice(1) };
}
