import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { ErrorNames, JmlError } from '../errors.js';
import { RETENTION_DAYS, type ChangeBudgetStore, type ReservationOutcome, type ReservationRequest } from './change-budget-store.js';

/** The part of better-sqlite3 this store uses. */
interface Statement {
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): unknown;
}
interface Database {
  pragma(source: string): unknown;
  exec(source: string): unknown;
  prepare(source: string): Statement;
  transaction<T>(fn: () => T): { immediate(): T };
  close(): void;
}

// Loaded at run time, never bundled: only local runs use SQLite (better-sqlite3 is a native module).
const requireAtRuntime = createRequire(import.meta.url);

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
 */
export class SqliteChangeBudgetStore implements ChangeBudgetStore {
  private readonly db: Database;
  private readonly statements: Record<'existing' | 'count' | 'insert' | 'prune', Statement>;

  constructor(readonly path: string) {
    let open: new (file: string) => Database;
    try {
      open = requireAtRuntime('better-sqlite3') as new (file: string) => Database;
    } catch (error) {
      throw new JmlError(ErrorNames.Configuration, `JML_CHANGE_BUDGET_DB is set, but better-sqlite3 cannot be loaded here (${(error as Error).message}). Install it, or unset JML_CHANGE_BUDGET_DB to count in memory.`);
    }
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      this.db = new open(path);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('busy_timeout = 5000');
      this.db.exec(SCHEMA);
      this.statements = {
        existing: this.db.prepare('SELECT day FROM change_budget_reservations WHERE kind = ? AND scope = ? AND execution_name = ?'),
        count: this.db.prepare('SELECT COUNT(*) AS used FROM change_budget_reservations WHERE kind = ? AND scope = ? AND day = ?'),
        insert: this.db.prepare(
          'INSERT INTO change_budget_reservations (kind, scope, execution_name, day, reserved_at, enforced) VALUES (?, ?, ?, ?, ?, ?)',
        ),
        prune: this.db.prepare('DELETE FROM change_budget_reservations WHERE day < ?'),
      };
    } catch (error) {
      throw new JmlError(ErrorNames.Configuration, `Cannot open the change-budget database ${path} (JML_CHANGE_BUDGET_DB): ${(error as Error).message}. Point it at a writable file.`);
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

  close(): void {
    this.db.close();
  }
}
