import { parseArgs } from 'node:util';
import type { z } from 'zod';
import type { FaultRule } from '../http/fault-spec.js';
import { FLAGS, type FlagName, type FlagSpec } from './flags.js';
import { UsageError } from './usage-error.js';

/** What `npm run simulator -- ...` asked for, checked. */
export interface SimulatorFlags {
  port: number;
  users?: number;
  seed?: string;
  apiKey?: string;
  faults?: FaultRule[];
  timeScale?: number;
  rateLimits?: false;
}

const SEE_HELP = 'See npm run simulator -- --help.';
const isFlagName = (name: string): name is FlagName => Object.hasOwn(FLAGS, name);
const takesValue = (name: string): boolean => isFlagName(name) && (FLAGS[name] as FlagSpec).value !== undefined;

/**
 * Parses and checks the simulator's flags; `'help'` when help was asked for (it wins over any
 * other mistake). Every problem is a one-line `UsageError` naming the flag and its allowed values.
 */
export function parseSimulatorFlags(argv: string[]): SimulatorFlags | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const values = parseFlags(joinNegativeNumbers(argv));
  return {
    port: check('port', values.port) ?? 0,
    users: check('users', values.users),
    seed: check('seed', values.seed),
    apiKey: check('api-key', values['api-key']),
    faults: check('faults', values.faults),
    timeScale: check('time-scale', values['time-scale']),
    rateLimits: values['no-rate-limits'] ? false : undefined,
  };
}

/** `--users -5` → `--users=-5`: parseArgs would read `-5` as a flag and call it "ambiguous". */
function joinNegativeNumbers(argv: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (argv[i].startsWith('--') && takesValue(argv[i].slice(2)) && next !== undefined && /^-[\d.]/.test(next)) {
      joined.push(`${argv[i]}=${next}`);
      i++;
    } else {
      joined.push(argv[i]);
    }
  }
  return joined;
}

function parseFlags(args: string[]) {
  const options = Object.fromEntries(Object.entries(FLAGS).map(([name, spec]) => [name, { type: (spec as FlagSpec).value ? 'string' : 'boolean' } as const]));
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Partial<Record<FlagName, string | boolean>>;
  } catch (error) {
    throw explainParseError(error as Error & { code?: string });
  }
}

/** Node's parseArgs messages name no allowed values; say what the flag takes instead. */
function explainParseError(error: Error & { code?: string }): Error {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const name = quoted.replace(/ <value>$/, '').replace(/^--/, '');
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`Unknown flag ${quoted}; the flags are ${Object.keys(FLAGS).map((flag) => `--${flag}`).join(', ')}. ${SEE_HELP}`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`Unexpected argument "${quoted}": every setting is a --flag. ${SEE_HELP}`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      if (!isFlagName(name)) break;
      const spec: FlagSpec = FLAGS[name];
      if (!spec.value) return new UsageError(`--${name} is a switch and takes no value; write just --${name}.`);
      const dashHint = error.message.includes('ambiguous') ? ` (a value starting with "-" goes as --${name}=-value)` : '';
      return new UsageError(`--${name} needs a value: ${spec.expects ?? spec.allowed}${dashHint}.`);
    }
  }
  return error;
}

type ValueFlag = { [N in FlagName]: (typeof FLAGS)[N] extends { schema: z.ZodType } ? N : never }[FlagName];

/** Validates one flag's raw text with its schema; `undefined` when the flag was not given. */
function check<N extends ValueFlag>(name: N, raw: string | boolean | undefined): z.output<(typeof FLAGS)[N]['schema']> | undefined {
  if (typeof raw !== 'string') return undefined;
  const spec: FlagSpec = FLAGS[name];
  const result = FLAGS[name].schema.safeParse(raw);
  if (result.success) return result.data as z.output<(typeof FLAGS)[N]['schema']>;
  const detail = result.error.issues.find((issue) => issue.code === 'custom')?.message;
  throw new UsageError(detail
    ? `--${name}: ${detail}; allowed: ${spec.expects ?? spec.allowed}.`
    : `--${name} must be ${spec.expects ?? spec.allowed}; got "${raw}".`);
}
