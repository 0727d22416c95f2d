import { describeIssues } from '../zod-issues.js';
import type { MiddlewareObj } from '@middy/core';
import type { ZodType, core } from 'zod';
import { ErrorNames, JmlError } from '../errors.js';

/** `accountId: Invalid input: expected string, received undefined` for each issue, at most five. */
/** The action's input problems on one line (at most five). */
export function describeInputIssues(issues: readonly core.$ZodIssue[]): string {
  return describeIssues(issues, '(the whole input)', 5).join('; ').replace('; (and', ' (and');
}

/**
 * Validates an action's input with its zod schema.
 * @throws JmlError `Jml.InvalidInput` naming each wrong field, what was expected and how to fix it.
 */
export function parseActionInput<S extends ZodType>(action: string, schema: S, input: unknown): core.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new JmlError(
    ErrorNames.InvalidInput,
    `Invalid input for action '${action}': ${describeInputIssues(parsed.error.issues)}. ` +
      `Fix the Task's Parameters in the state machine (or the execution input) so they match the action's input schema.`,
    { cause: parsed.error },
  );
}

/** Middleware form of `parseActionInput`: replaces the event by the parsed, typed input. */
export function inputValidation(action: string, schema: ZodType): MiddlewareObj {
  return {
    name: 'inputValidation',
    before: (request) => {
      request.event = parseActionInput(action, schema, request.event);
    },
  };
}
