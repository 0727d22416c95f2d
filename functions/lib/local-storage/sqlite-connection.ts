/**
 * The part of a better-sqlite3 connection the local stores share helpers for. better-sqlite3 is a
 * native module that only local runs load (at run time, never bundled), so this is a type only.
 */
export interface SqliteConnection {
  pragma(source: string, options?: { simple?: boolean }): unknown;
  exec(source: string): unknown;
  close(): void;
  /** SQLite's online backup API: a consistent copy while the store stays in use. */
  backup(destination: string): Promise<unknown>;
}

/** `new Database(file, options)`. */
export type OpenSqlite = (file: string, options?: { fileMustExist?: boolean; timeout?: number }) => SqliteConnection;

/** better-sqlite3's error code, e.g. `SQLITE_CORRUPT`, `SQLITE_FULL`, `SQLITE_IOERR_WRITE`; undefined for other errors. */
export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}
