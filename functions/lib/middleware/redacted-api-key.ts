import { createApiKeyProvider } from '../atlassian/api-key.js';
import { registerSecret } from '../redaction.js';
import type { ApiKeySource } from '../runtime-config.js';

/**
 * The org API key for the Atlassian client: Secrets Manager (cached with a TTL by the client's
 * loader, across invocations) or the local key. Every key it hands out is registered with the log
 * redactor first, so the key is masked in any log line even if some code path tried to print it.
 */
export function redactedApiKeyFor(source: ApiKeySource): () => Promise<string> {
  const load =
    source.kind === 'secret'
      ? createApiKeyProvider({ secretId: source.secretId })
      : createApiKeyProvider({ localKey: source.value });
  if (source.kind === 'literal') registerSecret(source.value);
  return async () => {
    const key = await load();
    registerSecret(key);
    return key;
  };
}

/** Where the key comes from, for a rejected key's message (never the key itself). */
export function describeApiKeySource(source: ApiKeySource): string {
  return source.kind === 'secret'
    ? `the Secrets Manager secret ${source.secretId} (ATLASSIAN_API_KEY_SECRET_ID)`
    : "the ATLASSIAN_API_KEY environment variable (which the jml CLI's --api-key also sets)";
}
