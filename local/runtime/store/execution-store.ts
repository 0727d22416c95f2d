import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_SQL, SCHEMA_VERSION } from './store-schema.js';
import type {
  ExecutionCursor, ExecutionOutcome, ExecutionRecord, ExecutionStatus, NewExecution, ResumeCheckpoint, StoredHistoryEvent,
} from './store-types.js';

/** The store could not be opened: another runtime holds it, or it is from a newer version. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

interface ExecutionRow {
  id: number; arn: string; state_machine_arn: string; name: string; status: ExecutionStatus; input: string;
  output: string | null; error: string | null; cause: string | null; start_ms: number; stop_ms: number | null;
  resume_state: string | null; resume_input: string | null; resume_entered: number | null; resume_wait_until: string | null; last_event_id: number;
}

interface EventRow { id: number; previous_id: number; type: string; timestamp_ms: number; details: string | null }

/**
 * Executions, their history and the runtime's own settings in one SQLite file
 * (`<data dir>/runtime.sqlite`, WAL). The connection holds an exclusive lock for its lifetime, so
 * a second runtime on the same data directory is refused instead of running executions twice;
 * the operating system drops the lock when the process dies, even by SIGKILL.
 * Every call is synchronous: a write has reached the WAL when it returns.
 */
export class ExecutionStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly statements;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.file = resolve(join(dataDir, 'runtime.sqlite'));
    this.db = openExclusive(this.file);
    this.statements = prepareStatements(this.db);
  }

  /** The creation time of a state machine: recorded on first sight, stable across restarts. */
  ensureStateMachine(arn: string, name: string, nowMs: number): number {
    this.statements.insertMachine.run(arn, name, nowMs);
    return (this.statements.machineCreated.get(arn) as { created_ms: number }).created_ms;
  }

  /** Inserts a RUNNING execution together with its first history event. */
  insertExecution(execution: NewExecution, firstEvent: StoredHistoryEvent): ExecutionRecord {
    const insert = this.db.transaction(() => {
      const { lastInsertRowid } = this.statements.insertExecution.run(
        execution.arn, execution.stateMachineArn, execution.name, execution.input, execution.startMs, firstEvent.id,
      );
      const id = Number(lastInsertRowid);
      this.insertEvent(id, firstEvent);
      return id;
    });
    const id = insert();
    return { ...execution, id, status: 'RUNNING', lastEventId: firstEvent.id };
  }

  findByArn(arn: string): ExecutionRecord | undefined {
    return toRecord(this.statements.byArn.get(arn) as ExecutionRow | undefined);
  }

  findByName(stateMachineArn: string, name: string): ExecutionRecord | undefined {
    return toRecord(this.statements.byName.get(stateMachineArn, name) as ExecutionRow | undefined);
  }

  /** Newest first; `after` continues a previous page. Uses the (machine, status, start) indexes. */
  listExecutions(query: { stateMachineArn: string; status?: ExecutionStatus; after?: ExecutionCursor; limit: number }): ExecutionRecord[] {
    const after = query.after ?? { startMs: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER };
    const rows = query.status
      ? this.statements.listByStatus.all(query.stateMachineArn, query.status, after.startMs, after.id, query.limit)
      : this.statements.listAll.all(query.stateMachineArn, after.startMs, after.id, query.limit);
    return (rows as ExecutionRow[]).map((row) => toRecord(row) as ExecutionRecord);
  }

  /** Every RUNNING execution, in start order (what a restart resumes). */
  runningExecutions(): ExecutionRecord[] {
    return (this.statements.running.all() as ExecutionRow[]).map((row) => toRecord(row) as ExecutionRecord);
  }

  /**
   * Appends history events of a RUNNING execution and moves its resume checkpoint, atomically.
   * `checkpoint: null` keeps the current one.
   */
  appendEvents(executionId: number, events: StoredHistoryEvent[], checkpoint: ResumeCheckpoint | null): void {
    this.db.transaction(() => {
      for (const event of events) this.insertEvent(executionId, event);
      const lastId = events.at(-1)?.id;
      if (lastId !== undefined) this.statements.setLastEvent.run(lastId, executionId);
      if (checkpoint) this.statements.setCheckpoint.run(checkpoint.state, checkpoint.input, checkpoint.entered ? 1 : 0, checkpoint.waitUntil ?? null, executionId);
    })();
  }

  /** Closes a RUNNING execution with its final events; false (and nothing written) when it was closed already. */
  closeExecution(executionId: number, outcome: ExecutionOutcome, events: StoredHistoryEvent[]): boolean {
    return this.db.transaction(() => {
      const changed = this.statements.close.run(
        outcome.status, outcome.output ?? null, outcome.error ?? null, outcome.cause ?? null, outcome.stopMs, executionId,
      ).changes;
      if (changed === 0) return false;
      for (const event of events) this.insertEvent(executionId, event);
      const lastId = events.at(-1)?.id;
      if (lastId !== undefined) this.statements.setLastEvent.run(lastId, executionId);
      return true;
    })();
  }

  /** A page of history events, by id ascending (or descending with `reverse`), after `afterId`. */
  history(executionId: number, options: { afterId?: number; reverse: boolean; limit: number }): StoredHistoryEvent[] {
    const rows = options.reverse
      ? this.statements.historyDesc.all(executionId, options.afterId ?? Number.MAX_SAFE_INTEGER, options.limit)
      : this.statements.historyAsc.all(executionId, options.afterId ?? 0, options.limit);
    return (rows as EventRow[]).map((row) => ({
      id: row.id, previousEventId: row.previous_id, type: row.type, timestampMs: row.timestamp_ms,
      details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : {},
    }));
  }

  getMeta(key: string): string | undefined {
    return (this.statements.getMeta.get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private insertEvent(executionId: number, event: StoredHistoryEvent): void {
    const details = Object.keys(event.details).length > 0 ? JSON.stringify(event.details) : null;
    this.statements.insertEvent.run(executionId, event.id, event.previousEventId, event.type, event.timestampMs, details);
  }
}

function openExclusive(file: string): Database.Database {
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    // WAL + NORMAL: a committed write survives a crash of the process (not of the machine's power).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new StoreUnavailableError(`${file} was written by a newer runtime (schema ${version}, this one knows ${SCHEMA_VERSION}): update the checkout or use another --data directory.`);
    }
    db.exec(SCHEMA_SQL);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new StoreUnavailableError(`${file} is in use by another runtime: stop it, or give this one another --data directory.`);
    }
    throw error;
  }
}

