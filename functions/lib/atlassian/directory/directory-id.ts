import { ErrorNames, JmlError } from '../../errors.js';
import type { AtlassianHttpClient } from '../http/http-client.js';
import { collect } from '../pagination.js';
import { V2DirectoriesApi } from '../v2/directories.js';

/** Returns the v2 directory id, discovering it on first use. */
export type DirectoryIdResolver = () => Promise<string>;

/**
 * Resolved ids, per base URL, org and configured id, shared across invocations of a warm Lambda
 * container so only the first call pays for the lookup. Failed lookups are not cached.
 */
const discovered = new Map<string, Promise<string>>();

/** Forgets discovered directory ids (tests; after an org's directories change). */
export function clearDirectoryIdCache(): void {
  discovered.clear();
}

/**
 * Returns the directory id, looked up once per container with `GET /v2/orgs/{orgId}/directories`:
 * a configured id is checked against that list (a wrong id would make every user look missing),
 * an absent one is discovered. An org with several directories must configure one: acting on a
 * guessed directory would be unsafe.
 */
export function createDirectoryIdResolver(
  http: AtlassianHttpClient,
  orgId: string,
  configured: string | undefined,
  cacheKey = orgId,
): DirectoryIdResolver {
  const wanted = configured?.trim() || undefined;
  const key = `${cacheKey}|${orgId}|${wanted ?? ''}`;
  return () => {
    let pending = discovered.get(key);
    if (!pending) {
      pending = resolve(http, orgId, wanted);
      discovered.set(key, pending);
      pending.catch(() => discovered.delete(key));
    }
    return pending;
  };
}

async function resolve(http: AtlassianHttpClient, orgId: string, wanted: string | undefined): Promise<string> {
  const directories = await collect(new V2DirectoriesApi(http, orgId).iterateDirectories());
  const listed = directories.map((d) => `${d.directoryId}${d.name ? ` (${d.name})` : ''}`).join(', ');
  if (wanted !== undefined) {
    if (directories.some((d) => d.directoryId === wanted)) return wanted;
    throw new JmlError(
      ErrorNames.Configuration,
      `ATLASSIAN_DIRECTORY_ID ${wanted} is not a directory of organization ${orgId}${listed ? ` (it has: ${listed})` : ''}. Correct it, or unset it to discover the directory.`,
    );
  }
  if (directories.length === 1) return directories[0].directoryId;
  if (directories.length === 0) {
    throw new JmlError(
      ErrorNames.Configuration,
      `Organization ${orgId} has no user directory visible to this API key. Check the org id and that the key is an org admin key, or set ATLASSIAN_DIRECTORY_ID.`,
    );
  }
  throw new JmlError(
    ErrorNames.Configuration,
    `Organization ${orgId} has ${directories.length} user directories: ${listed}. Set ATLASSIAN_DIRECTORY_ID to the one this automation manages.`,
  );
}
