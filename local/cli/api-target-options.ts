import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { ApiTarget } from '../engine/handler-environment.js';
import type { CliValues } from './cli-options.js';
import { UsageError } from './read-input.js';

const ApiUrlSchema = z.url({ protocol: /^https?$/ });

/** Where the run goes: an external API from the options and environment, or the embedded simulator. */
export type RunTarget = { kind: 'external'; api: ApiTarget } | { kind: 'embedded'; generation: 'v1' | 'v2' };

/** Reads the API options; the key may come from ATLASSIAN_API_KEY so it stays off the command line. */
export function resolveRunTarget(values: CliValues, env: NodeJS.ProcessEnv): RunTarget {
  const generation = values['directory-api'] ?? 'v2';
  if (generation !== 'v1' && generation !== 'v2') {
    throw new UsageError(`--directory-api must be v1 or v2, not ${JSON.stringify(generation)}`);
  }
  const url = values['api-url'];
  if (url === undefined) {
    for (const flag of ['api-key', 'org-id', 'directory-id'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} only applies with --api-url (without it the embedded simulator is used)`);
    }
    return { kind: 'embedded', generation };
  }
  if (!ApiUrlSchema.safeParse(url).success) {
    throw new UsageError(`--api-url must be an http(s) URL such as https://api.atlassian.com/admin, not ${JSON.stringify(url)}`);
  }
  const apiKey = values['api-key'] ?? env.ATLASSIAN_API_KEY;
  if (!apiKey?.trim()) throw new UsageError('--api-url needs an org API key: set ATLASSIAN_API_KEY (preferred) or pass --api-key');
  const orgId = values['org-id'] ?? env.ATLASSIAN_ORG_ID;
  if (!orgId?.trim()) throw new UsageError('--api-url needs the org id: pass --org-id or set ATLASSIAN_ORG_ID');
  const directoryId = values['directory-id'] ?? env.ATLASSIAN_DIRECTORY_ID;
  return {
    kind: 'external',
    api: { baseUrl: url.replace(/\/+$/, ''), apiKey: apiKey.trim(), orgId: orgId.trim(), generation, ...(directoryId ? { directoryId } : {}) },
  };
}

/** `--waits`: short by default for the embedded simulator (its org vanishes with the process). */
export function resolveShortWaits(values: CliValues, target: RunTarget): boolean {
  const waits = values.waits ?? (target.kind === 'embedded' ? 'short' : 'real');
  if (waits !== 'short' && waits !== 'real') throw new UsageError(`--waits must be real or short, not ${JSON.stringify(waits)}`);
  return waits === 'short';
}

/** `--config`: must exist; validated (with messages that point at the entry) by the handlers that read it. */
export function resolveConfigFile(values: CliValues): string | undefined {
  const file = values.config;
  if (file !== undefined && !existsSync(file)) throw new UsageError(`--config ${file}: no such file (give a JSON or YAML access-rules file)`);
  return file;
}
