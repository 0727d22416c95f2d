import Database from 'better-sqlite3';
import { DamagedStoreError } from '../../../functions/lib/local-storage/damaged-store-error.js';
import { tightenToPrivate } from '../../../functions/lib/local-storage/private-file.js';
import { sqliteCode, type OpenSqlite } from '../../../functions/lib/local-storage/sqlite-connection.js';
import { checkIntegrity, createStoreFile, damagedBy, inspectStoreFile } from '../../../functions/lib/local-storage/store-file.js';
import { MIGRATIONS, SCHEMA_SQL, SCHEMA_VERSION } from './store-schema.js';

/** The store could not be opened: another runtime holds it, or it is damaged or from a newer version. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

const openSqlite: OpenSqlite = (file, options) => new Database(file, options);

/**
 * Opens the runtime's store at `file`, creating it only where no file exists. An existing file is
 * checked before anything is written to it: SQLite's header, the exclusive lock (a second runtime
 * is refused), `PRAGMA integrity_check`, the schema version (newer or unknown: refused); only then
 * is it migrated and configured. A refused file is left byte for byte as it was.
 * `advice` says what to do about a damaged file (restore a backup, or move it aside).
 * @throws StoreUnavailableError, DamagedStoreError
 */
export function openRuntimeStore(file: string, advice: () => string): Database.Database {
  if (inspectStoreFile(file, advice) === 'absent') {
    createStoreFile(file, openSqlite, (db) => {
      db.exec(SCHEMA_SQL);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    });
  }
  tightenToPrivate(file); // a store written by an earlier version was 0644
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    // Held from the first read until the process ends: a second runtime on this file gets SQLITE_BUSY.
    db.pragma('locking_mode = EXCLUSIVE');
    checkIntegrity(db, file, advice);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new StoreUnavailableError(`${file} was written by a newer runtime (schema ${version}, this one knows up to ${SCHEMA_VERSION}); it was left as it is: update this checkout, or use another --data folder.`);
    }
    if (version < 1) throw new DamagedStoreError(file, `is a SQLite database but not a runtime store (schema version ${version})`, advice());
    db.pragma('journal_mode = WAL');
    // WAL + NORMAL: a committed write survives a crash of the process (not of the machine's power).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, version);
    for (const companion of ['-wal', '-shm']) tightenToPrivate(`${file}${companion}`);
    return db;
  } catch (error) {
    db.close();
    if (sqliteCode(error) === 'SQLITE_BUSY') {
      throw new StoreUnavailableError(`${file} is in use by another runtime: stop it, or give this one another --data directory.`);
    }
    throw damagedBy(error, file, advice);
  }
}

function migrate(db: Database.Database, from: number): void {
  db.transaction(() => {
    for (let version = from; version < SCHEMA_VERSION; version += 1) {
      const step = MIGRATIONS.get(version);
      if (step === undefined) throw new StoreUnavailableError(`no migration from store schema ${version}: this is a bug, please report it`);
      db.exec(step);
    }
    db.exec(SCHEMA_SQL); // indexes and tables added since (all IF NOT EXISTS)
    if (from !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
