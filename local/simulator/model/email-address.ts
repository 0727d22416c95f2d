/**
 * What the simulated Admin API accepts as an email address: RFC 6531 (internationalised) addresses
 * such as `josé.müller@acme.example`, as Atlassian does. The simulator imports nothing from the
 * project (it is the other side of the wire), so this is a copy of the project's rule
 * (functions/lib/email-address.ts); test/unit/email-address.test.ts keeps the two equal.
 */
const ATOM = "[\\p{L}\\p{M}\\p{Nd}!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[\\p{L}\\p{Nd}](?:[\\p{L}\\p{M}\\p{Nd}-]{0,61}[\\p{L}\\p{M}\\p{Nd}])?';
const TLD = '(?:\\p{L}[\\p{L}\\p{M}]{1,62}|[Xx][Nn]--[A-Za-z0-9-]{0,58}[A-Za-z0-9])';

export const SIMULATOR_EMAIL_PATTERN = new RegExp(`^(?=.{1,254}$)(?=[^@]{1,64}@)${ATOM}(?:\\.${ATOM})*@(?:${LABEL}\\.)+${TLD}$`, 'u');

/** Whether the simulated API takes `value` as an email address. */
export function isSimulatorEmail(value: string): boolean {
  return SIMULATOR_EMAIL_PATTERN.test(value);
}
