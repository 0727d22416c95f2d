import { basename, dirname, join } from 'node:path';
import type { DailyBackups } from './daily-backups.js';

/**
 * What to do about a refused store file, as commands to paste (one per line): restore the newest
 * backup, or move the file (with its -wal and -shm) aside to start empty. `losing` says what an
 * empty store forgets.
 */
export function restoreAdvice(file: string, backups: DailyBackups | undefined, losing: string, now = new Date()): string {
  const aside = join(dirname(file), `damaged-${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z`);
  const moveAside = `mkdir ${quote(aside)} && mv ${quote(file)}* ${quote(aside)}/`;
  const newest = backups?.newest();
  const empty = [`Or move it aside and start with an empty one (${losing}):`, `  ${moveAside}`];
  if (!newest) return [`There is no backup of it in ${backups?.folder ?? dirname(file)}.`, ...empty].join('\n');
  return [`Restore the newest backup (${basename(newest)}):`, `  ${moveAside} && cp ${quote(newest)} ${quote(file)}`, ...empty].join('\n');
}

/** A shell word: single-quoted unless plain, so spaces and `$` in paths stay as they are. */
function quote(path: string): string {
  return /^[A-Za-z0-9_./:-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
