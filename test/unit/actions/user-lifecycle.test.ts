import { describe, expect, it } from 'vitest';
import { EMAIL, accountIdOf, invoke, outcomesOfEachTwice, useSimulator } from './simulator-harness.js';

const harness = useSimulator();

describe('findUser', () => {
  it('finds a user by email with status, membership, management source and HR attributes', async () => {
    // Act
    const result = await invoke('findUser', { email: EMAIL.syncedUser });

    // Assess
    expect(result).toMatchObject({
      found: true,
      user: {
        accountId: accountIdOf(EMAIL.syncedUser),
        membershipStatus: 'active',
        managementSource: 'synced',
        department: 'Engineering',
        jobTitle: 'Software Engineer',
        platformRoles: [],
      },
    });
  });

  it('finds an org admin by account id with its platform roles', async () => {
    const result = await invoke('findUser', { accountId: accountIdOf(EMAIL.orgAdmin) });
    expect(result).toMatchObject({ found: true, user: { platformRoles: ['atlassian/org-admin'] } });
  });

  it('answers found: false for an unknown user instead of failing', async () => {
    expect(await invoke('findUser', { email: 'nobody@acme.example' })).toEqual({ found: false });
    expect(await invoke('findUser', { accountId: 'no-such-account' })).toEqual({ found: false });
  });

  it('wants exactly one of accountId and email', async () => {
    await expect(invoke('findUser', {})).rejects.toMatchObject({ name: 'Jml.InvalidInput' });
    await expect(invoke('findUser', { accountId: 'a', email: 'a@b.example' })).rejects.toThrow(/exactly one of accountId or email/);
  });
});

describe('getUserAccess', () => {
  it('snapshots groups (synced ones not modifiable) and direct roles', async () => {
    // Act
    const result = await invoke<{ groups: Array<{ name: string; synced: boolean; modifiable: boolean }>; roles: unknown[] }>(
      'getUserAccess',
      { accountId: accountIdOf(EMAIL.syncedUser) },
    );

    // Assess
    expect(result.groups).toContainEqual(expect.objectContaining({ name: 'engineering', synced: false, modifiable: true }));
    expect(result.groups).toContainEqual(expect.objectContaining({ name: 'okta-all-staff', synced: true, modifiable: false }));
    const withRole = await invoke<{ roles: Array<{ role: string }> }>('getUserAccess', { accountId: accountIdOf(EMAIL.withDirectRole) });
    expect(withRole.roles).toContainEqual(expect.objectContaining({ role: 'atlassian/admin' }));
  });

  it('fails with Atlassian.NotFound for an unknown user rather than an empty snapshot', async () => {
    await expect(invoke('getUserAccess', { accountId: 'no-such-account' })).rejects.toMatchObject({ name: 'Atlassian.NotFound' });
  });
});

describe('suspendUser / restoreUser', () => {
  it('suspends (done), then reports already; restores (done), then already', async () => {
    // Prepare
    const accountId = accountIdOf(EMAIL.active);

    // Act
    const outcomes = await outcomesOfEachTwice({ accountId }, 'suspendUser', 'restoreUser');

    // Assess
    expect(outcomes).toEqual(['done', 'already', 'done', 'already']);
    expect(harness.sim.state.users.get(accountId)?.membershipStatus).toBe('active');
  });

  it('keeps groups across suspend and restore', async () => {
    // Prepare
    const accountId = accountIdOf(EMAIL.active);
    const before = await invoke('getUserAccess', { accountId });

    // Act
    await invoke('suspendUser', { accountId });
    await invoke('restoreUser', { accountId });

    // Assess
    expect(await invoke('getUserAccess', { accountId })).toEqual(before);
  });

  it('throws Atlassian.NotFound with an admin-readable message for an unknown user', async () => {
    const failure = invoke('suspendUser', { accountId: 'no-such-account' });
    await expect(failure).rejects.toMatchObject({ name: 'Atlassian.NotFound' });
    await expect(failure).rejects.toThrow(/No user with account id no-such-account .* Check the account id/);
  });

  it('reports already when suspending a removed user, and refuses to restore one (Conflict: invite again)', async () => {
    // Prepare
    const accountId = accountIdOf(EMAIL.active);
    await invoke('removeUser', { accountId });

    // Act
    const suspended = await invoke('suspendUser', { accountId });
    const restore = invoke('restoreUser', { accountId });

    // Assess
    expect(suspended).toMatchObject({ outcome: 'already' });
    await expect(restore).rejects.toMatchObject({ name: 'Atlassian.Conflict' });
    await expect(restore).rejects.toThrow(/Invite the user again/);
  });
});

