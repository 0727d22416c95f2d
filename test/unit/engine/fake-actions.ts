import { readFileSync } from 'node:fs';
import type { AslStateMachine } from '../../../local/engine/asl-types.js';
import type { BindableAction, LambdaHandler } from '../../../local/engine/task-bindings.js';

/** The engine test fixture: a fresh copy per call. */
export function miniLeaver(): AslStateMachine {
  return JSON.parse(readFileSync(new URL('./fixtures/mini-leaver.asl.json', import.meta.url), 'utf8')) as AslStateMachine;
}

/** An error the way handlers throw them: the name is what Retry/Catch match. */
export function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** A registry-shaped action whose handler records every event it receives. */
export function fakeAction(name: string, handler: LambdaHandler, calls: unknown[] = []): BindableAction & { calls: unknown[] } {
  const placeholder = `${name[0].toUpperCase()}${name.slice(1)}FunctionArn`;
  return {
    name,
    placeholder,
    calls,
    loadHandler: async () => async (event, context) => {
      calls.push(event);
      return handler(event, context);
    },
  };
}
