import { describe, expect, it } from 'vitest';
import { assertNestedWaitsFit, segmentDefinition, waitDeadline, waitOutput } from '../../../local/engine/wait-states.js';
import type { AslStateMachine } from '../../../local/engine/asl-types.js';

const DAY_S = 86_400;

function machineWithNestedWait(wait: object): AslStateMachine {
  return {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemProcessor: { StartAt: 'Pause', States: { Pause: { Type: 'Wait', ...wait, End: true } } },
        End: true,
      },
    },
  };
}

describe('wait states', () => {
  it('computes absolute deadlines from Seconds, SecondsPath, Timestamp and TimestampPath', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    const input = { request: { graceSeconds: 30 * DAY_S, effectiveAt: '2027-01-10T09:00:00Z' } };
    expect(waitDeadline('A', { Type: 'Wait', Seconds: 60 }, input, now)).toBe(now + 60_000);
    expect(waitDeadline('B', { Type: 'Wait', SecondsPath: '$.request.graceSeconds' }, input, now)).toBe(Date.parse('2026-12-31T10:00:00Z'));
    expect(waitDeadline('C', { Type: 'Wait', Timestamp: '2027-06-01T00:00:00Z' }, input, now)).toBe(Date.parse('2027-06-01T00:00:00Z'));
    expect(waitDeadline('D', { Type: 'Wait', TimestampPath: '$.request.effectiveAt' }, input, now)).toBe(Date.parse('2027-01-10T09:00:00Z'));
  });

  it('keeps a deadline at or before now as it is, so it passes at once on any clock', () => {
    const now = Date.parse('2026-12-07T10:00:00.437Z');
    expect(waitDeadline('Z', { Type: 'Wait', Seconds: 0 }, {}, now)).toBe(now);
    expect(waitDeadline('P', { Type: 'Wait', Timestamp: '2026-12-07T09:59:59.900Z' }, {}, now)).toBe(Date.parse('2026-12-07T09:59:59.900Z'));
    expect(waitDeadline('F', { Type: 'Wait', Seconds: 1 }, {}, now)).toBe(Date.parse('2026-12-07T10:00:02Z'));
  });

  it('says what is wrong with a missing path, a bad seconds value or a path form it cannot read', () => {
    const now = 0;
    expect(() => waitDeadline('G', { Type: 'Wait', SecondsPath: '$.request.nope' }, { request: {} }, now)).toThrow(/\$\.request\.nope does not exist/);
    expect(() => waitDeadline('G', { Type: 'Wait', SecondsPath: '$.s' }, { s: -1 }, now)).toThrow(/whole number of seconds/);
    expect(() => waitDeadline('G', { Type: 'Wait', SecondsPath: '$..s' }, { s: 1 }, now)).toThrow(/dot paths/);
  });

  it('passes the input through InputPath and OutputPath', () => {
    expect(waitOutput('W', { Type: 'Wait', Seconds: 1, InputPath: '$.a', OutputPath: '$.b' }, { a: { b: 7 } })).toBe(7);
  });

  it('cuts a segment that ends as a Succeed where each top-level Wait begins', () => {
    const machine: AslStateMachine = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'W' }, W: { Type: 'Wait', Seconds: 5, Next: 'B' }, B: { Type: 'Succeed' } } };
    const segment = segmentDefinition(machine, 'B');
    expect(segment.StartAt).toBe('B');
    expect(segment.States.W).toMatchObject({ Type: 'Succeed' });
    expect(machine.States.W.Type).toBe('Wait');
  });

  it('refuses a nested Wait that may outlast one Node timer, unless waits are shortened', () => {
    expect(() => assertNestedWaitsFit(machineWithNestedWait({ Seconds: 30 * DAY_S }), false)).toThrow(/move the wait to the top level/);
    expect(() => assertNestedWaitsFit(machineWithNestedWait({ SecondsPath: '$.s' }), false)).toThrow(/Pause/);
    expect(() => assertNestedWaitsFit(machineWithNestedWait({ Seconds: 60 }), false)).not.toThrow();
    expect(() => assertNestedWaitsFit(machineWithNestedWait({ Seconds: 30 * DAY_S }), true)).not.toThrow();
  });
});
