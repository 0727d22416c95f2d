import { afterEach, describe, expect, it } from 'vitest';
import {
  REDACTED,
  clearRegisteredSecrets,
  redactText,
  redactingJsonReplacer,
  registerSecret,
} from '../../../functions/lib/redaction.js';

const CANARY = 'CANARY-ATLASSIAN-KEY-0123456789abcdef';

describe('redaction', () => {
  afterEach(() => clearRegisteredSecrets());

  it('masks a registered secret wherever it appears in a serialized log item', () => {
    // Prepare
    registerSecret(CANARY);
    const item = {
      message: `calling with ${CANARY}`,
      nested: { list: [`x${CANARY}y`], count: 3 },
      error: { name: 'Error', message: `bad key ${CANARY}`, stack: `Error: bad key ${CANARY}\n    at x` },
    };

    // Act
    const line = JSON.stringify(item, redactingJsonReplacer);

    // Assess
    expect(line).not.toContain(CANARY);
    expect(JSON.parse(line).nested.count).toBe(3);
    expect(JSON.parse(line).message).toBe(`calling with ${REDACTED}`);
  });

  it('masks fields whose names say they hold a secret, even for unregistered values', () => {
    // Act
    const line = JSON.stringify(
      { apiKey: 'abc', Authorization: 'Bearer xyz', headers: { 'x-api-key': 'k' }, password: 'p', secretId: 'arn:secret', tokensCount: 3 },
      redactingJsonReplacer,
    );

    // Assess
    expect(JSON.parse(line)).toEqual({
      apiKey: REDACTED,
      Authorization: REDACTED,
      headers: { 'x-api-key': REDACTED },
      password: REDACTED,
      secretId: 'arn:secret',
      tokensCount: 3,
    });
  });

  it('masks bearer credentials in free text and ignores too-short secrets', () => {
    // Prepare
    registerSecret('short');

    // Act
    const text = redactText('header was Bearer abcdefghijklmnop and a short word');

    // Assess
    expect(text).toBe(`header was Bearer ${REDACTED} and a short word`);
  });
});
