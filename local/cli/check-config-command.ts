import { describeOrgProblem } from '../../functions/lib/config/index.js';
import { checkConfigFits, OrgUnreadableError } from './config-fit.js';
import { startEmbeddedSimulator } from '../engine/embedded-simulator.js';
import type { ApiTarget } from '../engine/handler-environment.js';
import { resolveConfig, resolveRunTarget } from './api-target-options.js';
import type { CliValues } from './cli-options.js';
import { UsageError } from './read-input.js';
import type { CliIo } from './cli-io.js';

/** Exit codes of `jml check-config` (the same meaning as for `jml run`). */
const EXIT_OK = 0;
const EXIT_COULD_NOT_CHECK = 1;
const EXIT_CONFIG_WRONG = 2;

/** Options of `jml run` that mean nothing here: refusing them beats silently ignoring a typo'd command. */
const RUN_ONLY_OPTIONS = ['input', 'dry-run', 'waits', 'log-level', 'directory-api', 'no-check', 'data'] as const;

/**
 * `jml check-config [--config F] [--api-url U --org-id O]`: the config's schema (as `jml run` checks
 * it), then every group, role resource and protected account against the org (the embedded demo
 * simulator by default). Exit 0 when everything exists, 2 when the config is wrong, 1 when the org
 * could not be read. The report goes to stdout, progress to stderr; the API key is never printed.
 */
export async function checkConfigCommand(args: string[], values: CliValues, io: CliIo): Promise<number> {
  if (args.length > 0) throw new UsageError(`unexpected argument(s): ${args.join(' ')} (check-config takes --config <file>)`);
  for (const option of RUN_ONLY_OPTIONS) {
    if (values[option] !== undefined) {
      const why = option === 'directory-api' ? ': it reads groups, users and workspaces through the v2 API' : '';
      throw new UsageError(`--${option} does not apply to check-config${why}`);
    }
  }
  const target = resolveRunTarget(values, io.env);
  // Schema errors end here with exit 2, each naming its entry (UsageError), before any API call.
  const { config, source } = resolveConfig(values, io.env);

  const simulator = target.kind === 'embedded' ? await startEmbeddedSimulator('v2') : undefined;
  try {
    const api: ApiTarget = simulator?.api ?? (target as Extract<typeof target, { kind: 'external' }>).api;
    const where = simulator ? `the embedded simulator (demo org ${api.orgId})` : `${api.baseUrl} (org ${api.orgId})`;
    if (!values.quiet) io.stderr.write(`▶ checking ${source} against ${where}\n`);
    let checked;
    try {
      checked = await checkConfigFits(config, api);
    } catch (error) {
      if (!(error instanceof OrgUnreadableError)) throw error;
      io.stderr.write(`jml: could not check ${source} against the org (${error.calls} API call(s) made): ${error.message}\n`);
      return EXIT_COULD_NOT_CHECK;
    }
    const { report, calls } = checked;
    const { groups, resources, protectedAccounts } = report.checked;
    const summary = `${groups} groups, ${resources} resources, ${protectedAccounts} protected accounts checked with ${calls} API call(s)`;
    if (report.problems.length === 0) {
      io.stdout.write(`config OK: ${summary}\n`);
      return EXIT_OK;
    }
    const lines = report.problems.map((problem) => `  - ${describeOrgProblem(problem)}\n`).join('');
    io.stdout.write(`${source} names ${report.problems.length} thing(s) ${where} does not have:\n${lines}${summary}\n`);
    return EXIT_CONFIG_WRONG;
  } finally {
    await simulator?.close();
  }
}
