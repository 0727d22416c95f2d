import { issuePath } from '../zod-issues.js';
import type { ZodType } from 'zod';
import { ErrorNames, JmlError } from '../errors.js';

/**
 * Checks a request body against its zod schema before it is sent, so a bad value fails here with
 * the field named (`Jml.InvalidInput`) instead of as a vague 400 from Atlassian.
 */
export function validateRequest<T>(operation: string, schema: ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue ? issuePath(issue.path, '(body)') : '(body)';
  throw new JmlError(
    ErrorNames.InvalidInput,
    `Invalid input for Atlassian Admin API call ${operation}: field "${field}": ${issue?.message ?? 'invalid'}. Correct the value and try again.`,
    { cause: result.error },
  );
}
