import { issuePath } from '../../zod-issues.js';
import type { ZodType } from 'zod';
import { AtlassianError, ErrorNames } from '../../errors.js';

/**
 * Validates a 2xx body against the operation's zod schema. A mismatch becomes
 * `Atlassian.UnexpectedResponse` naming the operation and the first offending field, instead of a
 * crash three calls later.
 */
export function parseResponseBody<T>(
  operation: string,
  schema: ZodType<T>,
  body: unknown,
  details: { status: number; requestId?: string },
): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issuePath(issue.path, '(body)') : '(body)';
  const problem = issue ? issue.message : 'does not match the expected shape';
  return throwUnexpected(operation, `field "${field}": ${problem}`, details, result.error);
}

/** Throws the UnexpectedResponse error for a body that is not even JSON, or fails the schema. */
export function throwUnexpected(
  operation: string,
  what: string,
  details: { status: number; requestId?: string },
  cause?: unknown,
): never {
  throw new AtlassianError(
    ErrorNames.UnexpectedResponse,
    `Atlassian Admin API call ${operation} returned an unexpected response (HTTP ${details.status}), ${what}. ` +
      'The API may have changed; compare the client schemas in functions/lib/atlassian/schemas with Atlassian\'s OpenAPI.',
    { operation, status: details.status, requestId: details.requestId },
    { cause },
  );
}
