import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import type { JmlConfig } from '../../functions/lib/config/index.js';
import type { ApiTarget } from '../engine/handler-environment.js';

/**
 * Remembers that a config fitted an org, so a batch of `jml run`s pays the few check calls once
 * (each call spends the org's rate limit). One file in the data folder, `config-checks.json`.
 * An entry is keyed by what the verdict depends on: the validated config's content (not its path:
 * an edited file is a new config), the API base URL, the org and the directory. It lives one hour:
 * the org changes under the config (a group renamed or deleted in admin.atlassian.com) and an hour
 * bounds how long a stale "fits" can let a run start. Only successes are kept; the file holds no
 * secret (no API key, no config content).
 */

/** How long a successful check counts. */
export const CONFIG_CHECK_TTL_MS = 60 * 60 * 1000;
/** Entries kept at most (the oldest go first): one per config and org a person uses. */
const MAX_ENTRIES = 100;
const FILE_NAME = 'config-checks.json';

const CacheFileSchema = z.strictObject({
  version: z.literal(1),
  checks: z.array(
    z.strictObject({
      key: z.string().regex(/^[0-9a-f]{64}$/),
      checkedAt: z.iso.datetime(),
      /** For a person reading the file: which config and org the entry is about. */
      config: z.string(),
      org: z.string(),
    }),
  ),
});
type CacheFile = z.infer<typeof CacheFileSchema>;

/** The cache file is not what this CLI writes: refused loudly, never replaced quietly. */
export class DamagedCacheError extends Error {
  constructor(file: string, why: string) {
    super(`${file} is damaged (${why}). It only remembers successful config checks: delete it and run again (or pass --no-check).`);
    this.name = 'DamagedCacheError';
  }
}

/** What a check's verdict depends on, as a SHA-256 hex key. */
export function configCheckKey(config: JmlConfig, api: ApiTarget): string {
  const configDigest = createHash('sha256').update(JSON.stringify(config)).digest('hex');
  return createHash('sha256').update(JSON.stringify([configDigest, api.baseUrl, api.orgId, api.directoryId ?? ''])).digest('hex');
}

export class ConfigCheckCache {
  readonly file: string;

  constructor(dataDir: string, private readonly now: () => number) {
    this.file = join(dataDir, FILE_NAME);
  }

  /** When `key` was last found to fit, if that was less than the TTL ago. */
  freshCheck(key: string): Date | undefined {
    const entry = this.read()?.checks.find((check) => check.key === key);
    if (!entry) return undefined;
    const at = Date.parse(entry.checkedAt);
    const age = this.now() - at;
    return age >= 0 && age < CONFIG_CHECK_TTL_MS ? new Date(at) : undefined;
  }

  /** Records a successful check; expired entries are dropped on the way. */
  remember(key: string, about: { config: string; org: string }): void {
    const now = this.now();
    const kept = (this.read()?.checks ?? []).filter((check) => check.key !== key && now - Date.parse(check.checkedAt) < CONFIG_CHECK_TTL_MS);
    const checks = [...kept, { key, checkedAt: new Date(now).toISOString(), ...about }].slice(-MAX_ENTRIES);
    const dir = join(this.file, '..');
    mkdirSync(dir, { recursive: true });
    // Write then rename: a run stopped half-way never leaves half a file behind.
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ version: 1, checks } satisfies CacheFile, null, 2)}\n`);
    renameSync(temporary, this.file);
  }

  private read(): CacheFile | undefined {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new DamagedCacheError(this.file, (error as Error).message);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new DamagedCacheError(this.file, `not JSON: ${(error as Error).message}`);
    }
    const parsed = CacheFileSchema.safeParse(value);
    if (!parsed.success) throw new DamagedCacheError(this.file, `not a config-check cache: ${parsed.error.issues[0]?.message ?? 'unexpected content'}`);
    return parsed.data;
  }
}
