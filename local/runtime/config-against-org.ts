import { checkConfigAgainstOrg, describeOrgProblem, type JmlConfig } from '../../functions/lib/config/index.js';
import { orgInventoryFor } from '../engine/org-inventory.js';
import type { ApiTarget } from '../engine/handler-environment.js';

/**
 * The runtime refuses to start with a config that names groups, resources or protected accounts the
 * org does not have (as `jml check-config` reports them): otherwise a misspelt group would surface as
 * `Atlassian.NotFound` in the middle of someone's leaver. A few batched reads, once per start.
 * @throws Error listing every entry the org lacks, each by its path in the config.
 */
export async function assertConfigFitsOrg(config: JmlConfig, configFile: string, api: ApiTarget): Promise<void> {
  const report = await checkConfigAgainstOrg(config, orgInventoryFor(api));
  if (report.problems.length === 0) return;
  const lines = report.problems.map((problem) => `  - ${describeOrgProblem(problem)}`).join('\n');
  throw new Error(
    `${configFile} names ${report.problems.length} thing(s) the org ${api.orgId} does not have; fix the config ` +
      `(\`npm run jml -- check-config --config ${configFile}\` lists them too), then start again:\n${lines}`,
  );
}
