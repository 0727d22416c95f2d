import { existsSync } from 'node:fs';
import { DEFAULT_CONFIG_FILE, type ApiTarget } from '../engine/handler-environment.js';
import { loadJmlConfig, loadJmlConfigFile, type JmlConfig } from '../../functions/lib/config/index.js';
import { apiBaseUrlProblem } from '../../functions/lib/atlassian/api-base-url.js';
import type { CliValues } from './cli-options.js';
import { UsageError } from './read-input.js';

/** Where the run goes: an external API from the options and environment, or the embedded simulator. */
export type RunTarget = { kind: 'external'; api: ApiTarget } | { kind: 'embedded'; generation: 'v1' | 'v2' };

/**
 * Reads the API options; the key may come from ATLASSIAN_API_KEY so it stays off the command line.
 * Each option falls back to the variable the handlers read (docs/cli.md), the option winning.
 */
export function resolveRunTarget(values: CliValues, env: NodeJS.ProcessEnv): RunTarget {
  const generation = resolveGeneration(values, env);
  const url = values['api-url'];
  if (url === undefined) {
    for (const flag of ['api-key', 'org-id', 'directory-id'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} only applies with --api-url (without it the embedded simulator is used)`);
    }
    return { kind: 'embedded', generation };
  }
  const problem = apiBaseUrlProblem(url);
  if (problem) throw new UsageError(`--api-url ${problem} (given: ${JSON.stringify(url)})`);
  const apiKey = values['api-key'] ?? env.ATLASSIAN_API_KEY;
  if (!apiKey?.trim()) throw new UsageError('--api-url needs an org API key: set ATLASSIAN_API_KEY (preferred) or pass --api-key');
  const orgId = values['org-id'] ?? env.ATLASSIAN_ORG_ID;
  if (!orgId?.trim()) throw new UsageError('--api-url needs the org id: pass --org-id or set ATLASSIAN_ORG_ID');
  const directoryId = values['directory-id'] ?? (env.ATLASSIAN_DIRECTORY_ID?.trim() || undefined);
  return {
    kind: 'external',
    api: { baseUrl: url.trim().replace(/\/+$/, ''), apiKey: apiKey.trim(), orgId: orgId.trim(), generation, ...(directoryId ? { directoryId } : {}) },
  };
}

/** `--directory-api`, else `ATLASSIAN_DIRECTORY_API`, else v2; a wrong value names where it came from. */
function resolveGeneration(values: CliValues, env: NodeJS.ProcessEnv): 'v1' | 'v2' {
  const fromEnv = env.ATLASSIAN_DIRECTORY_API?.trim() || undefined;
  const generation = values['directory-api'] ?? fromEnv ?? 'v2';
  if (generation === 'v1' || generation === 'v2') return generation;
  const source = values['directory-api'] !== undefined ? '--directory-api' : 'ATLASSIAN_DIRECTORY_API (environment)';
  throw new UsageError(`${source} must be v1 or v2, not ${JSON.stringify(generation)}`);
}

/** `--waits`: short by default for the embedded simulator (its org vanishes with the process). */
export function resolveShortWaits(values: CliValues, target: RunTarget): boolean {
  const waits = values.waits ?? (target.kind === 'embedded' ? 'short' : 'real');
  if (waits !== 'short' && waits !== 'real') throw new UsageError(`--waits must be real or short, not ${JSON.stringify(waits)}`);
  return waits === 'short';
}

/** The config a command uses: the file (undefined for the inline `JML_CONFIG`), what to call it, and its content. */
export interface ResolvedConfig {
  file: string | undefined;
  /** The path, or `JML_CONFIG`, for messages. */
  source: string;
  config: JmlConfig;
}

/**
 * `--config`, else `JML_CONFIG` (inline, as in AWS), else `JML_CONFIG_FILE`, else the example.
 * Validated here, so a wrong entry is reported with its path before any API call; a path that
 * cannot be read is blamed on what named it (the flag or the variable).
 */
export function resolveConfig(values: CliValues, env: NodeJS.ProcessEnv): ResolvedConfig {
  const given = values.config;
  if (given !== undefined && !existsSync(given)) throw new UsageError(`--config ${given}: no such file (give a JSON or YAML access-rules file)`);
  const inline = given === undefined && env.JML_CONFIG?.trim() ? env.JML_CONFIG : undefined;
  const fromEnv = env.JML_CONFIG_FILE?.trim() || undefined;
  const file = inline ? undefined : (given ?? fromEnv ?? DEFAULT_CONFIG_FILE);
  try {
    const config = file === undefined ? loadJmlConfig({ JML_CONFIG: inline }) : loadJmlConfigFile(file, given !== undefined ? '--config' : fromEnv ? 'JML_CONFIG_FILE' : undefined);
    return { file, source: file ?? 'JML_CONFIG', config };
  } catch (error) {
    const [headline, ...details] = (error as Error).message.split('\n');
    throw new UsageError(headline, details.map((line) => line.replace(/^\s*-\s*/, '')).filter((line) => line && !/^Fix these entries/.test(line)));
  }
}
