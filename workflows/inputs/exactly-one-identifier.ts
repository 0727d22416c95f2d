import * as z from 'zod';

/**
 * The leaver and mover name their user by exactly one of `accountId` and `email`. Zod checks it
 * with a refinement, which JSON Schema cannot see; the same rule is written into the published
 * schema as `oneOf` + `required`, so both refuse `{}` and `{ accountId, email }`.
 */
const EXACTLY_ONE_IDENTIFIER_JSON_SCHEMA = {
  oneOf: [{ required: ['accountId'] }, { required: ['email'] }],
};

function checkExactlyOne(value: { accountId?: string; email?: string }, ctx: z.RefinementCtx): void {
  if ((value.accountId === undefined) === (value.email === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['accountId'],
      message:
        value.accountId === undefined
          ? 'say which user: give accountId or email'
          : 'give accountId or email, not both (they could name different users)',
    });
  }
}

/** `schema` refusing inputs without, or with both, identifiers: at run time and in its JSON Schema. */
export function withExactlyOneIdentifier<T extends z.ZodType<{ accountId?: string; email?: string }>>(schema: T): T {
  return schema.superRefine(checkExactlyOne).meta(EXACTLY_ONE_IDENTIFIER_JSON_SCHEMA);
}
