import type { MiddlewareObj } from '@middy/core';
import type { ZodType, core } from 'zod';
import { ErrorNames, JmlError } from '../errors.js';

/** `accountId: Invalid input: expected string, received undefined` for each issue, at most five. */
export function describeIssues(issues: readonly core.$ZodIssue[]): string {
  const shown = issues.slice(0, 5).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(the whole input)';
    return `${path}: ${issue.message}`;
  });
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
  return shown.join('; ') + more;
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
    `Invalid input for action '${action}': ${describeIssues(parsed.error.issues)}. ` +
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
