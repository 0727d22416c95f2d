import * as z from 'zod';

/**
 * THE rule for an email address, everywhere one is validated (workflow inputs, action inputs, the
 * config's protected accounts, HR events, Atlassian requests). RFC 6531 (SMTPUTF8) addresses are
 * accepted: `josé.müller@acme.example`, `用户@例子.广告`, `user@xn--bcher-kva.example`.
 *
 * - local part: dot-atoms of letters, marks and digits of any script plus RFC 5322's atext
 *   specials (! # $ % & ' * + / = ? ^ _ ` { | } ~ -), at most 64 characters;
 * - domain: two or more labels of letters, marks and digits of any script (hyphens inside, a label
 *   at most 63 characters), the last one (the TLD) at least two letters or an `xn--` A-label;
 * - the whole at most 254 characters.
 * Lengths count Unicode characters (code points), as JSON Schema's maxLength and the pattern's `u`
 * flag do, so the published JSON Schemas give the same verdicts as zod; RFC 5321 counts octets, and
 * the Atlassian API has the last word on addresses near the limit. Quoted local parts and address
 * literals (`user@[192.0.2.1]`) are refused: no work email looks like that.
 *
 * The local simulators import nothing from the project and hold a copy of this pattern
 * (test/unit/email-address.test.ts keeps them equal).
 */

export const EMAIL_MAX_CHARACTERS = 254;
export const EMAIL_LOCAL_PART_MAX_CHARACTERS = 64;

const ATOM = "[\\p{L}\\p{M}\\p{Nd}!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[\\p{L}\\p{Nd}](?:[\\p{L}\\p{M}\\p{Nd}-]{0,61}[\\p{L}\\p{M}\\p{Nd}])?';
const TLD = '(?:\\p{L}[\\p{L}\\p{M}]{1,62}|[Xx][Nn]--[A-Za-z0-9-]{0,58}[A-Za-z0-9])';

/** The whole rule as one pattern (with the `u` flag): zod, the JSON Schemas and the simulators use it. */
export const EMAIL_ADDRESS_PATTERN = new RegExp(
  `^(?=.{1,${EMAIL_MAX_CHARACTERS}}$)(?=[^@]{1,${EMAIL_LOCAL_PART_MAX_CHARACTERS}}@)${ATOM}(?:\\.${ATOM})*@(?:${LABEL}\\.)+${TLD}$`,
  'u',
);

/** Whether `value` is an email address by {@link EMAIL_ADDRESS_PATTERN}. */
export function isEmailAddress(value: string): boolean {
  return EMAIL_ADDRESS_PATTERN.test(value);
}

/**
 * The form emails are compared in: NFC (so a decomposed `é` from one system matches the composed
 * one from another) and lower case (`toLowerCase()`, also for non-ASCII letters). Atlassian matches
 * addresses case-insensitively; the workflows have always compared them this way.
 */
export function emailKey(email: string): string {
  return email.normalize('NFC').toLowerCase();
}

const characters = (text: string) => [...text].length;

export interface EmailSchemaMessages {
  /** Not a string, or not an address, e.g. `email must be an email address such as jane.doe@example.com`. */
  invalid: string;
  /** What the field is called in the length messages. @default 'the email address' */
  field?: string;
}

/**
 * A zod schema for an email address: NFC-normalised first (the output is NFC: what is sent to
 * Atlassian and compared), then the length limits (each with its own message), then the pattern.
 * Its JSON Schema is `{ type: string, maxLength: 254, pattern }` (no `format`: JSON Schema's
 * `idn-email` is unknown to ajv-formats, and `email` refuses non-ASCII).
 */
export function emailAddressSchema({ invalid, field = 'the email address' }: EmailSchemaMessages) {
  return z
    .string({ message: invalid })
    .overwrite((value) => value.normalize('NFC'))
    .refine((value) => characters(value) <= EMAIL_MAX_CHARACTERS, { message: `${field} is longer than ${EMAIL_MAX_CHARACTERS} characters`, abort: true })
    .refine((value) => characters(value.split('@')[0]) <= EMAIL_LOCAL_PART_MAX_CHARACTERS || !value.includes('@'), {
      message: `${field} has more than ${EMAIL_LOCAL_PART_MAX_CHARACTERS} characters before the @`,
      abort: true,
    })
    .regex(EMAIL_ADDRESS_PATTERN, { message: invalid })
    .meta({ maxLength: EMAIL_MAX_CHARACTERS });
}
