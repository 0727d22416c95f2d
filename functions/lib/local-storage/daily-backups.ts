import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateFile } from './private-file.js';
import { ensurePrivateFolder } from './private-folder.js';
import type { SqliteConnection } from './sqlite-connection.js';

/** Daily backups kept of each store. */
export const BACKUPS_KEPT = 7;

/**
 * The daily online backups of one SQLite store: `<folder>/<prefix>-YYYY-MM-DD.sqlite` (UTC day of
 * the wall clock), one per day, never overwritten, the newest `keep` kept. Files are 0600 in a 0700 folder.
 */
export class DailyBackups {
  private readonly pattern: RegExp;

  constructor(
    readonly folder: string,
    readonly prefix: string,
    readonly keep = BACKUPS_KEPT,
  ) {
    this.pattern = new RegExp(`^${prefix.replace(/[^A-Za-z0-9]/g, '\\$&')}-(\\d{4}-\\d{2}-\\d{2})\\.sqlite$`);
  }

  /** The backup file of a UTC day. */
  fileFor(now: Date): string {
    return join(this.folder, `${this.prefix}-${now.toISOString().slice(0, 10)}.sqlite`);
  }

  /** Existing backups, newest first. */
  list(): string[] {
    let names: string[];
    try {
      names = readdirSync(this.folder);
    } catch {
      return [];
    }
    return names.filter((name) => this.pattern.test(name)).sort().reverse().map((name) => join(this.folder, name));
  }

  newest(): string | undefined {
    return this.list()[0];
  }

  /**
   * Takes today's backup of `db` unless it exists, then drops all but the newest `keep`.
   * Written under a temporary name and renamed: a backup file is always complete.
   * @returns the file written, or undefined when today's existed.
   */
  async takeIfDue(db: Pick<SqliteConnection, 'backup'>, now: Date): Promise<string | undefined> {
    const file = this.fileFor(now);
    if (existsSync(file)) return undefined;
    ensurePrivateFolder(this.folder, 'the backup folder');
    const partial = `${file}.partial`;
    createPrivateFile(partial); // SQLite writes into it, keeping its 0600
    try {
      await db.backup(partial);
      renameSync(partial, file);
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    for (const old of this.list().slice(this.keep)) rmSync(old, { force: true });
    return file;
  }
}
