import { closeSync, linkSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { DamagedStoreError } from './damaged-store-error.js';
import { createPrivateFile } from './private-file.js';
import { sqliteCode, type OpenSqlite, type SqliteConnection } from './sqlite-connection.js';

/** The first 16 bytes of every SQLite database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What is at a store's path, read without opening it with SQLite (which would take an empty
 * file for a new database): nothing yet, or a SQLite database.
 * @throws DamagedStoreError for a folder, an empty file, or a file that is not SQLite.
 */
export function inspectStoreFile(file: string, advice: () => string): 'absent' | 'sqlite' {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new DamagedStoreError(file, 'is not a file', advice());
    size = stat.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  if (size === 0) throw new DamagedStoreError(file, 'is empty (0 bytes): its content is lost', advice());
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 512 || !head.equals(SQLITE_HEADER)) throw new DamagedStoreError(file, 'is not a SQLite database (its first bytes are not the SQLite header)', advice());
  return 'sqlite';
}

/**
 * Creates a new store at `file`, mode 0600: built under a temporary name, then linked into place,
 * which fails if a file appeared there meanwhile (another process made it: that one is kept). So a
 * store file is never half made, and an existing one is never replaced.
 */
export function createStoreFile(file: string, open: OpenSqlite, init: (db: SqliteConnection) => void): void {
  const temporary = `${file}.new-${process.pid}`;
  createPrivateFile(temporary);
  try {
    const db = open(temporary, { fileMustExist: true });
    try {
      db.pragma('journal_mode = WAL');
      init(db);
    } finally {
      db.close();
    }
    placeWithoutReplacing(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function placeWithoutReplacing(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    // File systems without hard links: a rename, after checking (a race here is only between two first starts).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    if (!exists(to)) renameSync(from, to);
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * SQLite's full `PRAGMA integrity_check` (every page, every index: about 1 s for a 1.1 GB store
 * with a warm cache, docs/runtime.md). It only reads.
 * @throws DamagedStoreError with the first problems SQLite found.
 */
export function checkIntegrity(db: SqliteConnection, file: string, advice: () => string): void {
  let problems: string[];
  try {
    problems = (db.pragma('integrity_check(5)') as { integrity_check: string }[]).map((row) => row.integrity_check);
  } catch (error) {
    throw damagedBy(error, file, advice);
  }
  if (problems.length === 1 && problems[0] === 'ok') return;
  const first = problems.flatMap((row) => row.split('\n')).filter((line) => line.trim() && !line.startsWith('*** in database')).slice(0, 3);
  throw new DamagedStoreError(file, `is damaged (SQLite's integrity check: ${first.join('; ')})`, advice());
}

/** A SQLite error that says the file is not a sound database, as a DamagedStoreError; anything else unchanged. */
export function damagedBy(error: unknown, file: string, advice: () => string): unknown {
  const code = sqliteCode(error);
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_CORRUPT_')) {
    return new DamagedStoreError(file, `is damaged (SQLite: ${(error as Error).message})`, advice());
  }
  return error;
}
