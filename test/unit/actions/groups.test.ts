import { describe, expect, it } from 'vitest';
import { EMAIL, IDS, accountIdOf, invoke, outcomesOfEachTwice, useSimulator } from './simulator-harness.js';

const harness = useSimulator();
const alan = accountIdOf(EMAIL.active);

describe('facts passed forward from the snapshot', () => {
  it('removeFromGroup with known facts: done, then already (404); a known-synced group is skipped without a call', async () => {
    // Prepare
    const groupId = IDS.groupId('engineering');
    const known = { name: 'engineering', synced: false };

    // Act
    const first = await invoke('removeFromGroup', { accountId: alan, groupId, known });
    const again = await invoke('removeFromGroup', { accountId: alan, groupId, known });
    const synced = await invoke('removeFromGroup', { accountId: alan, groupId: IDS.groupId('okta-all-staff'), known: { name: 'okta-all-staff', synced: true } });

    // Assess
    expect([first.outcome, again.outcome, synced.outcome]).toEqual(['done', 'already', 'skipped']);
    expect(first.target).toBe(`${alan} -> engineering`);
  });

  it('addToGroup trusting the plan still reports a repeat add as already', async () => {
    const first = await invoke('addToGroup', { accountId: alan, groupName: 'sales', knownNotMember: true });
    const again = await invoke('addToGroup', { accountId: alan, groupName: 'sales', knownNotMember: true });
    expect([first.outcome, again.outcome]).toEqual(['done', 'already']);
  });

  it('refuses known facts without a group id', async () => {
    await expect(invoke('removeFromGroup', { accountId: alan, groupName: 'sales', known: { name: 'sales', synced: false } })).rejects.toThrow(/pass groupId with known/);
  });
});

describe('addToGroup / removeFromGroup', () => {
  it('adds by name (done), then already; removes (done), then already', async () => {
    // Act
    const outcomes = await outcomesOfEachTwice({ accountId: alan, groupName: 'sales' }, 'addToGroup', 'removeFromGroup');

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
