import { sqliteCode } from '../../../functions/lib/local-storage/sqlite-connection.js';

/** SQLite results that mean the data folder takes no more writes (full disk, read-only remount, I/O failure). */
function isUnwritable(code: string | undefined): code is string {
  return code !== undefined && /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN)/.test(code);
}

/**
 * The data folder takes no writes now: nothing was written (the transaction was rolled back), and
 * nothing more will be tried until a probe write succeeds.
 */
export class DataFolderUnwritableError extends Error {
  override name = 'DataFolderUnwritableError';

  constructor(
    readonly folder: string,
    /** SQLite's code, e.g. `SQLITE_FULL`, `SQLITE_IOERR_WRITE`. */
    readonly code: string,
  ) {
    super(code === 'SQLITE_FULL'
      ? `The data folder ${folder} is full (${code}): free space there. Executions are kept as they were and continue once there is room.`
      : `The data folder ${folder} cannot be written (${code}): check the disk and its permissions. Executions are kept as they were and continue once it can be written.`);
  }
}

export interface WriteGateListener {
  /** The first write that failed: from now on writes are refused. */
  blocked(error: DataFolderUnwritableError): void;
  /** A probe write succeeded: writes go through again. */
  reopened(): void;
}

/**
 * Every write of the store goes through here. The first one that fails for lack of space (or an
 * unwritable disk) closes the gate: later writes fail at once with the same error, before touching
 * SQLite, until a probe write (`probe`: one that needs fresh room) succeeds. A write attempted while
 * closed runs the probe first, so the gate reopens as soon as there is room and anyone writes;
 * `tryReopen` lets a timer do the same when nobody does.
 */
export class WriteGate {
  private closedBy: DataFolderUnwritableError | undefined;
  private readonly listeners = new Set<WriteGateListener>();

  constructor(
    private readonly folder: string,
    private readonly probe: () => void,
  ) {}

  get isClosed(): boolean {
    return this.closedBy !== undefined;
  }

  subscribe(listener: WriteGateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `write`. @throws DataFolderUnwritableError when the folder takes no writes (nothing written). */
  run<T>(write: () => T): T {
    if (this.closedBy && !this.tryReopen()) throw this.closedBy;
    try {
      return write();
    } catch (error) {
      const code = sqliteCode(error);
      if (!isUnwritable(code)) throw error;
      this.close(new DataFolderUnwritableError(this.folder, code));
      throw this.closedBy;
    }
  }

  /** Tries the probe write when closed. @returns whether writes go through now. */
  tryReopen(): boolean {
    if (!this.closedBy) return true;
    try {
      this.probe();
    } catch (error) {
      if (isUnwritable(sqliteCode(error))) return false;
      throw error;
    }
    this.closedBy = undefined;
    for (const listener of [...this.listeners]) listener.reopened();
    return true;
  }

  private close(error: DataFolderUnwritableError): void {
    if (this.closedBy) return;
    this.closedBy = error;
    for (const listener of [...this.listeners]) listener.blocked(error);
  }
}
