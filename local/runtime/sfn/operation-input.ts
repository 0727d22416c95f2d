import { z } from 'zod';
import { SfnError, validationError } from './sfn-error.js';

/** Members as the Step Functions API model constrains them (lengths from the API reference). */
export const arnMember = z.string().min(1).max(256);
export const maxResultsMember = z.number().int().min(0).max(1000).optional();
export const nextTokenMember = z.string().min(1).max(3096).optional();
export const includedDataMember = z.enum(['ALL_DATA', 'METADATA_ONLY']).optional();

/**
 * Parses an operation's JSON body. As AWS answers: a member of the wrong JSON type is a
 * `SerializationException`; a missing required member or a violated constraint is a
 * `ValidationException` in AWS's wording. Unknown members are ignored (newer SDKs may send more).
 */
export function parseOperationInput<T extends z.ZodRawShape>(shape: T, body: unknown): z.infer<z.ZodObject<T>> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new SfnError('SerializationException', 'The request body must be a JSON object.');
  }
  const parsed = z.object(shape).safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0] as z.core.$ZodIssue;
  const member = issue.path.map(String).join('.');
  const value = issue.path.reduce<unknown>((at, key) => (at as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey], body);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined || value === null) throw validationError(member, value, 'Member must not be null');
      throw new SfnError('SerializationException', `${member}: expected ${issue.expected}, got ${JSON.stringify(value)}`);
    case 'too_small':
      throw validationError(member, value, typeof value === 'number' ? `Member must have value greater than or equal to ${issue.minimum}` : `Member must have length greater than or equal to ${issue.minimum}`);
    case 'too_big':
      throw validationError(member, value, typeof value === 'number' ? `Member must have value less than or equal to ${issue.maximum}` : `Member must have length less than or equal to ${issue.maximum}`);
    case 'invalid_value':
      throw validationError(member, value, `Member must satisfy enum value set: [${issue.values.join(', ')}]`);
    default:
      throw validationError(member, value, issue.message);
  }
}
