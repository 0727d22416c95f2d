/**
 * The runtime's SQLite schema (docs/runtime.md, "Store"). `PRAGMA user_version` holds the schema
 * version; a data directory written by a newer runtime is refused rather than misread.
 * 1: the first. 2: each execution records the org it was started for (`org_id`, `api_base`).
 */
export const SCHEMA_VERSION = 2;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS state_machines (
  arn         TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  created_ms  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS executions (
  id                 INTEGER PRIMARY KEY,          -- start order
  arn                TEXT NOT NULL UNIQUE,
  state_machine_arn  TEXT NOT NULL,
  name               TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED')),
  input              TEXT NOT NULL,
  output             TEXT,
  error              TEXT,
  cause              TEXT,
  start_ms           INTEGER NOT NULL,
  stop_ms            INTEGER,
  -- Where a RUNNING execution continues after a restart: the last top-level state it entered
  -- (or the next one, once a state exited), that state's input, and for a Wait its deadline.
  resume_state       TEXT,
  resume_input       TEXT,
  resume_entered     INTEGER,
  resume_wait_until  TEXT,
  last_event_id      INTEGER NOT NULL DEFAULT 0,
  -- The org it acts on: its id and Admin API base URL ('embedded simulator' for the embedded one).
  -- NULL for executions started before schema 2: their org is unknown.
  org_id             TEXT,
  api_base           TEXT,
  UNIQUE (state_machine_arn, name)
);
-- ListExecutions: newest first, per state machine, with and without a status filter.
CREATE INDEX IF NOT EXISTS executions_by_machine_status_start ON executions (state_machine_arn, status, start_ms DESC, id DESC);
CREATE INDEX IF NOT EXISTS executions_by_machine_start ON executions (state_machine_arn, start_ms DESC, id DESC);
-- Resume at start: the open executions only.
CREATE INDEX IF NOT EXISTS executions_running ON executions (id) WHERE status = 'RUNNING';

CREATE TABLE IF NOT EXISTS history_events (
  execution_id  INTEGER NOT NULL REFERENCES executions (id),
  id            INTEGER NOT NULL,
  previous_id   INTEGER NOT NULL,
  type          TEXT NOT NULL,
  timestamp_ms  INTEGER NOT NULL,
  details       TEXT,                             -- JSON: {"<x>EventDetails": {...}}
  PRIMARY KEY (execution_id, id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS runtime_meta (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;
`;

/**
 * From each older version to the next, in order: `MIGRATIONS.get(1)` takes a version-1 store to 2.
 * Each runs in the transaction that also sets the new `user_version`.
 */
export const MIGRATIONS: ReadonlyMap<number, string> = new Map([
  // Version 1 did not record the org: those executions keep NULL (unknown org, see docs/runtime.md).
  [1, 'ALTER TABLE executions ADD COLUMN org_id TEXT; ALTER TABLE executions ADD COLUMN api_base TEXT;'],
]);