describe('removeUser', () => {
  it('removes (done), then already; an unknown user is already removed', async () => {
    // Prepare
    const accountId = accountIdOf(EMAIL.suspended);

    // Act
    const first = await invoke('removeUser', { accountId });
    const second = await invoke('removeUser', { accountId });
    const unknown = await invoke('removeUser', { accountId: 'no-such-account' });

    // Assess
    expect([first.outcome, second.outcome, unknown.outcome]).toEqual(['done', 'already', 'already']);
    expect(harness.sim.state.users.get(accountId)?.membershipStatus).toBe('no_membership');
  });
});

describe('removeUser with onlyIfSuspended (the leaver after its grace period)', () => {
  it('skips an active user (restored meanwhile) and removes a suspended one', async () => {
    // Prepare
    const active = accountIdOf(EMAIL.active);
    const suspended = accountIdOf(EMAIL.suspended);

    // Act
    const skipped = await invoke('removeUser', { accountId: active, onlyIfSuspended: true });
    const removed = await invoke('removeUser', { accountId: suspended, onlyIfSuspended: true });

    // Assess
    expect(skipped).toMatchObject({ action: 'removeUser', target: active, outcome: 'skipped' });
    expect(skipped.detail).toMatch(/^Restored during the grace period: removal cancelled/);
    expect(harness.sim.state.users.get(active)?.membershipStatus).toBe('active');
    expect(removed.outcome).toBe('done');
    expect(harness.sim.state.users.get(suspended)?.membershipStatus).toBe('no_membership');
  });
});

describe('inviteUser', () => {
  it('invites a new person (done, with account id), then reports already', async () => {
    // Act
    const first = await invoke('inviteUser', { email: 'new.joiner@acme.example', name: 'New Joiner' });
    const second = await invoke('inviteUser', { email: 'new.joiner@acme.example', name: 'New Joiner' });

    // Assess
    expect(first).toMatchObject({ action: 'inviteUser', target: 'new.joiner@acme.example', outcome: 'done' });
    expect(typeof first.accountId).toBe('string');
    expect(second).toMatchObject({ outcome: 'already', accountId: first.accountId });
  });

  it('does not re-invite a suspended account (a rehire restores it)', async () => {
    const result = await invoke('inviteUser', { email: EMAIL.suspended });
    expect(result).toMatchObject({ outcome: 'already', accountId: accountIdOf(EMAIL.suspended) });
    expect(result.detail).toMatch(/suspended \(restore it instead of inviting\)/);
  });

  it('invites a removed account again (only an invite brings it back)', async () => {
    // Prepare
    await invoke('removeUser', { accountId: accountIdOf(EMAIL.active) });

    // Act
    const result = await invoke('inviteUser', { email: EMAIL.active });

    // Assess
    expect(result).toMatchObject({ outcome: 'done', detail: expect.stringMatching(/again \(the account had been removed\)/) });
    expect(await invoke('findUser', { email: EMAIL.active })).toMatchObject({ user: { membershipStatus: 'active' } });
  });

  it('rejects a malformed email before any API call', async () => {
    await expect(invoke('inviteUser', { email: 'not-an-email' })).rejects.toThrow(/email: email must be an email address/);
  });
});
