import { z } from 'zod';

const rate = z.number().min(0).max(1);

/** Probabilistic faults for requests whose `METHOD /path` matches `pattern`. */
export const FaultRuleSchema = z.strictObject({
  /**
   * Which requests: a glob over the path relative to `/admin` (`*` = one segment, `**` = any),
   * optionally preceded by a method (`POST /v2/**`), or `re:<regex>` over `METHOD /path`.
   * Absent = every API request.
   */
  pattern: z.string().min(1).optional(),
  /** Share of requests answered 500/502/503. */
  rate5xx: rate.optional(),
  /** Share answered 429 with `Retry-After` and the X-RateLimit-* headers. */
  rate429: rate.optional(),
  /** Share answered 429 with the X-RateLimit-* headers only (Atlassian does not always send Retry-After). */
  rate429NoRetryAfter: rate.optional(),
  /** Share whose connection is destroyed without any response. */
  dropRate: rate.optional(),
  /** Added latency before the request is handled, in real milliseconds. */
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  /** `Retry-After` seconds on injected 429s (default 1). */
  retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
});
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

const SETTING_KEYS = ['rate5xx', 'rate429', 'rate429NoRetryAfter', 'dropRate', 'latencyMs', 'retryAfterSeconds'] as const;

/**
 * Parses the `--faults` syntax: rules separated by `;`, each `key=value,key=value[@pattern]`,
 * e.g. `rate5xx=0.1,latencyMs=20@POST /v2/**;rate429=0.05@**\/last-active-dates`. A spec that
 * starts with `[` or `{` is read as JSON (one rule or an array of rules).
 */
export function parseFaultSpec(spec: string): FaultRule[] {
  const text = spec.trim();
  if (!text) return [];
  if (text.startsWith('[') || text.startsWith('{')) {
    const parsed: unknown = JSON.parse(text);
    return z.array(FaultRuleSchema).parse(Array.isArray(parsed) ? parsed : [parsed]);
  }
  return text.split(';').filter((part) => part.trim()).map((part) => {
    const at = part.indexOf('@');
    const settings = (at >= 0 ? part.slice(0, at) : part).trim();
    const pattern = at >= 0 ? part.slice(at + 1).trim() : undefined;
    const rule: Record<string, unknown> = pattern ? { pattern } : {};
    for (const setting of settings.split(',').filter((s) => s.trim())) {
      const [key, value] = setting.split('=').map((s) => s.trim());
      if (!(SETTING_KEYS as readonly string[]).includes(key) || value === undefined || Number.isNaN(Number(value))) {
        throw new Error(`Bad fault setting "${setting}" in "${part}": use key=number with key one of ${SETTING_KEYS.join(', ')}`);
      }
      rule[key] = Number(value);
    }
    return FaultRuleSchema.parse(rule);
  });
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
