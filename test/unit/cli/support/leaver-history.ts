import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HistoryEvent, HistoryEventType } from '@aws-sdk/client-sfn';
import { ACCOUNT, REGION } from './sfn-fixtures.js';

/**
 * A history as Step Functions writes it: consecutive ids, each event linked to the one before in
 * its thread through previousEventId, one second apart unless told.
 */
export class HistoryBuilder {
  readonly events: HistoryEvent[] = [];
  private time: number;

  constructor(start = Date.parse('2026-05-12T10:00:00.000Z')) {
    this.time = start;
  }

  /** Adds an event after `previous` (default: the last one) and returns its id. */
  add(type: HistoryEventType, details: Partial<HistoryEvent> = {}, previous = this.events.length, afterMs = 1000): number {
    this.time += afterMs;
    const id = this.events.length + 1;
    this.events.push({ id, previousEventId: previous, type, timestamp: new Date(this.time), ...details });
    return id;
  }

  enter(kind: string, name: string, input: unknown = {}, previous?: number, afterMs?: number): number {
    return this.add(`${kind}StateEntered` as HistoryEventType, { stateEnteredEventDetails: { name, input: JSON.stringify(input) } }, previous, afterMs);
  }

  exit(kind: string, name: string, previous?: number, afterMs?: number): number {
    return this.add(`${kind}StateExited` as HistoryEventType, { stateExitedEventDetails: { name, output: '{}' } }, previous, afterMs);
  }

  /** A Lambda Task: entered, one attempt per entry of `failures` (each failing) then one that succeeds, exited. */
  lambdaTask(name: string, failures: string[] = [], previous?: number): number {
    let last = this.enter('Task', name, {}, previous);
    for (const error of [...failures, undefined]) {
      last = this.add('LambdaFunctionScheduled', { lambdaFunctionScheduledEventDetails: { resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}` } }, last);
      last = this.add('LambdaFunctionStarted', {}, last);
      last = error
        ? this.add('LambdaFunctionFailed', { lambdaFunctionFailedEventDetails: { error, cause: JSON.stringify({ errorType: error, errorMessage: `${name} failed: ${error}`, trace: [] }) } }, last)
        : this.add('LambdaFunctionSucceeded', { lambdaFunctionSucceededEventDetails: { output: '{}' } }, last);
    }
    return this.exit('Task', name, last);
  }
}

/** The deployed leaver definition (only its Wait states matter here): the repository's ASL. */
export const LEAVER_DEFINITION = readFileSync(fileURLToPath(new URL('../../../../workflows/leaver.asl.json', import.meta.url)), 'utf8');

export const GRACE_SECONDS = 30 * 86_400;

/**
 * A leaver that suspended the user (after one rate-limited attempt), removed two group
 * memberships in a Map, and now waits out the grace period: as Step Functions records it.
 */
export function runningLeaverHistory(): { events: HistoryEvent[]; waitEnteredAt: Date } {
  const history = new HistoryBuilder();
  history.add('ExecutionStarted', { executionStartedEventDetails: { input: '{"email":"ada@acme.example"}' } }, 0);
  history.lambdaTask('PrepareRequest');
  history.enter('Choice', 'LookUpBy');
  history.exit('Choice', 'LookUpBy');
  history.lambdaTask('FindUserByEmail');
  history.lambdaTask('CheckProtected');
  history.lambdaTask('SnapshotAccess');
  history.lambdaTask('SuspendUser', ['Atlassian.RateLimited']);
  const map = history.enter('Map', 'RemoveGroupMemberships');
  const started = history.add('MapStateStarted', { mapStateStartedEventDetails: { length: 2 } }, map);
  for (const index of [0, 1]) {
    const iteration = history.add('MapIterationStarted', { mapIterationStartedEventDetails: { name: 'RemoveGroupMemberships', index } }, started);
    const exited = history.lambdaTask('RemoveFromGroup', index === 1 ? ['Atlassian.Transient'] : [], iteration);
    history.add('MapIterationSucceeded', { mapIterationSucceededEventDetails: { name: 'RemoveGroupMemberships', index } }, exited);
  }
  history.add('MapStateSucceeded');
  history.exit('Map', 'RemoveGroupMemberships');
  history.lambdaTask('VerifyGroupRemovals');
  const wait = history.enter('Wait', 'WaitGracePeriod', { request: { email: 'ada@acme.example', graceSeconds: GRACE_SECONDS } });
  return { events: history.events, waitEnteredAt: history.events[wait - 1].timestamp! };
}