function prepareStatements(db: Database.Database) {
  const columns = 'id, arn, state_machine_arn, name, status, input, output, error, cause, start_ms, stop_ms, resume_state, resume_input, resume_entered, resume_wait_until, last_event_id';
  return {
    insertMachine: db.prepare('INSERT OR IGNORE INTO state_machines (arn, name, created_ms) VALUES (?, ?, ?)'),
    machineCreated: db.prepare('SELECT created_ms FROM state_machines WHERE arn = ?'),
    insertExecution: db.prepare(
      "INSERT INTO executions (arn, state_machine_arn, name, status, input, start_ms, last_event_id) VALUES (?, ?, ?, 'RUNNING', ?, ?, ?)",
    ),
    byArn: db.prepare(`SELECT ${columns} FROM executions WHERE arn = ?`),
    byName: db.prepare(`SELECT ${columns} FROM executions WHERE state_machine_arn = ? AND name = ?`),
    listAll: db.prepare(
      `SELECT ${columns} FROM executions WHERE state_machine_arn = ? AND (start_ms, id) < (?, ?) ORDER BY start_ms DESC, id DESC LIMIT ?`,
    ),
    listByStatus: db.prepare(
      `SELECT ${columns} FROM executions WHERE state_machine_arn = ? AND status = ? AND (start_ms, id) < (?, ?) ORDER BY start_ms DESC, id DESC LIMIT ?`,
    ),
    running: db.prepare(`SELECT ${columns} FROM executions WHERE status = 'RUNNING' ORDER BY id`),
    setLastEvent: db.prepare('UPDATE executions SET last_event_id = ? WHERE id = ?'),
    setCheckpoint: db.prepare("UPDATE executions SET resume_state = ?, resume_input = ?, resume_entered = ?, resume_wait_until = ? WHERE id = ? AND status = 'RUNNING'"),
    close: db.prepare(
      "UPDATE executions SET status = ?, output = ?, error = ?, cause = ?, stop_ms = ?, resume_state = NULL, resume_input = NULL, resume_entered = NULL, resume_wait_until = NULL WHERE id = ? AND status = 'RUNNING'",
    ),
    insertEvent: db.prepare('INSERT INTO history_events (execution_id, id, previous_id, type, timestamp_ms, details) VALUES (?, ?, ?, ?, ?, ?)'),
    historyAsc: db.prepare('SELECT id, previous_id, type, timestamp_ms, details FROM history_events WHERE execution_id = ? AND id > ? ORDER BY id LIMIT ?'),
    historyDesc: db.prepare('SELECT id, previous_id, type, timestamp_ms, details FROM history_events WHERE execution_id = ? AND id < ? ORDER BY id DESC LIMIT ?'),
    getMeta: db.prepare('SELECT value FROM runtime_meta WHERE key = ?'),
    setMeta: db.prepare('INSERT INTO runtime_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };
}

function toRecord(row: ExecutionRow | undefined): ExecutionRecord | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    arn: row.arn,
    stateMachineArn: row.state_machine_arn,
    name: row.name,
    status: row.status,
    input: row.input,
    ...(row.output !== null ? { output: row.output } : {}),
    ...(row.error !== null ? { error: row.error } : {}),
    ...(row.cause !== null ? { cause: row.cause } : {}),
    startMs: row.start_ms,
    ...(row.stop_ms !== null ? { stopMs: row.stop_ms } : {}),
    ...(row.resume_state !== null
      ? { resume: { state: row.resume_state, input: row.resume_input ?? 'null', entered: row.resume_entered === 1, ...(row.resume_wait_until ? { waitUntil: row.resume_wait_until } : {}) } }
      : {}),
    lastEventId: row.last_event_id,
  };
}
