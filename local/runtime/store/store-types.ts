import type { OrgBinding } from './org-binding.js';

/** Step Functions execution statuses (TIMED_OUT only when a definition sets TimeoutSeconds). */
export const EXECUTION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];
export type ClosedStatus = Exclude<ExecutionStatus, 'RUNNING'>;

/** Where a RUNNING execution continues after a restart (see docs/runtime.md, "Resume"). */
export interface ResumeCheckpoint {
  state: string;
  /** The state's raw input, as JSON text. */
  input: string;
  /** True when the state was entered (its entry is in the history); false when it is the successor of a completed one. */
  entered: boolean;
  /** For a Wait that has started: its deadline (ISO-8601). */
  waitUntil?: string;
}

/** One execution as stored. Times are epoch milliseconds. */
export interface ExecutionRecord {
  id: number;
  arn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  /** JSON text, exactly as given to StartExecution. */
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  startMs: number;
  stopMs?: number;
  resume?: ResumeCheckpoint;
  lastEventId: number;
  /** The org it acts on; absent when unknown (started before the store recorded orgs). */
  org?: OrgBinding;
}

/** One history event as stored; `details` is `{ "<x>EventDetails": {...} }` or empty. */
export interface StoredHistoryEvent {
  id: number;
  previousEventId: number;
  type: string;
  timestampMs: number;
  details: Record<string, unknown>;
}

export interface NewExecution {
  arn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  startMs: number;
  /** The org it is started for: it only ever runs against that one. */
  org: OrgBinding;
}

export interface ExecutionOutcome {
  status: ClosedStatus;
  output?: string;
  error?: string;
  cause?: string;
  stopMs: number;
}

/** Keyset position of ListExecutions paging (newest first). */
export interface ExecutionCursor {
  startMs: number;
  id: number;
}
