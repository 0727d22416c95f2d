import { z } from 'zod';
import { FAULT_SETTINGS, parseFaultSpec, type FaultRule } from '../http/fault-spec.js';
import { DOCUMENTED_RATE_LIMITS } from '../http/rate-limiter.js';
import { MAX_TIME_SCALE } from '../model/clock.js';
import { DEFAULT_API_KEY, DEFAULT_SEED, DEMO_USER_SPECS } from '../model/demo-org.js';

/** Largest `--users`: about 2 s and 650 MB to generate; beyond that, memory, not the simulator, is the limit. */
export const MAX_USERS = 200_000;
/** Orgs this large print generation progress on stderr. */
export const LARGE_ORG_USERS = 10_000;

/** One command-line flag: how `--help` describes it and how its value is checked. */
export interface FlagSpec {
  /** Placeholder in the usage line; absent for a switch. */
  value?: string;
  /** What the flag does. */
  does: string;
  /** Allowed values, for `--help` and for the error message (`--x must be <allowed>`). */
  allowed: string;
  /** A shorter `allowed` for error messages, where that one is long. */
  expects?: string;
  /** The default, in words. */
  default: string;
  /** Checks and converts the raw text; a failure's message (if any) is added to the error. */
  schema?: z.ZodType;
}

const wholeNumber = (min: number, max: number) => z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));
const decimal = (min: number, max: number) => z.string().regex(/^(\d+(\.\d*)?|\.\d+)$/).transform(Number).pipe(z.number().min(min).max(max));
/** Printable ASCII without spaces: safe in an HTTP header and in ids. */
const visibleText = (max: number) => z.string().regex(/^[\x21-\x7e]+$/).max(max);
const faultRules = z.string().transform((spec, ctx): FaultRule[] => {
  try {
    return parseFaultSpec(spec);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

/** "rate5xx, rate429, ...: a share between 0 and 1; latencyMs: ..." (keys with the same range together). */
function faultKeys(): string {
  const byAllowed = new Map<string, string[]>();
  for (const [key, allowed] of Object.entries(FAULT_SETTINGS)) byAllowed.set(allowed, [...(byAllowed.get(allowed) ?? []), key]);
  return [...byAllowed].map(([allowed, keys]) => `${keys.join(', ')}: ${allowed}`).join('; ');
}

/** Every flag `npm run simulator` takes, in `--help` order. */
export const FLAGS = {
  port: {
    value: 'N', does: 'TCP port to listen on (always on 127.0.0.1).',
    allowed: 'a whole number between 0 and 65535 (0 picks a free port)', default: '0: a free port, printed at start',
    schema: wholeNumber(0, 65_535),
  },
  users: {
    value: 'N', does: `People in the generated org: the ${DEMO_USER_SPECS.length} demo people first, then synthetic ones with a realistic spread of last-active dates. From ${LARGE_ORG_USERS} on, progress is printed on stderr.`,
    allowed: `a whole number between 1 and ${MAX_USERS}`, default: `${DEMO_USER_SPECS.length} (the demo org)`,
    schema: wholeNumber(1, MAX_USERS),
  },
  seed: {
    value: 'S', does: 'Seed of the org (ids, names, dates) and of the fault generator: same seed, same org.',
    allowed: '1 to 100 visible characters, no spaces', default: DEFAULT_SEED,
    schema: visibleText(100),
  },
  'api-key': {
    value: 'KEY', does: 'Bearer token the admin API accepts ("Authorization: Bearer KEY").',
    allowed: '1 to 200 visible characters, no spaces', default: DEFAULT_API_KEY,
    schema: visibleText(200),
  },
  faults: {
    value: 'SPEC', does: 'Fault rules from the start (change them later with PUT /__control/faults). Rules are separated by ";", each key=value,...[@pattern]; the pattern is a glob over the path under /admin ("*" one segment, "**" any), optionally after a method ("POST /v2/**"), or re:<regex>; no pattern = every request. A JSON array of rule objects works too.',
    allowed: `rules such as "rate5xx=0.1@POST /v2/**;latencyMs=50"; keys ${faultKeys()}`, default: 'no faults',
    expects: 'rules such as "rate5xx=0.1@POST /v2/**;latencyMs=50" (see --help for every key)',
    schema: faultRules,
  },
  'time-scale': {
    value: 'X', does: 'Simulated milliseconds per real millisecond: 60 makes a rate-limit minute pass in a second, 0 freezes the clock.',
    allowed: `a number between 0 and ${MAX_TIME_SCALE}`, default: '1 (real time)',
    schema: decimal(0, MAX_TIME_SCALE),
  },
  'no-rate-limits': {
    does: 'Switches rate limiting off (for benchmarks).',
    allowed: 'a switch: no value', default: `rate limits on (${DOCUMENTED_RATE_LIMITS.default}/min per org, last-active-dates ${DOCUMENTED_RATE_LIMITS.lastActiveDates}/min, events ${DOCUMENTED_RATE_LIMITS.events}/min per key and path)`,
  },
  help: {
    does: 'Prints this help and exits (also -h).', allowed: 'a switch: no value', default: 'off',
  },
} satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;
