import { createDirectory } from '../atlassian/directory/create-directory.js';
import type { Directory } from '../atlassian/directory.js';
import { loadRuntimeConfig, RUNTIME_CONFIG_VARIABLES, type RuntimeConfig } from '../runtime-config.js';
import { redactedApiKeyFor, describeApiKeySource } from './redacted-api-key.js';
import { scopedClientLogger } from './logger-scope.js';

/**
 * The Directory of the handler's environment, built on the first invocation and reused by warm
 * ones (so the directory-id lookup and the secret cache survive between invocations). The cache
 * is keyed by the raw configuration variables: when the local engine points the same process at
 * another simulator, the next invocation builds a fresh Directory instead of talking to the old one.
 */
interface CachedDirectory {
  fingerprint: string;
  config: RuntimeConfig;
  directory: Promise<Directory>;
}

let cached: CachedDirectory | undefined;

function fingerprintOf(env: NodeJS.ProcessEnv): string {
  return JSON.stringify(RUNTIME_CONFIG_VARIABLES.map((name) => env[name] ?? null));
}

/**
 * Returns the Directory for `env` (default `process.env`).
 * @throws JmlError `Jml.Configuration` when the environment is missing or wrong.
 */
export function resolveDirectory(env: NodeJS.ProcessEnv = process.env): Promise<Directory> {
  const fingerprint = fingerprintOf(env);
  if (cached?.fingerprint === fingerprint) return cached.directory;
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
  });
  const entry: CachedDirectory = { fingerprint, config, directory };
  cached = entry;
  // A failed build must not stick: the next invocation tries again.
  directory.catch(() => {
    if (cached === entry) cached = undefined;
  });
  return directory;
}

/** Forgets the cached Directory (tests, or a local engine switching APIs). */
export function resetDirectoryCache(): void {
  cached = undefined;
}
