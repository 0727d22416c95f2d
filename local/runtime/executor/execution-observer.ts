import type { ExecutionOutcome, ExecutionRecord } from '../store/store-types.js';

/** Told when an execution starts and when it ends (after both are recorded), e.g. the runtime's log. */
export interface ExecutionObserver {
  started(execution: ExecutionRecord): void;
  ended(execution: ExecutionRecord, outcome: ExecutionOutcome): void;
}
