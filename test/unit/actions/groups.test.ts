import { describe, expect, it } from 'vitest';
import { EMAIL, IDS, accountIdOf, invoke, useSimulator } from './simulator-harness.js';

const harness = useSimulator();
const alan = accountIdOf(EMAIL.active);

describe('addToGroup / removeFromGroup', () => {
  it('adds by name (done), then already; removes (done), then already', async () => {
    // Act
    const outcomes = [
      await invoke('addToGroup', { accountId: alan, groupName: 'sales' }),
      await invoke('addToGroup', { accountId: alan, groupName: 'sales' }),
      await invoke('removeFromGroup', { accountId: alan, groupName: 'sales' }),
      await invoke('removeFromGroup', { accountId: alan, groupName: 'sales' }),
    ].map((r) => r.outcome);

    // Assess
    expect(outcomes).toEqual(['done', 'already', 'done', 'already']);
  });

  it('accepts a group id as well as a name', async () => {
    // Prepare
    const groupId = IDS.groupId('finance');

    // Act
    const added = await invoke('addToGroup', { accountId: alan, groupId });

    // Assess
    expect(added).toMatchObject({ outcome: 'done', target: `${alan} -> finance` });
    const access = await invoke<{ groups: Array<{ id: string }> }>('getUserAccess', { accountId: alan });
    expect(access.groups.map((g) => g.id)).toContain(groupId);
  });

  it('skips IdP-synced groups with the reason, both ways, and changes nothing', async () => {
    // Prepare
    const synced = accountIdOf(EMAIL.syncedUser);

    // Act
    const add = await invoke('addToGroup', { accountId: alan, groupName: 'okta-all-staff' });
    const remove = await invoke('removeFromGroup', { accountId: synced, groupName: 'okta-all-staff' });

    // Assess
    expect(add).toMatchObject({ outcome: 'skipped', detail: expect.stringMatching(/synced from an identity provider/) });
    expect(remove).toMatchObject({ outcome: 'skipped', detail: expect.stringMatching(/remove the user there/) });
    const access = await invoke<{ groups: Array<{ name: string }> }>('getUserAccess', { accountId: synced });
    expect(access.groups.map((g) => g.name)).toContain('okta-all-staff');
  });

  it('adding to a missing group is Atlassian.NotFound; removing from one is already', async () => {
    await expect(invoke('addToGroup', { accountId: alan, groupName: 'no-such-group' })).rejects.toMatchObject({
      name: 'Atlassian.NotFound',
      message: expect.stringMatching(/does not exist .* Create the group first/),
    });
    expect(await invoke('removeFromGroup', { accountId: alan, groupName: 'no-such-group' })).toMatchObject({ outcome: 'already' });
  });

  it('wants exactly one of groupId and groupName', async () => {
    await expect(invoke('addToGroup', { accountId: alan })).rejects.toThrow(/groupId: name the group: pass either groupId or groupName/);
    await expect(invoke('addToGroup', { accountId: alan, groupId: 'g', groupName: 'sales' })).rejects.toThrow(/not both/);
  });
});

describe('createGroup / deleteGroup', () => {
  it('creates (done, with id), then already with the same id; deletes (done), then already', async () => {
    // Act
    const created = await invoke('createGroup', { name: 'contractors', description: 'External contractors' });
    const again = await invoke('createGroup', { name: 'contractors' });
    const deleted = await invoke('deleteGroup', { groupId: created.groupId });
    const deletedAgain = await invoke('deleteGroup', { groupName: 'contractors' });

    // Assess
    expect(created).toMatchObject({ outcome: 'done', groupId: expect.any(String) });
    expect(again).toMatchObject({ outcome: 'already', groupId: created.groupId });
    expect([deleted.outcome, deletedAgain.outcome]).toEqual(['done', 'already']);
    expect([...harness.sim.state.groups.values()].some((g) => g.name === 'contractors')).toBe(false);
  });

  it('skips deleting an IdP-synced group', async () => {
    expect(await invoke('deleteGroup', { groupName: 'okta-all-staff' })).toMatchObject({ outcome: 'skipped' });
  });
});
