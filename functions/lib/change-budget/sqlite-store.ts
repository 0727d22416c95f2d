import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { ErrorNames, JmlError } from '../errors.js';
import { DailyBackups } from '../local-storage/daily-backups.js';
import { DamagedStoreError } from '../local-storage/damaged-store-error.js';
import { ensurePrivateFolder, FolderUnusableError } from '../local-storage/private-folder.js';
import { tightenToPrivate } from '../local-storage/private-file.js';
import { restoreAdvice } from '../local-storage/restore-advice.js';
import type { OpenSqlite, SqliteConnection } from '../local-storage/sqlite-connection.js';
import { checkIntegrity, createStoreFile, damagedBy, inspectStoreFile } from '../local-storage/store-file.js';
import { RETENTION_DAYS, type ChangeBudgetStore, type ReservationOutcome, type ReservationRequest } from './change-budget-store.js';

/** The part of better-sqlite3 this store uses. */
interface Statement {
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): unknown;
}
interface Database extends SqliteConnection {
  prepare(source: string): Statement;
  transaction<T>(fn: () => T): { immediate(): T };
}

// Loaded at run time, never bundled: only local runs use SQLite (better-sqlite3 is a native module).
const requireAtRuntime = createRequire(import.meta.url);

/** `PRAGMA user_version` of this store. Files made before it was set have 0 and the table. */
const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS change_budget_reservations (
    kind TEXT NOT NULL,
    scope TEXT NOT NULL,
    execution_name TEXT NOT NULL,
    day TEXT NOT NULL,
    reserved_at TEXT NOT NULL,
    enforced INTEGER NOT NULL,
    PRIMARY KEY (kind, scope, execution_name)
  );
  CREATE INDEX IF NOT EXISTS change_budget_by_day ON change_budget_reservations (kind, scope, day);
`;

/**
 * The budget in a SQLite file (`JML_CHANGE_BUDGET_DB`; the local runtime keeps it in its data
 * folder), so it survives restarts and is shared by every process using the file. Each reservation
 * is one `BEGIN IMMEDIATE` transaction: check and count cannot interleave, in one process or several.
 * An existing file is checked first (SQLite header, integrity, schema version): a damaged one is
 * refused with its path and what to do, never replaced. Files are 0600, a new folder 0700.
 */
export class SqliteChangeBudgetStore implements ChangeBudgetStore {
  /** Its daily backups (taken by the local runtime), `<folder>/backups/change-budget-YYYY-MM-DD.sqlite`. */
  readonly backups: DailyBackups;
  private readonly db: Database;
  private readonly statements: Record<'existing' | 'count' | 'insert' | 'prune', Statement>;

  constructor(readonly path: string) {
    let Driver: new (file: string, options?: object) => Database;
    try {
      Driver = requireAtRuntime('better-sqlite3') as typeof Driver;
    } catch (error) {
      throw new JmlError(ErrorNames.Configuration, `JML_CHANGE_BUDGET_DB is set, but better-sqlite3 cannot be loaded here (${(error as Error).message}). Install it, or unset JML_CHANGE_BUDGET_DB to count in memory.`);
    }
    const file = path === ':memory:' ? path : resolve(path);
    this.backups = new DailyBackups(join(dirname(file), 'backups'), 'change-budget');
    try {
      this.db = file === ':memory:' ? new Driver(file) : openChecked(file, (f, options) => new Driver(f, options), this.backups);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('busy_timeout = 5000');
      this.db.exec(SCHEMA);
      if (file !== ':memory:') for (const companion of ['-wal', '-shm']) tightenToPrivate(`${file}${companion}`);
      this.statements = {
        existing: this.db.prepare('SELECT day FROM change_budget_reservations WHERE kind = ? AND scope = ? AND execution_name = ?'),
        count: this.db.prepare('SELECT COUNT(*) AS used FROM change_budget_reservations WHERE kind = ? AND scope = ? AND day = ?'),
        insert: this.db.prepare(
          'INSERT INTO change_budget_reservations (kind, scope, execution_name, day, reserved_at, enforced) VALUES (?, ?, ?, ?, ?, ?)',
        ),
        prune: this.db.prepare('DELETE FROM change_budget_reservations WHERE day < ?'),
      };
    } catch (error) {
      if (error instanceof DamagedStoreError) throw new JmlError(ErrorNames.Configuration, `The change-budget database (JML_CHANGE_BUDGET_DB) ${error.message}`, { cause: error });
      if (error instanceof FolderUnusableError) throw new JmlError(ErrorNames.Configuration, `The change-budget database ${file} (JML_CHANGE_BUDGET_DB) cannot be opened: ${error.message}. Point it at a writable folder.`, { cause: error });
      throw new JmlError(ErrorNames.Configuration, `Cannot open the change-budget database ${file} (JML_CHANGE_BUDGET_DB): ${(error as Error).message}. Point it at a writable file.`, { cause: error });
    }
  }

  async reserve(request: ReservationRequest): Promise<ReservationOutcome> {
    const { existing, count, insert, prune } = this.statements;
    const { kind, scope, executionName, day } = request;
    return this.db
      .transaction((): ReservationOutcome => {
        const held = existing.get(kind, scope, executionName) as { day: string } | undefined;
        if (held) return { status: 'already', day: held.day, used: (count.get(kind, scope, held.day) as { used: number }).used };
        const used = (count.get(kind, scope, day) as { used: number }).used;
        if (request.enforce && used >= request.limit) return { status: 'exceeded', used };
        insert.run(kind, scope, executionName, day, request.at, request.enforce ? 1 : 0);
        prune.run(new Date(Date.parse(`${day}T00:00:00Z`) - RETENTION_DAYS * 86_400_000).toISOString().slice(0, 10));
        return { status: 'reserved', used: used + 1 };
      })
      .immediate();
  }

  /** A consistent copy while the store stays in use (SQLite's online backup API). */
  backup(destination: string): Promise<unknown> {
    return this.db.backup(destination);
  }

  close(): void {
    this.db.close();
  }
}

/** Opens `file`, creating it (0600, in a 0700 folder) only where nothing exists; an existing one is checked before any write. */
function openChecked(file: string, open: (file: string, options?: { fileMustExist?: boolean; timeout?: number }) => Database, backups: DailyBackups): Database {
  const advice = () => restoreAdvice(file, backups, "today's count of changes starts again from zero");
  ensurePrivateFolder(dirname(file), 'the change-budget folder');
  if (inspectStoreFile(file, advice) === 'absent') {
    createStoreFile(file, open as OpenSqlite, (db) => {
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    });
  }
  tightenToPrivate(file);
  const db = open(file, { fileMustExist: true, timeout: 5000 });
  try {
    checkIntegrity(db, file, advice);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new DamagedStoreError(file, `was written by a newer version (schema ${version}, this one knows up to ${SCHEMA_VERSION})`, 'Update this checkout, or point JML_CHANGE_BUDGET_DB at another file.');
    const hasTable = (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_budget_reservations'").get() as unknown) !== undefined;
    if (!hasTable) throw new DamagedStoreError(file, `is a SQLite database but not a change-budget store (schema version ${version}, no reservations table)`, advice());
    if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
    return db;
  } catch (error) {
    db.close();
    throw damagedBy(error, file, advice);
  }
}
