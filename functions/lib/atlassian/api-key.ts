import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ErrorNames, JmlError } from '../errors.js';
import { handlerEnvironment, type HandlerEnvironment } from '../handler-environment-scope.js';

/**
 * Where the org API key comes from: Secrets Manager in AWS (cached with a TTL, so a warm Lambda
 * container reads the secret once per TTL and picks up a rotation after it), or an environment
 * variable locally. This is the only module that imports the Secrets Manager SDK client.
 * The key never appears in an error message or a log line.
 */

export interface ApiKeyProviderOptions {
  /** Secrets Manager secret ARN or name (`ATLASSIAN_API_KEY_SECRET_ID`). Wins over `localKey`. */
  secretId?: string;
  /** The key itself, for local runs only (`ATLASSIAN_API_KEY`). */
  localKey?: string;
  /** How long a fetched secret is reused. @default 300_000 (5 minutes) */
  ttlMs?: number;
  /** Injected client (tests). @default a client for the Lambda's region, created on first use */
  client?: SecretsManagerClient;
  /** Injected clock (tests). @default Date.now */
  now?: () => number;
}

export const DEFAULT_API_KEY_TTL_MS = 300_000;

/** JSON secrets may hold the key under one of these names; otherwise the whole string is the key. */
const JSON_KEY_FIELDS = ['apiKey', 'api_key', 'ATLASSIAN_API_KEY', 'key'];

interface CacheEntry {
  value: Promise<string>;
  expiresAt: number;
}

/** Shared across providers so every handler invocation in a container reuses one fetch per TTL. */
const cache = new Map<string, CacheEntry>();
let defaultClient: SecretsManagerClient | undefined;

/** Forgets cached secrets (tests; forced rotation). */
export function clearApiKeyCache(): void {
  cache.clear();
}

/** Returns a function that yields the current API key. Fails early on missing configuration. */
export function createApiKeyProvider(options: ApiKeyProviderOptions): () => Promise<string> {
  const secretId = options.secretId?.trim();
  if (secretId) return () => cachedSecret(secretId, options);
  const localKey = options.localKey?.trim();
  if (localKey) return async () => localKey;
  throw new JmlError(
    ErrorNames.Configuration,
    'No Atlassian API key configured. In AWS set ATLASSIAN_API_KEY_SECRET_ID to the Secrets Manager secret holding the org API key; locally set ATLASSIAN_API_KEY.',
  );
}

/** Reads `ATLASSIAN_API_KEY_SECRET_ID` / `ATLASSIAN_API_KEY` from the environment. */
export function createApiKeyProviderFromEnv(
  env: HandlerEnvironment = handlerEnvironment(),
  options: Omit<ApiKeyProviderOptions, 'secretId' | 'localKey'> = {},
): () => Promise<string> {
  return createApiKeyProvider({ ...options, secretId: env.ATLASSIAN_API_KEY_SECRET_ID, localKey: env.ATLASSIAN_API_KEY });
}

function cachedSecret(secretId: string, options: ApiKeyProviderOptions): Promise<string> {
  const now = (options.now ?? Date.now)();
  const hit = cache.get(secretId);
  if (hit && hit.expiresAt > now) return hit.value;
  const value = fetchSecret(secretId, options.client ?? (defaultClient ??= new SecretsManagerClient({})));
  cache.set(secretId, { value, expiresAt: now + (options.ttlMs ?? DEFAULT_API_KEY_TTL_MS) });
  // A failed read is not cached: the next call tries again.
  value.catch(() => {
    if (cache.get(secretId)?.value === value) cache.delete(secretId);
  });
  return value;
}

async function fetchSecret(secretId: string, client: SecretsManagerClient): Promise<string> {
  let output;
  try {
    output = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  } catch (error) {
    throw secretReadError(secretId, error);
  }
  const raw = output.SecretString ?? (output.SecretBinary ? Buffer.from(output.SecretBinary).toString('utf8') : undefined);
  const key = raw === undefined ? undefined : extractKey(raw);
  if (!key) {
    throw new JmlError(
      ErrorNames.Configuration,
      `Secret ${secretId} is empty. Store the Atlassian org API key as its secret string (plain, or JSON {"apiKey": "..."}).`,
    );
  }
  return key;
}

function extractKey(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('{')) return trimmed || undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return trimmed;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  const field = JSON_KEY_FIELDS.find((name) => typeof record[name] === 'string' && (record[name] as string).trim() !== '');
  return field ? (record[field] as string).trim() : undefined;
}

function secretReadError(secretId: string, error: unknown): JmlError {
  const name = error instanceof Error ? error.name : 'Error';
  if (name === 'ResourceNotFoundException') {
    return new JmlError(
      ErrorNames.Configuration,
      `Secret ${secretId} does not exist. Check ATLASSIAN_API_KEY_SECRET_ID and the region, or create the secret with the org API key.`,
      { cause: error },
    );
  }
  if (name === 'AccessDeniedException' || name === 'AccessDeniedError') {
    return new JmlError(
      ErrorNames.Configuration,
      `This function may not read secret ${secretId}. Grant its role secretsmanager:GetSecretValue on the secret (and kms:Decrypt on its key).`,
      { cause: error },
    );
  }
  if (name === 'DecryptionFailure' || name === 'InvalidRequestException' || name === 'InvalidParameterException') {
    return new JmlError(ErrorNames.Configuration, `Secret ${secretId} cannot be read (${name}). Check the secret and its KMS key.`, { cause: error });
  }
  return new JmlError(
    ErrorNames.Transient,
    `Could not read secret ${secretId} from Secrets Manager (${name}). This is usually temporary; retry.`,
    { cause: error },
  );
}
