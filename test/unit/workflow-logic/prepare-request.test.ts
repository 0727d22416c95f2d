import { describe, expect, it } from 'vitest';
import { prepareRequest } from '../../../functions/actions/prepare-request.js';
import { deps, rejection } from './logic-fixtures.js';

describe('prepareRequest', () => {
  it('normalizes a leaver input: lookup, grace period from the config, wait for a future effectiveAt', async () => {
    // Act
    const request = await prepareRequest(
      { workflow: 'leaver', input: { accountId: 'acc-1', effectiveAt: '2026-12-01T10:00:00+01:00' } },
      deps(),
    );

    // Assess
    expect(request).toMatchObject({
      lookupBy: 'accountId',
      lookup: { accountId: 'acc-1' },
      effectiveAt: '2026-12-01T09:00:00Z',
      waitForEffectiveAt: true,
      dryRun: false,
      graceDays: 14,
      graceSeconds: 14 * 86_400,
    });
  });

  it('does not wait for a past effectiveAt, nor in a dry run; graceDays in the input wins', async () => {
    // Act
    const past = await prepareRequest({ workflow: 'leaver', input: { email: 'a@b.example', effectiveAt: '2026-01-01T00:00:00Z', graceDays: 0 } }, deps());
    const dry = await prepareRequest({ workflow: 'leaver', input: { email: 'a@b.example', effectiveAt: '2027-01-01T00:00:00Z', dryRun: true } }, deps());

    // Assess
    expect(past).toMatchObject({ waitForEffectiveAt: false, graceDays: 0, graceSeconds: 0, lookupBy: 'email' });
    expect(dry.waitForEffectiveAt).toBe(false);
  });

  it('derives a joiner display name from the email and keeps the attributes given', async () => {
    // Act
    const request = await prepareRequest({ workflow: 'joiner', input: { email: 'jane.doe@example.com', department: 'Sales' } }, deps());

    // Assess
    expect(request).toMatchObject({ displayName: 'Jane Doe', attributes: { department: 'Sales' }, lookup: { email: 'jane.doe@example.com' } });
    expect(request).not.toHaveProperty('graceDays'); // a joiner has no grace period: each workflow has its own request type
  });

  it('rejects invalid input with Jml.InvalidInput naming every wrong field', async () => {
    // Act
    const message = await rejection(
      prepareRequest({ workflow: 'leaver', input: { email: 'jane@example.com', accountId: 'a', effectiveAt: 'friday', extra: 1 } }, deps()),
      'Jml.InvalidInput',
    );

    // Assess
    expect(message).toContain('effectiveAt: effectiveAt must be an ISO-8601 date-time');
    expect(message).toContain('accountId: give accountId or email, not both');
    expect(message).toContain('unknown field(s) "extra": check the spelling');
  });

  it('refuses an effectiveAt plus grace period beyond what one execution can wait', async () => {
    // Act
    const message = await rejection(
      prepareRequest({ workflow: 'leaver', input: { email: 'a@b.example', effectiveAt: '2027-11-01T00:00:00Z', graceDays: 30 } }, deps()),
      'Jml.InvalidInput',
    );

    // Assess
    expect(message).toContain('keep it within 360 days');
  });
});
