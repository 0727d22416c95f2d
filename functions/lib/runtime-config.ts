import { describeIssues } from './zod-issues.js';
import * as z from 'zod';
import { JmlError, ErrorNames } from './errors.js';
import { apiBaseUrlProblem } from './atlassian/api-base-url.js';
import { handlerEnvironment, type HandlerEnvironment } from './handler-environment-scope.js';

/**
 * The environment of an action handler (docs/contracts.md, "Runtime configuration"). Parsed once
 * per distinct environment, so a cold start with a missing or wrong value fails with one clear
 * `Jml.Configuration` error instead of a confusing HTTP failure later.
 */

/** A required-or-optional non-blank string; a missing required value says what to set. */
const nonBlank = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is required: set it to ${what}` : `must be text: ${what}`) })
    .trim()
    .min(1, { message: `is empty: set it to ${what}` });

/** https, or http to loopback only: the rule is shared with the CLI's --api-url. */
const baseUrl = z
  .string({ message: 'must be an http(s) URL such as https://api.atlassian.com/admin' })
  .superRefine((url, ctx) => {
    const problem = apiBaseUrlProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((url) => url.trim().replace(/\/+$/, ''));

export const RuntimeConfigSchema = z
  .object({
    ATLASSIAN_ORG_ID: nonBlank('the Atlassian organization id (admin.atlassian.com > Settings > API keys)'),
    ATLASSIAN_DIRECTORY_API: z
      .enum(['v1', 'v2'], { message: "must be 'v2' (default) or 'v1' (sunset 2026-06-30 endpoints)" })
      .default('v2'),
    ATLASSIAN_DIRECTORY_ID: nonBlank('the v2 directory id, or remove it to discover it').optional(),
    ATLASSIAN_API_BASE_URL: baseUrl.default('https://api.atlassian.com/admin'),
    ATLASSIAN_API_KEY_SECRET_ID: nonBlank('the ARN or name of the Secrets Manager secret holding the org API key').optional(),
    ATLASSIAN_API_KEY: nonBlank('the org API key (local runs only)').optional(),
    ATLASSIAN_HTTP_MAX_ATTEMPTS: z.coerce
      .number({ message: 'must be a whole number of attempts per Atlassian call, e.g. 3 (1 = no in-process retry)' })
      .int({ message: 'must be a whole number of attempts, e.g. 3' })
      .min(1, { message: 'must be at least 1 (1 = no in-process retry; the state machine still retries)' })
      .max(10, { message: 'must be at most 10; longer retry chains belong in the state machine Retry' })
      .optional(),
    ATLASSIAN_REQUESTS_PER_MINUTE: z.coerce
      .number({ message: "must be the org's request limit per minute, e.g. 1000 (leave it unset for no client-side pacing)" })
      .int({ message: 'must be a whole number of requests per minute, e.g. 1000' })
      .min(1, { message: 'must be at least 1 request per minute (unset it for no client-side pacing)' })
      .max(1_000_000, { message: 'must be at most 1,000,000 requests per minute' })
      .optional(),
  });

const NO_KEY_SOURCE =
  'ATLASSIAN_API_KEY_SECRET_ID: no API key source: set ATLASSIAN_API_KEY_SECRET_ID to the Secrets Manager secret ' +
  'holding the org API key (AWS), or ATLASSIAN_API_KEY to the key itself (local runs only)';

/** Where the org API key comes from: Secrets Manager (AWS) or the environment (local). */
export type ApiKeySource = { kind: 'secret'; secretId: string } | { kind: 'literal'; value: string };

/** The validated configuration of a directory-action handler. */
export interface RuntimeConfig {
  orgId: string;
  generation: 'v1' | 'v2';
  directoryId?: string;
  baseUrl: string;
  apiKeySource: ApiKeySource;
  /** Attempts per Atlassian call inside one invocation; absent = the client's default. */
  httpMaxAttempts?: number;
  /** The org's request limit: calls are paced under it by one pacer per org and process. Absent = no pacing. */
  requestsPerMinute?: number;
}

/** The environment variables `loadRuntimeConfig` reads (and nothing else). */
export const RUNTIME_CONFIG_VARIABLES = Object.keys(RuntimeConfigSchema.shape) as ReadonlyArray<
  keyof typeof RuntimeConfigSchema.shape
>;

/**
 * Validates the handler environment. The secret id wins over a literal key so a deployed function
 * never silently uses a key that leaked into its environment.
 * @throws JmlError `Jml.Configuration` naming every wrong variable and how to fix it.
 */
export function loadRuntimeConfig(env: HandlerEnvironment = handlerEnvironment()): RuntimeConfig {
  // Blank variables count as unset: CDK and shells often export `X=` for "no value".
  const present = Object.fromEntries(
    RUNTIME_CONFIG_VARIABLES.map((name) => [name, env[name]?.trim() ? env[name] : undefined]),
  );
  const parsed = RuntimeConfigSchema.safeParse(present);
  const problems = parsed.success
    ? []
    : describeIssues(parsed.error.issues, 'environment');
  // Checked beside the schema (not as a refinement) so it is reported together with other problems.
  if (present.ATLASSIAN_API_KEY_SECRET_ID === undefined && present.ATLASSIAN_API_KEY === undefined) problems.push(NO_KEY_SOURCE);
  if (!parsed.success || problems.length > 0) {
    throw new JmlError(
      ErrorNames.Configuration,
      `The handler's environment is not valid: ${problems.join('; ')}. Fix the function's environment variables and retry.`,
    );
  }
  const cfg = parsed.data;
  return {
    orgId: cfg.ATLASSIAN_ORG_ID,
    generation: cfg.ATLASSIAN_DIRECTORY_API,
    directoryId: cfg.ATLASSIAN_DIRECTORY_ID,
    baseUrl: cfg.ATLASSIAN_API_BASE_URL,
    apiKeySource:
      cfg.ATLASSIAN_API_KEY_SECRET_ID !== undefined
        ? { kind: 'secret', secretId: cfg.ATLASSIAN_API_KEY_SECRET_ID }
        : { kind: 'literal', value: cfg.ATLASSIAN_API_KEY as string },
    httpMaxAttempts: cfg.ATLASSIAN_HTTP_MAX_ATTEMPTS,
    requestsPerMinute: cfg.ATLASSIAN_REQUESTS_PER_MINUTE,
  };
}
