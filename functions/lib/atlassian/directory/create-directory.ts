import type { Directory, DirectoryGeneration } from '../directory.js';
import { AtlassianHttpClient, type HttpClientOptions } from '../http/http-client.js';
import { createDirectoryIdResolver } from './directory-id.js';
import { V2Directory } from './v2-directory.js';

/** Atlassian's production base URL for the Admin APIs. */
export const DEFAULT_ATLASSIAN_BASE_URL = 'https://api.atlassian.com/admin';

/** Everything needed to talk to one org's directory. Only `orgId` and `apiKey` are required. */
export interface CreateDirectoryOptions
  extends Pick<HttpClientOptions, 'apiKey' | 'apiKeySource' | 'logger' | 'fetch' | 'retry' | 'pacer' | 'timeoutMs'> {
  /** The Atlassian organization id. */
  orgId: string;
  /** Which API generation to use. @default 'v2' (v1 directory endpoints were sunset on 2026-06-30) */
  generation?: DirectoryGeneration;
  /** v2 directory id; discovered from `GET /v2/orgs/{orgId}/directories` (and cached) when absent. */
  directoryId?: string;
  /** @default 'https://api.atlassian.com/admin' (simulator: `http://127.0.0.1:N/admin`) */
  baseUrl?: string;
}

/**
 * Builds the `Directory` for the configured API generation. The v1 implementation is loaded with
 * a dynamic `import()` so the default v2 path never bundles or loads the sunset v1 code.
 */
export async function createDirectory(options: CreateDirectoryOptions): Promise<Directory> {
  const http = new AtlassianHttpClient({
    baseUrl: options.baseUrl ?? DEFAULT_ATLASSIAN_BASE_URL,
    apiKey: options.apiKey,
    apiKeySource: options.apiKeySource,
    logger: options.logger,
    fetch: options.fetch,
    retry: options.retry,
    pacer: options.pacer,
    timeoutMs: options.timeoutMs,
  });
  const directoryId = createDirectoryIdResolver(http, options.orgId, options.directoryId, options.baseUrl ?? DEFAULT_ATLASSIAN_BASE_URL);
  const v2 = new V2Directory(http, options.orgId, directoryId);
  if ((options.generation ?? 'v2') === 'v1') {
    const { V1Directory } = await import('./v1-seed-directory.js');
    // v1 never offered some reads (a user's groups and roles): those come from v2.
    return new V1Directory(http, options.orgId, v2);
  }
  return v2;
}
