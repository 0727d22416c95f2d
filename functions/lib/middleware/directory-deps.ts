import { createDirectory } from '../atlassian/directory/create-directory.js';
import type { Directory } from '../atlassian/directory.js';
import { sharedPacerFor } from '../atlassian/org-pacers.js';
import { BoundedCache } from '../bounded-cache.js';
import { handlerEnvironment, type HandlerEnvironment } from '../handler-environment-scope.js';
import { loadRuntimeConfig, RUNTIME_CONFIG_VARIABLES } from '../runtime-config.js';
import { redactedApiKeyFor, describeApiKeySource } from './redacted-api-key.js';
import { scopedClientLogger } from './logger-scope.js';

/**
 * The Directory of the handler's configuration, built on the first invocation and reused by later
 * ones (the directory-id lookup and the secret cache live in caches of their own, keyed by org and
 * secret, so they survive too). Keyed by the raw configuration variables: a Lambda has one key; the
 * local engine runs executions against several orgs at once, and each gets the Directory of its own
 * configuration. A bounded map, so alternating orgs do not rebuild clients and a long-running
 * process does not grow without end.
 */
const directories = new BoundedCache<string, Promise<Directory>>(32);

function fingerprintOf(env: HandlerEnvironment): string {
  return JSON.stringify(RUNTIME_CONFIG_VARIABLES.map((name) => env[name] ?? null));
}

/**
 * Returns the Directory for `env` (default: the current handler environment, see
 * handler-environment-scope.ts).
 * @throws JmlError `Jml.Configuration` when the configuration is missing or wrong.
 */
export function resolveDirectory(env: HandlerEnvironment = handlerEnvironment()): Promise<Directory> {
  const fingerprint = fingerprintOf(env);
  const cached = directories.get(fingerprint);
  if (cached) return cached;
  const config = loadRuntimeConfig(env);
  const directory = createDirectory({
    orgId: config.orgId,
    generation: config.generation,
    directoryId: config.directoryId,
    baseUrl: config.baseUrl,
    apiKey: redactedApiKeyFor(config.apiKeySource),
    apiKeySource: describeApiKeySource(config.apiKeySource),
    logger: scopedClientLogger,
    retry: config.httpMaxAttempts !== undefined ? { maxAttempts: config.httpMaxAttempts } : undefined,
    pacer:
      config.requestsPerMinute !== undefined
        ? sharedPacerFor({ baseUrl: config.baseUrl, orgId: config.orgId, requestsPerMinute: config.requestsPerMinute })
        : undefined,
  });
  directories.set(fingerprint, directory);
  // A failed build must not stick: the next invocation tries again.
  directory.catch(() => directories.deleteIf(fingerprint, directory));
  return directory;
}

/** Forgets every cached Directory (tests). */
export function resetDirectoryCache(): void {
  directories.clear();
}
