import type { Executor } from '../executor/executor.js';
import type { StateMachineCatalog } from '../state-machines.js';
import type { ExecutionStore } from '../store/execution-store.js';
import type { ExecutionRecord } from '../store/store-types.js';
import { parseArn } from './arns.js';
import { SfnError } from './sfn-error.js';

/** What the Step Functions operations work on. */
export interface SfnContext {
  catalog: StateMachineCatalog;
  store: ExecutionStore;
  executor: Executor;
}

/** One operation: the parsed JSON body in, the JSON response out (or a thrown `SfnError`). */
export type SfnOperation = (context: SfnContext, body: unknown) => unknown;

/** Timestamps as AWS JSON 1.0 carries them: epoch seconds, with milliseconds as the fraction. */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}

/** @throws SfnError InvalidArn for a malformed ARN, ExecutionDoesNotExist for an unknown one. */
export function requireExecution(context: SfnContext, arn: string): ExecutionRecord {
  parseArn(arn, 'execution');
  const record = context.store.findByArn(arn);
  if (!record) throw new SfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
  return record;
}
