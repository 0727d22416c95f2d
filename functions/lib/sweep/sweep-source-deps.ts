import { handlerEnvironment, type HandlerEnvironment } from '../handler-environment-scope.js';
import * as z from 'zod';
import { V2SweepSource } from '../atlassian/directory/v2-sweep-source.js';
import { ErrorNames, JmlError } from '../errors.js';
import { redactedApiKeyFor } from '../middleware/redacted-api-key.js';
import { scopedClientLogger } from '../middleware/logger-scope.js';
import { loadRuntimeConfig, RUNTIME_CONFIG_VARIABLES } from '../runtime-config.js';
import type { SweepSource } from './sweep-source.js';

/**
 * Pacing of the sweep's calls, requests per minute (optional):
 * - `JML_LAST_ACTIVE_PER_MINUTE` (default 200, Atlassian's published last-active-dates limit);
 * - `JML_USER_SEARCH_PER_MINUTE` (default unpaced: users/search has no published limit and a 429 is retried);
 * - `JML_EVENTS_PER_MINUTE` (default 10, the audit log's published limit; a whole number).
 * A simulator running its clock faster (time scale) needs them scaled the same way.
 */
const PacingSchema = z.object({
  JML_LAST_ACTIVE_PER_MINUTE: z.coerce.number().positive({ message: 'must be a positive number of requests per minute, e.g. 200' }).optional(),
  JML_USER_SEARCH_PER_MINUTE: z.coerce.number().positive({ message: 'must be a positive number of requests per minute, e.g. 1000' }).optional(),
  JML_EVENTS_PER_MINUTE: z.coerce.number().int({ message: 'must be a whole number of requests per minute, e.g. 10' }).positive({ message: 'must be a positive number of requests per minute, e.g. 10' }).optional(),
});
const PACING_VARIABLES = ['JML_LAST_ACTIVE_PER_MINUTE', 'JML_USER_SEARCH_PER_MINUTE', 'JML_EVENTS_PER_MINUTE'] as const;

let cached: { fingerprint: string; source: SweepSource } | undefined;

/** The sweep's reads for this environment, built once per distinct environment (warm Lambdas reuse it, and its pacers). */
export function resolveSweepSource(env: HandlerEnvironment = handlerEnvironment()): Promise<SweepSource> {
  const fingerprint = JSON.stringify([...RUNTIME_CONFIG_VARIABLES, ...PACING_VARIABLES].map((name) => env[name] ?? null));
  if (cached?.fingerprint === fingerprint) return Promise.resolve(cached.source);
  const config = loadRuntimeConfig(env);
  const pacing = PacingSchema.safeParse(Object.fromEntries(PACING_VARIABLES.map((name) => [name, env[name]?.trim() || undefined])));
  if (!pacing.success) {
    throw new JmlError(ErrorNames.Configuration, `The sweep's pacing settings are not valid: ${pacing.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
  }
  const source = new V2SweepSource({
    orgId: config.orgId,
    directoryId: config.directoryId,
    baseUrl: config.baseUrl,
    apiKey: redactedApiKeyFor(config.apiKeySource),
    logger: scopedClientLogger,
    retry: config.httpMaxAttempts !== undefined ? { maxAttempts: config.httpMaxAttempts } : undefined,
    lastActivePerMinute: pacing.data.JML_LAST_ACTIVE_PER_MINUTE,
    searchPerMinute: pacing.data.JML_USER_SEARCH_PER_MINUTE,
    eventsPerMinute: pacing.data.JML_EVENTS_PER_MINUTE,
  });
  cached = { fingerprint, source };
  return Promise.resolve(source);
}
