import { checkConfigAgainstOrg, type JmlConfig } from '../../functions/lib/config/index.js';
import type { ConfigOrgReport } from '../../functions/lib/config/check-config-against-org.js';
import { orgInventoryFor } from '../engine/org-inventory.js';
import type { ApiTarget } from '../engine/handler-environment.js';

/** The org could not be read (unreachable, refused the key): nothing can be said about the config. */
export class OrgUnreadableError extends Error {
  constructor(message: string, readonly calls: number, options?: ErrorOptions) {
    super(message, options);
    this.name = 'OrgUnreadableError';
  }
}

/**
 * Whether the org has every group, role resource and protected account the config names (what
 * `jml check-config` reports), and how many API calls that took: every HTTP attempt counts
 * against the org's rate limit, retries included. Reads only.
 * @throws OrgUnreadableError when the org could not be read.
 */
export async function checkConfigFits(config: JmlConfig, api: ApiTarget): Promise<{ report: ConfigOrgReport; calls: number }> {
  let calls = 0;
  const inventory = orgInventoryFor(api, (input, init) => {
    calls++;
    return fetch(input, init);
  });
  try {
    return { report: await checkConfigAgainstOrg(config, inventory), calls };
  } catch (error) {
    throw new OrgUnreadableError((error as Error).message, calls, { cause: error });
  }
}
