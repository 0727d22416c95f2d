import { describe, expect, it } from 'vitest';
import { EMAIL, accountIdOf, invoke, outcomesOfEachTwice, useSimulator } from './simulator-harness.js';

// Same handlers, ATLASSIAN_DIRECTORY_API=v1: the seed's (sunset) endpoints underneath.
useSimulator({ generation: 'v1' });

describe('directory actions over the v1 API', () => {
  it('suspend / restore / remove report done then already', async () => {
    // Prepare
    const found = await invoke<{ user: { accountId: string } }>('findUser', { email: EMAIL.active });
    const accountId = found.user.accountId;

    // Act
    const outcomes = [
      await invoke('suspendUser', { accountId }),
      await invoke('suspendUser', { accountId }),
      await invoke('restoreUser', { accountId }),
      await invoke('removeUser', { accountId }),
      await invoke('removeUser', { accountId }),
    ].map((r) => r.outcome);

    // Assess
    expect(outcomes).toEqual(['done', 'already', 'done', 'done', 'already']);
  });

  it('skips an IdP-synced group that v1 only reveals by refusing the change (ADMIN-403-5)', async () => {
    // Prepare
    const alan = accountIdOf(EMAIL.active);
    const synced = accountIdOf(EMAIL.syncedUser);

    // Act
    const add = await invoke('addToGroup', { accountId: alan, groupName: 'okta-all-staff' });
    const remove = await invoke('removeFromGroup', { accountId: synced, groupName: 'okta-all-staff' });

    // Assess
    expect(add).toMatchObject({ outcome: 'skipped', detail: expect.stringMatching(/ADMIN-403-5/) });
    expect(remove).toMatchObject({ outcome: 'skipped' });
    const access = await invoke<{ groups: Array<{ name: string }> }>('getUserAccess', { accountId: synced });
    expect(access.groups.map((g) => g.name)).toContain('okta-all-staff');
  });

  it('adds and removes a regular group membership', async () => {
    const alan = accountIdOf(EMAIL.active);
    const outcomes = await outcomesOfEachTwice({ accountId: alan, groupName: 'sales' }, 'addToGroup', 'removeFromGroup');
    expect(outcomes).toEqual(['done', 'already', 'done', 'already']);
  });
});
