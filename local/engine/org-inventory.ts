import { V2OrgInventory } from '../../functions/lib/atlassian/directory/v2-org-inventory.js';
import type { ApiTarget } from './handler-environment.js';

/**
 * The batched, read-only view of what an org has (groups, users, workspaces) for an API target, as
 * `jml check-config` and the runtime's start-up check read it. `fetch` lets a caller count calls.
 */
export function orgInventoryFor(api: ApiTarget, fetchImpl: typeof fetch = fetch): V2OrgInventory {
  return new V2OrgInventory({
    baseUrl: api.baseUrl,
    orgId: api.orgId,
    ...(api.directoryId ? { directoryId: api.directoryId } : {}),
    apiKey: async () => api.apiKey,
    fetch: fetchImpl,
  });
}
