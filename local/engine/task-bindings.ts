import type { Context } from 'aws-lambda';
import { runWithHandlerClock } from '../../functions/lib/handler-clock.js';
import { runWithHandlerEnvironment, type HandlerEnvironment } from '../../functions/lib/handler-environment-scope.js';
import { forEachState, type AslStateMachine } from './asl-types.js';
import { createLambdaContext } from './lambda-context.js';
import { toLambdaTaskError } from './lambda-error.js';
import type { TaskCalls } from './task-calls.js';

/** A Lambda handler as the registry's `loadHandler()` returns it. */
export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

/** The part of a registry entry (functions/registry.ts) the engine needs. */
export interface BindableAction {
  name: string;
  /** e.g. `SuspendUserFunctionArn`; the ASL writes `"Resource": "${SuspendUserFunctionArn}"`. */
  placeholder: string;
  loadHandler(): Promise<LambdaHandler>;
}

/** JSON-safe value, as Step Functions passes between states. */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** aws-local-stepfunctions' `taskResourceLocalHandlers`: one function per Task state name. */
export type TaskHandlers = Record<string, (input: Json) => Promise<Json>>;

const PLACEHOLDER = /^\$\{([A-Za-z0-9_]+)\}$/;

/** `"${SuspendUserFunctionArn}"` -> `SuspendUserFunctionArn`; anything else -> undefined. */
export function placeholderOf(resource: string | undefined): string | undefined {
  return resource === undefined ? undefined : PLACEHOLDER.exec(resource)?.[1];
}

/**
 * Maps every Task state (nested ones included) to the registry action whose placeholder it uses.
 * Overrides are keyed by state name across the whole definition, so two Task states that share a
 * name must share an action too.
 * @throws Error naming the state and the resource when a Task cannot be bound.
 */
export function resolveTaskActions(machine: AslStateMachine, actions: readonly BindableAction[]): Map<string, BindableAction> {
  const byPlaceholder = new Map(actions.map((action) => [action.placeholder, action]));
  const bound = new Map<string, BindableAction>();
  const problems: string[] = [];
  forEachState(machine, (stateName, state) => {
    if (state.Type !== 'Task') return;
    const placeholder = placeholderOf(state.Resource);
    const action = placeholder === undefined ? undefined : byPlaceholder.get(placeholder);
    if (!action) {
      problems.push(`Task state "${stateName}" has Resource ${JSON.stringify(state.Resource)}, which is not "\${<Placeholder>}" of an action in functions/registry.ts`);
      return;
    }
    const previous = bound.get(stateName);
    if (previous && previous !== action) {
      problems.push(`Task state name "${stateName}" is used for both ${previous.name} and ${action.name}; give the states distinct names`);
      return;
    }
    bound.set(stateName, action);
  });
  if (problems.length > 0) {
    const known = actions.map((a) => a.placeholder).join(', ');
    throw new Error(`Cannot bind the workflow's Task states: ${problems.join('; ')}. Known placeholders: ${known || '(none)'}.`);
  }
  return bound;
}

/**
 * Replaces every `${Placeholder}` resource with a Lambda ARN, as infra's `definitionSubstitutions`
 * do in AWS, so the definition passes aws-local-stepfunctions' schema validation (in place: pass a
 * clone). The ARN is never called: every Task runs its local handler.
 */
export function substituteLocalArns(machine: AslStateMachine): void {
  forEachState(machine, (_name, state) => {
    const placeholder = placeholderOf(state.Resource);
    if (state.Type === 'Task' && placeholder) state.Resource = `arn:aws:lambda:us-east-1:000000000000:function:${placeholder}`;
  });
}

/**
 * Builds the local handler of every Task state: JSON in, the registry handler with a fresh Lambda
 * context, JSON out (a round trip, as the Lambda boundary does), errors reshaped the way the Lambda
 * runtime reports them. With `environment`, every invocation runs inside that handler environment
 * (the execution's API target and config), so concurrent executions never see each other's; with
 * `nowMs`, handlers date what they do by the execution's clock (functions/lib/handler-clock.ts);
 * with `calls`, every call's payload and result are kept for the trace (task-calls.ts).
 */
export async function bindTaskStates(
  machine: AslStateMachine,
  actions: readonly BindableAction[],
  environment?: HandlerEnvironment,
  nowMs?: () => number,
  calls?: TaskCalls,
): Promise<TaskHandlers> {
  const bindings = resolveTaskActions(machine, actions);
  const handlers: TaskHandlers = {};
  const loaded = new Map<BindableAction, Promise<LambdaHandler>>();
  for (const [stateName, action] of bindings) {
    if (!loaded.has(action)) loaded.set(action, action.loadHandler());
    const handlerPromise = loaded.get(action) as Promise<LambdaHandler>;
    handlers[stateName] = async (input) => {
      const event = JSON.parse(JSON.stringify(input)) as unknown;
      // Before any await: the engine reports this attempt in the same synchronous step (task-calls.ts).
      // A copy: the handler's middleware may change the event it is given.
      const recorded = calls?.begin(stateName, structuredClone(event));
      const handler = await handlerPromise;
      const call = () => handler(event, createLambdaContext(action.name));
      const timed = nowMs ? () => runWithHandlerClock(nowMs, call) : call;
      let result: unknown;
      try {
        result = await (environment ? runWithHandlerEnvironment(environment, timed) : timed());
      } catch (error) {
        throw toLambdaTaskError(error);
      }
      const output = JSON.parse(JSON.stringify(result ?? null)) as Json;
      if (recorded) recorded.output = output;
      return output;
    };
  }
  await Promise.all(loaded.values());
  return handlers;
}
