import type { Executor } from '../executor/executor.js';
import type { StateMachineCatalog } from '../state-machines.js';
import type { ExecutionStore } from '../store/execution-store.js';
import type { ExecutionRecord } from '../store/store-types.js';
import { inRegion, parseArn } from './arns.js';
import { SfnError } from './sfn-error.js';

/** What the Step Functions operations work on. */
export interface SfnContext {
  catalog: StateMachineCatalog;
  store: ExecutionStore;
  executor: Executor;
  /** The region of the ARNs in answers: the one the request was signed for (sfn-api-route.ts). */
  region: string;
}

/** One operation: the parsed JSON body in, the JSON response out (or a thrown `SfnError`). */
export type SfnOperation = (context: SfnContext, body: unknown) => unknown;

/** Timestamps as AWS JSON 1.0 carries them: epoch seconds, with milliseconds as the fraction. */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}

/** A stored ARN as this request's client sees it (its region). */
export function shownArn(context: SfnContext, storedArn: string): string {
  return inRegion(storedArn, context.region);
}

/** @throws SfnError InvalidArn for a malformed ARN, ExecutionDoesNotExist for an unknown one. */
export function requireExecution(context: SfnContext, arn: string): ExecutionRecord {
  const record = context.store.findByArn(parseArn(arn, 'execution'));
  if (!record) throw new SfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
  return record;
}
