import { describeOrgProblem, type JmlConfig } from '../../functions/lib/config/index.js';
import type { ApiTarget } from '../engine/handler-environment.js';
import { ConfigCheckCache, configCheckKey } from './config-check-cache.js';
import { checkConfigFits, OrgUnreadableError } from './config-fit.js';
import { EXIT_FAILED, EXIT_USAGE } from './cli-io.js';

/**
 * `jml run` checks the config against the org before the workflow starts (as `npm start` does at
 * start-up and `jml check-config` on demand): otherwise a misspelt group surfaces as
 * `Atlassian.NotFound` after the user was already invited and given other groups.
 *
 * - A dry run is not checked: it changes nothing, so there is nothing to protect, and it keeps
 *   costing no calls beyond its own reads (`jml check-config` checks on demand).
 * - `--no-check` skips it.
 * - Against the embedded simulator it runs every time (in-process, a few milliseconds; its org
 *   lives as long as the run, so there is nothing to remember).
 * - Against an API a success is remembered in the data folder for an hour per config content, API
 *   base, org and directory (config-check-cache.ts), so a batch of runs pays the calls once.
 */

export interface ConfigGuardOptions {
  config: JmlConfig;
  /** The config's path or `JML_CONFIG`, for messages. */
  source: string;
  api: ApiTarget;
  workflow: string;
  embedded: boolean;
  dryRun: boolean;
  skip: boolean;
  dataDir: string;
  now: () => number;
}

/** Go ahead (with a line for the progress trace), or stop with an exit code and a message. */
export type ConfigGuardVerdict = { go: true; note: string } | { go: false; exitCode: number; message: string };

export async function guardConfigBeforeRun(options: ConfigGuardOptions): Promise<ConfigGuardVerdict> {
  const { config, source, api, workflow } = options;
  if (options.skip) return { go: true, note: '  config not checked against the org (--no-check)' };
  if (options.dryRun) return { go: true, note: '  config not checked against the org (a dry run changes nothing; jml check-config checks it)' };

  const cache = options.embedded ? undefined : new ConfigCheckCache(options.dataDir, options.now);
  const key = configCheckKey(config, api);
  const remembered = cache?.freshCheck(key);
  if (remembered) {
    const minutes = Math.floor((options.now() - remembered.getTime()) / 60_000);
    return { go: true, note: `  ✓ config fits the org (checked ${minutes} min ago, remembered in ${cache!.file})` };
  }

  let checked;
  try {
    checked = await checkConfigFits(config, api);
  } catch (error) {
    if (!(error instanceof OrgUnreadableError)) throw error;
    return {
      go: false,
      exitCode: EXIT_FAILED,
      message: `could not check ${source} against the org before the ${workflow} (${error.calls} API call(s) made), so nothing was changed: ${error.message}\n` +
        'The run itself needs the same access: fix that first (--no-check skips only this check).',
    };
  }
  const { report, calls } = checked;
  if (report.problems.length > 0) {
    const lines = report.problems.map((problem) => `  - ${describeOrgProblem(problem)}\n`).join('');
    return {
      go: false,
      exitCode: EXIT_USAGE,
      message:
        `${source} names ${report.problems.length} thing(s) the org ${api.orgId} does not have, so the ${workflow} was not started (nothing was changed):\n${lines}` +
        'Fix the config (`jml check-config` lists the same), or pass --no-check to run anyway.',
    };
  }
  cache?.remember(key, { config: source, org: `${api.orgId} at ${api.baseUrl}` });
  const { groups, resources, protectedAccounts } = report.checked;
  return { go: true, note: `  ✓ config fits the org: ${groups} groups, ${resources} resources, ${protectedAccounts} protected accounts checked with ${calls} API call(s)` };
}
