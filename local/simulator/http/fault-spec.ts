import { z } from 'zod';
import { describeIssues } from './zod-issues.js';

const SETTING_KEYS = ['rate5xx', 'rate429', 'rate429NoRetryAfter', 'dropRate', 'latencyMs', 'retryAfterSeconds'] as const;
/** The allowed values of each setting, in the words the error messages and `--help` use. */
export const FAULT_SETTINGS: Record<(typeof SETTING_KEYS)[number], string> = {
  rate5xx: 'a share between 0 and 1',
  rate429: 'a share between 0 and 1',
  rate429NoRetryAfter: 'a share between 0 and 1',
  dropRate: 'a share between 0 and 1',
  latencyMs: 'a whole number of milliseconds between 0 and 60000',
  retryAfterSeconds: 'a whole number of seconds between 0 and 3600',
};

/** A number in [min, max] whose every failure says `<key> must be <allowed>`. */
function setting(key: keyof typeof FAULT_SETTINGS, min: number, max: number, int = false) {
  const error = `${key} must be ${FAULT_SETTINGS[key]}`;
  const number = z.number({ error }).min(min, { error }).max(max, { error });
  return int ? number.int({ error }) : number;
}

const unknownKeys = (keys: string[]) => ({
  error: (issue: { code?: string; keys?: string[] }) => issue.code === 'unrecognized_keys'
    ? `unknown key(s) ${issue.keys?.join(', ')}; use ${keys.join(', ')}` : undefined,
});

/** Probabilistic faults for requests whose `METHOD /path` matches `pattern`. */
export const FaultRuleSchema = z.strictObject({
  /**
   * Which requests: a glob over the path relative to `/admin` (`*` = one segment, `**` = any),
   * optionally preceded by a method (`POST /v2/**`), or `re:<regex>` over `METHOD /path`.
   * Absent = every API request.
   */
  pattern: z.string().min(1).refine(compiles, { error: 'pattern must be a glob such as "POST /v2/**" or re:<a valid regular expression>' }).optional(),
  /** Share of requests answered 500/502/503. */
  rate5xx: setting('rate5xx', 0, 1).optional(),
  /** Share answered 429 with `Retry-After` and the X-RateLimit-* headers. */
  rate429: setting('rate429', 0, 1).optional(),
  /** Share answered 429 with the X-RateLimit-* headers only (Atlassian does not always send Retry-After). */
  rate429NoRetryAfter: setting('rate429NoRetryAfter', 0, 1).optional(),
  /** Share whose connection is destroyed without any response. */
  dropRate: setting('dropRate', 0, 1).optional(),
  /** Added latency before the request is handled, in real milliseconds. */
  latencyMs: setting('latencyMs', 0, 60_000, true).optional(),
  /** `Retry-After` seconds on injected 429s (default 1). */
  retryAfterSeconds: setting('retryAfterSeconds', 0, 3600, true).optional(),
}, unknownKeys(['pattern', ...SETTING_KEYS]));
export type FaultRule = z.infer<typeof FaultRuleSchema>;

/** An exact fault: the next `count` matching requests fail this way. */
export const ScriptedFaultSchema = z.strictObject({
  pattern: z.string().min(1).optional(),
  count: z.number().int().min(1).default(1),
  /** HTTP status to answer with (ignored when `drop`). */
  status: z.number().int().min(400).max(599).default(500),
  /** Only for 429: send `Retry-After` (default true). */
  retryAfterSeconds: z.number().int().min(0).max(3600).nullable().optional(),
  /** Destroy the connection instead of answering. */
  drop: z.boolean().optional(),
  /** Response body; default: the Atlassian shape for the status. */
  body: z.unknown().optional(),
});
export type ScriptedFault = z.input<typeof ScriptedFaultSchema>;

/**
 * Parses the `--faults` syntax: rules separated by `;`, each `key=value,key=value[@pattern]`,
 * e.g. `rate5xx=0.1,latencyMs=20@POST /v2/**;rate429=0.05@**\/last-active-dates`. A spec that
 * starts with `[` or `{` is read as JSON (one rule or an array of rules). Errors are one line
 * naming the rule and the setting at fault.
 */
export function parseFaultSpec(spec: string): FaultRule[] {
  const text = spec.trim();
  if (!text) return [];
  if (text.startsWith('[') || text.startsWith('{')) return parseJsonRules(text);
  return text.split(';').filter((part) => part.trim()).map((part) => {
    const at = part.indexOf('@');
    const settings = (at >= 0 ? part.slice(0, at) : part).trim();
    const pattern = at >= 0 ? part.slice(at + 1).trim() : undefined;
    const rule: Record<string, unknown> = pattern ? { pattern } : {};
    for (const setting of settings.split(',').filter((s) => s.trim())) {
      const [key, value] = setting.split('=').map((s) => s.trim());
      if (!(SETTING_KEYS as readonly string[]).includes(key) || value === undefined || value === '' || Number.isNaN(Number(value))) {
        throw new Error(`Bad fault setting "${setting}" in "${part}": use key=number with key one of ${SETTING_KEYS.join(', ')}`);
      }
      rule[key] = Number(value);
    }
    const parsed = FaultRuleSchema.safeParse(rule);
    if (!parsed.success) throw new Error(`Bad fault rule "${part.trim()}": ${describeIssues(parsed.error, '')}`);
    return parsed.data;
  });
}

function parseJsonRules(text: string): FaultRule[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`Fault rules are not valid JSON (${(error as Error).message}); send an array of rule objects such as [{"rate5xx":0.1,"pattern":"POST /v2/**"}]`);
  }
  return (Array.isArray(parsed) ? parsed : [parsed]).map((rule: unknown, index) => {
    const result = FaultRuleSchema.safeParse(rule);
    if (!result.success) throw new Error(`Bad fault rule ${index + 1} (${JSON.stringify(rule)}): ${describeIssues(result.error, '')}`);
    return result.data;
  });
}

function compiles(pattern: string): boolean {
  try {
    compilePattern(pattern);
    return true;
  } catch {
    return false;
  }
}

/** Compiles a pattern into a matcher over (method, path relative to `/admin`). */
export function compilePattern(pattern: string | undefined): (method: string, path: string) => boolean {
  if (!pattern) return () => true;
  if (pattern.startsWith('re:')) {
    const regex = new RegExp(pattern.slice(3));
    return (method, path) => regex.test(`${method} ${path}`);
  }
  const match = /^(GET|POST|PUT|DELETE|PATCH)\s+(.*)$/i.exec(pattern.trim());
  const method = match?.[1].toUpperCase();
  let glob = (match ? match[2] : pattern).trim();
  if (glob.startsWith('/admin/')) glob = glob.slice('/admin'.length);
  const regex = new RegExp(`^${glob.split('**').map((part) => part.split('*').map(escape).join('[^/]*')).join('.*')}$`);
  return (requestMethod, path) => (method === undefined || method === requestMethod) && regex.test(path);
}

function escape(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
