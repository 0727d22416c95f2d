import { describe, expect, it } from 'vitest';
import { EMAIL, accountIdOf, invoke, useSimulator } from './simulator-harness.js';

const harness = useSimulator();

describe('getLastActiveDates', () => {
  it('returns per-product dates and the most recent one', async () => {
    // Act
    const result = await invoke<{ accountId: string; products: Array<{ key: string }>; lastActive?: string }>(
      'getLastActiveDates',
      { accountId: accountIdOf(EMAIL.active) },
    );

    // Assess
    expect(result.accountId).toBe(accountIdOf(EMAIL.active));
    expect(result.products.length).toBeGreaterThan(0);
    expect(result.lastActive).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('listUsers', () => {
  it('pages through every directory user with nextCursor, without repeats', async () => {
    // Prepare
    const seen: string[] = [];
    let cursor: string | undefined;

    // Act
    do {
      const page = await invoke<{ users: Array<{ accountId: string }>; nextCursor?: string }>('listUsers', {
        limit: 5,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.users.length).toBeLessThanOrEqual(5);
      seen.push(...page.users.map((u) => u.accountId));
      cursor = page.nextCursor;
    } while (cursor);

    // Assess
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(harness.sim.state.users.size);
  });

  it('refuses a page size above 100 with the reason', async () => {
    await expect(invoke('listUsers', { limit: 500 })).rejects.toThrow(/limit: limit must be at most 100/);
  });
});
