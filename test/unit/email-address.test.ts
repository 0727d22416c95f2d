import { describe, expect, it } from 'vitest';
import { EMAIL_ADDRESS_PATTERN, emailAddressSchema, emailKey, isEmailAddress } from '../../functions/lib/email-address.js';
import { SIMULATOR_EMAIL_PATTERN } from '../../local/simulator/model/email-address.js';

/** The one email rule (RFC 6531): what it accepts, what it refuses, and how emails compare. */

const VALID = [
  'jane.doe@acme.example',
  'JANE.DOE@ACME.EXAMPLE',
  "o'brien+jml@acme.example",
  'a!#$%&*/=?^_`{|}~-z@acme.example',
  'josé.müller@acme.example',
  'jose\u0301.mu\u0308ller@acme.example', // decomposed: accepted, normalised to NFC
  'δοκιμή@παράδειγμα.δοκιμή',
  '用户@例子.广告',
  'अजय@डाटा.भारत',
  'иван@пример.рф',
  'user@xn--bcher-kva.example',
  'user@bücher.xn--p1ai',
  'a@x.co',
  `${'l'.repeat(64)}@acme.example`,
  `${'é'.repeat(64)}@acme.example`, // 64 characters (128 UTF-8 octets): characters are counted
  `a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(52)}.example`, // 254 characters
];

const INVALID: Array<[string, string]> = [
  ['a@b', 'no TLD'],
  ['a@b.c', 'a one-letter TLD'],
  ['a@x.1com', 'a TLD with a digit'],
  ['user@localhost', 'a single-label domain'],
  ['jane.doe', 'no @'],
  ['a@@x.example', 'two @'],
  ['@acme.example', 'no local part'],
  ['a..b@acme.example', 'two dots in a row'],
  ['.a@acme.example', 'a leading dot'],
  ['a.@acme.example', 'a trailing dot before @'],
  ['a b@acme.example', 'a space'],
  ['a@-x.example', 'a label starting with a hyphen'],
  ['a@x-.example', 'a label ending with a hyphen'],
  ['a@x..example', 'an empty label'],
  ['a@x.example.', 'a trailing dot'],
  ['"a b"@acme.example', 'a quoted local part'],
  ['a@[192.0.2.1]', 'an address literal'],
  ['a😀@acme.example', 'an emoji'],
  ['a\u0000@acme.example', 'a control character'],
  [' jane@acme.example', 'a leading space'],
  [`${'l'.repeat(65)}@acme.example`, '65 characters before @'],
  [`a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(53)}.example`, '255 characters'],
  [`a@${'b'.repeat(64)}.example`, 'a 64-character label'],
  ['', 'empty'],
];

describe('the email address rule (RFC 6531)', () => {
  it.each(VALID)('accepts %s', (address) => {
    expect(isEmailAddress(address.normalize('NFC'))).toBe(true);
    expect(emailAddressSchema({ invalid: 'bad' }).safeParse(address).success).toBe(true);
  });

  it.each(INVALID)('refuses %j (%s)', (address) => {
    expect(isEmailAddress(address)).toBe(false);
    expect(emailAddressSchema({ invalid: 'bad' }).safeParse(address).success).toBe(false);
  });

  it('normalises to NFC, so what is sent to Atlassian and compared is one form', () => {
    // Act
    const parsed = emailAddressSchema({ invalid: 'bad' }).parse('jose\u0301@acme.example');

    // Assess
    expect(parsed).toBe('josé@acme.example'.normalize('NFC'));
    expect(parsed).toHaveLength('josé@acme.example'.normalize('NFC').length);
  });

  it('says which limit a long address breaks, naming the field', () => {
    // Prepare
    const schema = emailAddressSchema({ invalid: 'email must be an email address', field: 'email' });

    // Act
    const tooLong = schema.safeParse(`a@${'b'.repeat(250)}.example`);
    const localTooLong = schema.safeParse(`${'l'.repeat(65)}@acme.example`);
    const notAnAddress = schema.safeParse('jane.doe');

    // Assess
    expect(tooLong.error?.issues.map((issue) => issue.message)).toEqual(['email is longer than 254 characters']);
    expect(localTooLong.error?.issues.map((issue) => issue.message)).toEqual(['email has more than 64 characters before the @']);
    expect(notAnAddress.error?.issues.map((issue) => issue.message)).toEqual(['email must be an email address']);
  });

  it('compares case-insensitively across scripts and normalisation forms (emailKey)', () => {
    expect(emailKey('José.Müller@ACME.example')).toBe(emailKey('josé.müller@acme.example'));
    expect(emailKey('JOSE\u0301@acme.example')).toBe(emailKey('jos\u00e9@acme.example'));
    expect(emailKey('ИВАН@пример.рф')).toBe('иван@пример.рф');
    expect(emailKey('jane@acme.example')).not.toBe(emailKey('jane2@acme.example'));
  });

  it('is the rule the simulator copies (it imports nothing from the project)', () => {
    expect(SIMULATOR_EMAIL_PATTERN.source).toBe(EMAIL_ADDRESS_PATTERN.source);
    expect(SIMULATOR_EMAIL_PATTERN.flags).toBe(EMAIL_ADDRESS_PATTERN.flags);
  });
});
