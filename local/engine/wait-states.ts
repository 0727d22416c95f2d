import { MAX_TIMER_MS } from './engine-clock.js';
import { forEachState, type AslState, type AslStateMachine } from './asl-types.js';
import { readReferencePath } from './simple-json-path.js';

/**
 * aws-local-stepfunctions hands a Wait's length straight to `setTimeout`, which Node cuts to 1 ms
 * beyond 24.8 days: a 30-day grace period would pass at once. So the engine runs top-level Wait
 * states itself: it cuts the definition into segments that end where a Wait begins, waits on its
 * own clock until the Wait's absolute deadline, and runs the next segment from the Wait's `Next`.
 * Segment boundaries are also where a durable runtime can persist and resume an execution.
 */

/** The top-level Wait states of a definition, by name. */
export function topLevelWaits(machine: AslStateMachine): Map<string, AslState> {
  return new Map(Object.entries(machine.States).filter(([, state]) => state.Type === 'Wait'));
}

/**
 * A definition that starts at `startAt` and ends (as a Succeed) wherever a top-level Wait begins;
 * the execution's output is then the Wait's raw input. Pass a clone: the States map is rebuilt, the
 * states themselves are shared.
 */
export function segmentDefinition(machine: AslStateMachine, startAt: string): AslStateMachine {
  const states: Record<string, AslState> = {};
  for (const [name, state] of Object.entries(machine.States)) {
    states[name] = state.Type === 'Wait' ? { Type: 'Succeed', Comment: `Stand-in for Wait ${name}: the engine waits between segments.` } : state;
  }
  return { ...machine, StartAt: startAt, States: states };
}

/**
 * The absolute deadline (ms since the epoch) of a Wait state entered with `rawInput` at `nowMs`, in
 * whole seconds rounded up: it reads cleanly wherever it is shown, and a wait never ends early. A
 * deadline at or before `nowMs` (`Seconds: 0`, a past timestamp) is kept as it is: rounding it up
 * would put it in the future, and on a manual clock it would never pass until someone moved time.
 */
export function waitDeadline(name: string, state: AslState, rawInput: unknown, nowMs: number): number {
  const exact = exactDeadline(name, state, rawInput, nowMs);
  return exact <= nowMs ? exact : Math.ceil(exact / 1000) * 1000;
}

function exactDeadline(name: string, state: AslState, rawInput: unknown, nowMs: number): number {
  const where = `Wait state "${name}"`;
  const input = state.InputPath === undefined ? rawInput : readReferencePath(rawInput, String(state.InputPath), where);
  if (typeof state.Seconds === 'number') return nowMs + state.Seconds * 1000;
  if (typeof state.Timestamp === 'string') return parseTimestamp(state.Timestamp, where);
  if (typeof state.SecondsPath === 'string') {
    const seconds = readReferencePath(input, state.SecondsPath, where);
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw new Error(`${where}: ${state.SecondsPath} must be a whole number of seconds >= 0, not ${JSON.stringify(seconds)}`);
    }
    return nowMs + seconds * 1000;
  }
  if (typeof state.TimestampPath === 'string') return parseTimestamp(readReferencePath(input, state.TimestampPath, where), where);
  throw new Error(`${where} has none of Seconds, Timestamp, SecondsPath, TimestampPath`);
}

/** What a Wait passes on: its input through InputPath, then OutputPath. */
export function waitOutput(name: string, state: AslState, rawInput: unknown): unknown {
  const where = `Wait state "${name}"`;
  const input = state.InputPath === undefined ? rawInput : readReferencePath(rawInput, String(state.InputPath), where);
  return state.OutputPath === undefined ? input : readReferencePath(input, String(state.OutputPath), where);
}

/**
 * Waits inside a Map or Parallel still run in aws-local-stepfunctions, so only those that surely fit
 * in one Node timer are accepted (a fixed `Seconds` below 24.8 days); any other is refused at start
 * instead of silently passing at once. `shortened` runs skip every wait, so anything goes.
 */
export function assertNestedWaitsFit(machine: AslStateMachine, shortened: boolean): void {
  if (shortened) return;
  const topLevel = new Set(Object.values(machine.States));
  const problems: string[] = [];
  forEachState(machine, (name, state) => {
    if (state.Type !== 'Wait' || topLevel.has(state)) return;
    const fits = typeof state.Seconds === 'number' && state.Seconds * 1000 < MAX_TIMER_MS;
    if (!fits) problems.push(name);
  });
  if (problems.length > 0) {
    throw new Error(
      `Wait state(s) ${problems.join(', ')} inside a Map or Parallel may last longer than the local engine can wait there ` +
        '(only a fixed Seconds below 24.8 days): move the wait to the top level of the state machine.',
    );
  }
}

function parseTimestamp(value: unknown, where: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`${where}: expected an ISO-8601 timestamp, not ${JSON.stringify(value)}`);
  return ms;
}
