import { describe, expect, it } from 'vitest';
import type { AslStateMachine } from '../../../local/engine/asl-types.js';
import { TaskCalls } from '../../../local/engine/task-calls.js';
import { TraceRecorder, type EngineEvent } from '../../../local/engine/trace.js';
import { HistoryBuilder } from '../../../local/runtime/history/history-builder.js';
import type { StoredHistoryEvent } from '../../../local/runtime/store/store-types.js';

const DEFINITION: AslStateMachine = {
  StartAt: 'Suspend',
  States: {
    Suspend: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:SuspendUserFunctionArn', TimeoutSeconds: 30, Next: 'Groups' },
    Groups: {
      Type: 'Map',
      ItemsPath: '$.groups',
      ItemProcessor: { StartAt: 'Remove', States: { Remove: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:RemoveFromGroupFunctionArn', End: true } } },
      Next: 'Grace',
    },
    Grace: { Type: 'Wait', SecondsPath: '$.graceSeconds', Next: 'Done' },
    Done: { Type: 'Fail', Error: 'Jml.Refused', Cause: 'no' },
  },
};

/** Feeds engine events through the real TraceRecorder, then the builder: what the runtime does. */
function historyOf(events: Array<Omit<EngineEvent, 'timestamp'>>) {
  const builder = new HistoryBuilder(DEFINITION, 0, () => 1_700_000_000_000);
  const recorder = new TraceRecorder(undefined, 0);
  const history = [builder.executionStarted('{"groups":["a","b"]}', 'arn:aws:iam::000000000000:role/r')];
  for (const event of events) {
    const entry = recorder.record({ timestamp: 0, ...event });
    if (entry) history.push(...builder.fromTrace(entry));
  }
  return history;
}

describe('HistoryBuilder', () => {
  it('shows a retried Lambda Task as AWS does: failed, scheduled again, succeeded, with the raw cause', () => {
    // Prepare
    const state = { name: 'Suspend', type: 'Task' };
    const cause = '{"errorType":"Atlassian.Transient","errorMessage":"HTTP 503","trace":[]}';

    // Act
    const history = historyOf([
      { type: 'StateEntered', state: { ...state, input: { groups: ['a'] } } },
      { type: 'StateFailed', state, Error: 'Atlassian.Transient', Cause: cause },
      { type: 'StateRetried', state, retry: { attempt: 1 } },
      { type: 'StateExited', state: { ...state, output: { ok: true } } },
    ]);

    // Assess
    expect(history.map((event) => [event.id, event.previousEventId, event.type])).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 1, 'TaskStateEntered'],
      [3, 2, 'LambdaFunctionScheduled'],
      [4, 3, 'LambdaFunctionStarted'],
      [5, 4, 'LambdaFunctionFailed'],
      [6, 5, 'LambdaFunctionScheduled'],
      [7, 6, 'LambdaFunctionStarted'],
      [8, 7, 'LambdaFunctionSucceeded'],
      [9, 8, 'TaskStateExited'],
    ]);
    expect(history[1]?.details).toEqual({ stateEnteredEventDetails: { name: 'Suspend', input: '{"groups":["a"]}', inputDetails: { truncated: false } } });
    expect(history[2]?.details).toEqual({ lambdaFunctionScheduledEventDetails: { resource: 'arn:aws:lambda:us-east-1:000000000000:function:SuspendUserFunctionArn', timeoutInSeconds: 30 } });
    expect(history[4]?.details).toEqual({ lambdaFunctionFailedEventDetails: { error: 'Atlassian.Transient', cause } });
    expect(history[8]?.details).toEqual({ stateExitedEventDetails: { name: 'Suspend', output: '{"ok":true}', outputDetails: { truncated: false } } });
  });

  it('with the engine\'s task calls: each attempt\'s payload on LambdaFunctionScheduled, the result on LambdaFunctionSucceeded, the timeout from TimeoutSecondsPath', () => {
    // Prepare: the handler is called in the same step as each attempt is reported (task-calls.ts)
    const definition: AslStateMachine = { StartAt: 'Find', States: { Find: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:FindUserFunctionArn', TimeoutSecondsPath: '$.limit', End: true } } };
    const builder = new HistoryBuilder(definition, 0, () => 0);
    const calls = new TaskCalls();
    const recorder = new TraceRecorder(undefined, 0, calls);
    const state = { name: 'Find', type: 'Task' };
    const history: StoredHistoryEvent[] = [];
    const record = (event: Omit<EngineEvent, 'timestamp'>) => history.push(...builder.fromTrace(recorder.record({ timestamp: 0, ...event })!));

    // Act: the trace reads each event after the engine has made the call that goes with it
    calls.begin('Find', { email: 'a@x.example', limit: 10 });
    record({ type: 'StateEntered', state: { ...state, input: { raw: 1 } } });
    record({ type: 'StateFailed', state, Error: 'Atlassian.Transient', Cause: 'HTTP 503' });
    calls.begin('Find', { email: 'a@x.example', limit: 20 }).output = { found: true };
    record({ type: 'StateRetried', state, retry: { attempt: 1 } });
    record({ type: 'StateExited', state: { ...state, output: { lookup: { found: true } } } });

    // Assess
    const scheduled = history.filter((event) => event.type === 'LambdaFunctionScheduled').map((event) => event.details.lambdaFunctionScheduledEventDetails);
    expect(scheduled).toEqual([
      { resource: 'arn:aws:lambda:us-east-1:000000000000:function:FindUserFunctionArn', input: '{"email":"a@x.example","limit":10}', inputDetails: { truncated: false }, timeoutInSeconds: 10 },
      { resource: 'arn:aws:lambda:us-east-1:000000000000:function:FindUserFunctionArn', input: '{"email":"a@x.example","limit":20}', inputDetails: { truncated: false }, timeoutInSeconds: 20 },
    ]);
    expect(history.find((event) => event.type === 'LambdaFunctionSucceeded')?.details).toEqual({ lambdaFunctionSucceededEventDetails: { output: '{"found":true}', outputDetails: { truncated: false } } });
  });

  it('a caught Task failure exits without LambdaFunctionSucceeded', () => {
    // Prepare
    const state = { name: 'Suspend', type: 'Task' };

    // Act
    const history = historyOf([
      { type: 'StateEntered', state: { ...state, input: {} } },
      { type: 'StateFailed', state, Error: 'Atlassian.Forbidden', Cause: 'no' },
      { type: 'StateCaught', state, catch: { catcher: { Next: 'RecordFailure' } } },
      { type: 'StateExited', state: { ...state, output: { failure: {} } } },
    ]);

    // Assess
    expect(history.slice(1).map((event) => event.type)).toEqual(['TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionFailed', 'TaskStateExited']);
  });

  it('chains each Map iteration to its own MapIterationStarted, and counts the items', () => {
    // Prepare
    const map = { name: 'Groups', type: 'Map' };
    const task = { name: 'Remove', type: 'Task' };

    // Act
    const history = historyOf([
      { type: 'StateEntered', state: { ...map, input: { groups: ['a', 'b'] } } },
      { type: 'MapIterationStarted', parentState: map, index: 0 },
      { type: 'MapIterationStarted', parentState: map, index: 1 },
      { type: 'StateEntered', state: { ...task, input: 'a' }, index: 0 },
      { type: 'StateEntered', state: { ...task, input: 'b' }, index: 1 },
      { type: 'StateExited', state: { ...task, output: 1 }, index: 1 },
      { type: 'MapIterationSucceeded', parentState: map, index: 1 },
      { type: 'StateExited', state: { ...task, output: 0 }, index: 0 },
      { type: 'MapIterationSucceeded', parentState: map, index: 0 },
      { type: 'StateExited', state: { ...map, output: [0, 1] } },
    ]);

    // Assess: walking back from each MapIterationSucceeded by previousEventId stays inside its iteration
    const byId = new Map(history.map((event) => [event.id, event]));
    const lanes = history.filter((event) => event.type === 'MapIterationSucceeded').map((end) => {
      const lane = [end];
      while (lane[0]!.type !== 'MapIterationStarted') lane.unshift(byId.get(lane[0]!.previousEventId)!);
      return lane;
    });
    expect(history.find((event) => event.type === 'MapStateStarted')?.details).toEqual({ mapStateStartedEventDetails: { length: 2 } });
    expect(lanes).toHaveLength(2);
    for (const lane of lanes) {
      expect(lane.map((event) => event.type)).toEqual(['MapIterationStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded', 'TaskStateExited', 'MapIterationSucceeded']);
      const index = (lane[0]!.details.mapIterationStartedEventDetails as { index: number }).index;
      expect(lane.at(-1)?.details).toEqual({ mapIterationSucceededEventDetails: { name: 'Groups', index } });
      expect(lane[1]?.details).toMatchObject({ stateEnteredEventDetails: { input: JSON.stringify(['a', 'b'][index]) } });
    }
    expect(history.slice(-2).map((event) => event.type)).toEqual(['MapStateSucceeded', 'MapStateExited']);
  });

  it('exits a top-level Wait with its input as output, and ends a stop with <Type>StateAborted then ExecutionAborted', () => {
    // Prepare
    const wait = { name: 'Grace', type: 'Wait' };
    const builder = new HistoryBuilder(DEFINITION, 41, () => 0);
    const recorder = new TraceRecorder(undefined, 0);
    const entered = recorder.record({ type: 'StateEntered', timestamp: 0, state: { ...wait, input: { graceSeconds: 5 } } })!;
    const exited = recorder.record({ type: 'StateExited', timestamp: 0, state: wait })!;

    // Act
    const history = [...builder.fromTrace(entered), ...builder.fromTrace(exited), ...builder.executionAborted({ name: 'Grace', type: 'Wait' }, 'HR.Cancelled', 'withdrawn')];
    const afterPass = builder.executionAborted({ name: 'Route', type: 'Choice' });

    // Assess
    expect(history.map((event) => [event.id, event.type])).toEqual([[42, 'WaitStateEntered'], [43, 'WaitStateExited'], [44, 'WaitStateAborted'], [45, 'ExecutionAborted']]);
    expect(history[1]?.details).toEqual({ stateExitedEventDetails: { name: 'Grace', output: '{"graceSeconds":5}', outputDetails: { truncated: false } } });
    expect(history[3]?.details).toEqual({ executionAbortedEventDetails: { error: 'HR.Cancelled', cause: 'withdrawn' } });
    expect(afterPass.map((event) => event.type)).toEqual(['ExecutionAborted']);
  });

  it('keeps data beyond 256 KB out of the event, marked truncated', () => {
    // Prepare
    const builder = new HistoryBuilder(DEFINITION, 0, () => 0);

    // Act
    const event = builder.executionSucceeded(JSON.stringify({ pad: 'x'.repeat(262_144) }));

    // Assess
    expect(event.details).toEqual({ executionSucceededEventDetails: { outputDetails: { truncated: true } } });
  });
});
