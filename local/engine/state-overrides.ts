import { forEachState, type AslStateMachine } from './asl-types.js';

/** `waitTimeOverrides`: every Wait state (nested ones too) pauses `ms` instead of its real time. */
export function shortenedWaits(machine: AslStateMachine, ms = 0): Record<string, number> {
  const overrides: Record<string, number> = {};
  forEachState(machine, (name, state) => {
    if (state.Type === 'Wait') overrides[name] = ms;
  });
  return overrides;
}

/** `retryIntervalOverrides`: every state with a Retry field pauses `ms` between attempts. */
export function shortenedRetries(machine: AslStateMachine, ms = 0): Record<string, number> {
  const overrides: Record<string, number> = {};
  forEachState(machine, (name, state) => {
    if (Array.isArray(state.Retry)) overrides[name] = ms;
  });
  return overrides;
}

/**
 * Divides every Retry pause (IntervalSeconds, MaxDelaySeconds) by `scale`, in place (pass a clone):
 * against a simulator whose clock runs `scale` times faster, the workflows' real retry policy keeps
 * its proportion to the simulated rate-limit windows. Backoff and jitter stay as written.
 */
export function scaleRetries(machine: AslStateMachine, scale: number): void {
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`retryTimeScale must be a positive number (got ${scale}).`);
  forEachState(machine, (_name, state) => {
    if (!Array.isArray(state.Retry)) return;
    for (const retrier of state.Retry as Array<Record<string, unknown>>) {
      retrier.IntervalSeconds = (typeof retrier.IntervalSeconds === 'number' ? retrier.IntervalSeconds : 1) / scale;
      if (typeof retrier.MaxDelaySeconds === 'number') retrier.MaxDelaySeconds /= scale;
    }
  });
}

const STATE_NAME_PATH = '$$.State.Name';
const PAYLOAD_FIELDS = ['Parameters', 'ItemSelector', 'ResultSelector'] as const;

/**
 * aws-local-stepfunctions has no `$$.State` in its context object, so `"stateName.$": "$$.State.Name"`
 * would fail. The name of a state is constant, so the engine writes it in as a literal (in place:
 * pass a clone). Other `$$.State.*` fields are left alone and fail loudly if used.
 */
export function inlineStateNames(machine: AslStateMachine): void {
  forEachState(machine, (name, state) => {
    for (const field of PAYLOAD_FIELDS) {
      if (state[field] !== undefined) state[field] = replaceStateName(state[field], name);
    }
  });
}

function replaceStateName(template: unknown, stateName: string): unknown {
  if (Array.isArray(template)) return template.map((item) => replaceStateName(item, stateName));
  if (template === null || typeof template !== 'object') return template;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$') && value === STATE_NAME_PATH) out[key.slice(0, -2)] = stateName;
    else out[key] = replaceStateName(value, stateName);
  }
  return out;
}
