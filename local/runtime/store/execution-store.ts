import { dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { DailyBackups } from '../../../functions/lib/local-storage/daily-backups.js';
import { restoreAdvice } from '../../../functions/lib/local-storage/restore-advice.js';
import { openRuntimeStore } from './open-runtime-store.js';
import type { OrgBinding } from './org-binding.js';
import type {
  ExecutionCursor, ExecutionOutcome, ExecutionRecord, ExecutionStatus, NewExecution, ResumeCheckpoint, StoredHistoryEvent,
} from './store-types.js';
import { WriteGate } from './write-gate.js';

export { StoreUnavailableError } from './open-runtime-store.js';

/** The store's file name in the data folder. */
export const STORE_FILE = 'runtime.sqlite';
/** A write that needs this much fresh room proves the disk has space again (see WriteGate). */
const PROBE_BYTES = 64 * 1024;

interface ExecutionRow {
  id: number; arn: string; state_machine_arn: string; name: string; status: ExecutionStatus; input: string;
  output: string | null; error: string | null; cause: string | null; start_ms: number; stop_ms: number | null;
  resume_state: string | null; resume_input: string | null; resume_entered: number | null; resume_wait_until: string | null; last_event_id: number;
  org_id: string | null; api_base: string | null;
}

interface EventRow { id: number; previous_id: number; type: string; timestamp_ms: number; details: string | null }

/**
 * Executions, their history and the runtime's own settings in one SQLite file
 * (`<data folder>/runtime.sqlite`, WAL, 0600). The connection holds an exclusive lock for its
 * lifetime, so a second runtime on the same data folder is refused instead of running executions
 * twice; the operating system drops the lock when the process dies, even by SIGKILL.
 * Every call is synchronous: a write has reached the WAL when it returns. Every write goes through
 * `writes` (a full disk: refused at once, nothing half written, until there is room again).
 */
export class ExecutionStore {
  readonly file: string;
  /** Its daily backups, `<data folder>/backups/runtime-YYYY-MM-DD.sqlite`. */
  readonly backups: DailyBackups;
  readonly writes: WriteGate;
  private readonly db: Database.Database;
  private readonly statements;

  /** Opens (or creates) the store of a data folder that exists (`prepareDataFolder`). @throws StoreUnavailableError, DamagedStoreError */
  constructor(dataDir: string) {
    this.file = resolve(join(dataDir, STORE_FILE));
    this.backups = new DailyBackups(join(dirname(this.file), 'backups'), 'runtime');
    this.db = openRuntimeStore(this.file, () => restoreAdvice(this.file, this.backups, 'every execution in it is forgotten, waiting leavers are never removed'));
    this.statements = prepareStatements(this.db);
    this.writes = new WriteGate(dirname(this.file), () => this.probeWrite());
  }

  /** The creation time of a state machine: recorded on first sight, stable across restarts. */
  ensureStateMachine(arn: string, name: string, nowMs: number): number {
    this.writes.run(() => this.statements.insertMachine.run(arn, name, nowMs));
    return (this.statements.machineCreated.get(arn) as { created_ms: number }).created_ms;
  }

  /** Inserts a RUNNING execution, bound to its org, together with its first history event. */
  insertExecution(execution: NewExecution, firstEvent: StoredHistoryEvent): ExecutionRecord {
    const insert = this.db.transaction(() => {
      const { lastInsertRowid } = this.statements.insertExecution.run(
        execution.arn, execution.stateMachineArn, execution.name, execution.input, execution.startMs, firstEvent.id, execution.org.orgId, execution.org.apiBase,
      );
      const id = Number(lastInsertRowid);
      this.insertEvent(id, firstEvent);
      return id;
    });
    const id = this.writes.run(insert);
    return { ...execution, id, status: 'RUNNING', lastEventId: firstEvent.id };
  }

  /** Binds the RUNNING executions whose org is unknown (started before schema 2) to `org`. Returns how many. */
  bindUnknownOrg(org: OrgBinding): number {
    return this.writes.run(() => this.statements.bindUnknown.run(org.orgId, org.apiBase).changes);
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
    this.writes.run(this.db.transaction(() => {
      for (const event of events) this.insertEvent(executionId, event);
      const lastId = events.at(-1)?.id;
      if (lastId !== undefined) this.statements.setLastEvent.run(lastId, executionId);
      if (checkpoint) this.statements.setCheckpoint.run(checkpoint.state, checkpoint.input, checkpoint.entered ? 1 : 0, checkpoint.waitUntil ?? null, executionId);
    }));
  }

  /** Closes a RUNNING execution with its final events; false (and nothing written) when it was closed already. */
  closeExecution(executionId: number, outcome: ExecutionOutcome, events: StoredHistoryEvent[]): boolean {
    return this.writes.run(this.db.transaction(() => {
      const changed = this.statements.close.run(
        outcome.status, outcome.output ?? null, outcome.error ?? null, outcome.cause ?? null, outcome.stopMs, executionId,
      ).changes;
      if (changed === 0) return false;
      for (const event of events) this.insertEvent(executionId, event);
      const lastId = events.at(-1)?.id;
      if (lastId !== undefined) this.statements.setLastEvent.run(lastId, executionId);
      return true;
    }));
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
    this.writes.run(() => this.statements.setMeta.run(key, value));
  }

  /** A consistent copy of the store while it stays in use (SQLite's online backup API). */
  backup(destination: string): Promise<unknown> {
    return this.db.backup(destination);
  }

  /**
   * Caps the store's size in pages (`PRAGMA max_page_count`), as a full disk would; `undefined`
   * lifts the cap. For tests of a full data folder: SQLite answers SQLITE_FULL past the cap.
   */
  capSizeForTests(pages: number | undefined): void {
    this.db.pragma(`max_page_count = ${pages === undefined ? 4_294_967_294 : Math.max(1, Math.floor(pages))}`);
  }

  /** Pages the store uses now. */
  pageCount(): number {
    return this.db.pragma('page_count', { simple: true }) as number;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Needs fresh room (new pages, WAL growth): succeeds only when the folder has space again. */
  private probeWrite(): void {
    this.statements.setMetaBlob.run('spaceProbe', PROBE_BYTES);
    this.statements.deleteMeta.run('spaceProbe');
  }

  private insertEvent(executionId: number, event: StoredHistoryEvent): void {
    const details = Object.keys(event.details).length > 0 ? JSON.stringify(event.details) : null;
    this.statements.insertEvent.run(executionId, event.id, event.previousEventId, event.type, event.timestampMs, details);
  }
}

function prepareStatements(db: Database.Database) {
  const columns = 'id, arn, state_machine_arn, name, status, input, output, error, cause, start_ms, stop_ms, resume_state, resume_input, resume_entered, resume_wait_until, last_event_id, org_id, api_base';
  return {
    insertMachine: db.prepare('INSERT OR IGNORE INTO state_machines (arn, name, created_ms) VALUES (?, ?, ?)'),
    machineCreated: db.prepare('SELECT created_ms FROM state_machines WHERE arn = ?'),
    insertExecution: db.prepare(
      "INSERT INTO executions (arn, state_machine_arn, name, status, input, start_ms, last_event_id, org_id, api_base) VALUES (?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?)",
    ),
    bindUnknown: db.prepare("UPDATE executions SET org_id = ?, api_base = ? WHERE status = 'RUNNING' AND (org_id IS NULL OR api_base IS NULL)"),
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
    setMetaBlob: db.prepare('INSERT INTO runtime_meta (key, value) VALUES (?, zeroblob(?)) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    deleteMeta: db.prepare('DELETE FROM runtime_meta WHERE key = ?'),
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
    ...(row.org_id !== null && row.api_base !== null ? { org: { orgId: row.org_id, apiBase: row.api_base } } : {}),
  };
}
