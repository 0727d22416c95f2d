import { describe, expect, it } from 'vitest';
import { formatTraceEntry, TraceRecorder } from '../../../local/engine/trace.js';
import { readableCause, toLambdaTaskError } from '../../../local/engine/lambda-error.js';

describe('TraceRecorder', () => {
  it('measures time in a state and names the error behind a retry', () => {
    // Prepare
    const recorder = new TraceRecorder(undefined, 1000);
    const state = { name: 'SuspendUser', type: 'Task' };

    // Act
    recorder.record({ type: 'StateEntered', timestamp: 1010, state });
    recorder.record({ type: 'StateFailed', timestamp: 1015, state, Error: 'Atlassian.Transient', Cause: '{"errorMessage":"HTTP 503"}' });
    recorder.record({ type: 'StateRetried', timestamp: 1016, state, retry: { attempt: 1 } });
    recorder.record({ type: 'StateExited', timestamp: 1032, state });

    // Assess
    expect(recorder.transitions).toBe(2);
    expect(recorder.entries.map(formatTraceEntry).filter(Boolean)).toEqual([
      '  ↻ SuspendUser retry 1 after Atlassian.Transient',
      '  ✓ SuspendUser (22 ms)',
    ]);
    expect(recorder.entries[1]).toMatchObject({ kind: 'StateFailed', at: 15, cause: 'HTTP 503' });
  });

  it('indents Map iterations and announces long-running states when entered', () => {
    // Prepare
    const recorder = new TraceRecorder(undefined, 0);

    // Act
    recorder.record({ type: 'StateEntered', timestamp: 1, state: { name: 'AddToGroups', type: 'Map' } });
    recorder.record({ type: 'StateEntered', timestamp: 2, state: { name: 'AddToGroup', type: 'Task' }, index: 1 });
    recorder.record({ type: 'StateExited', timestamp: 5, state: { name: 'AddToGroup', type: 'Task' }, index: 1 });

    // Assess
    expect(recorder.entries.map(formatTraceEntry)).toEqual(['  ▸ AddToGroups …', undefined, '      ✓ AddToGroup [1] (3 ms)']);
  });
});

describe('toLambdaTaskError', () => {
  it('keeps the error name for Retry/Catch and carries the runtime-shaped JSON cause', () => {
    // Prepare
    const thrown = Object.assign(new Error('User not found'), { name: 'Atlassian.NotFound' });

    // Act
    const error = toLambdaTaskError(thrown);

    // Assess
    expect(error.name).toBe('Atlassian.NotFound');
    expect(JSON.parse(error.message)).toMatchObject({ errorType: 'Atlassian.NotFound', errorMessage: 'User not found' });
    expect(readableCause(error.message)).toBe('User not found');
    expect(readableCause('a literal Fail cause')).toBe('a literal Fail cause');
  });
});
