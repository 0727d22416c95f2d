import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../functions/registry.js';
import { EMAIL, IDS, accountIdOf, invoke, useSimulator } from './simulator-harness.js';

const harness = useSimulator();
const alan = accountIdOf(EMAIL.active);
const jira = IDS.sites.jira.resourceId;

/** A valid input per directory action: each reaches the Atlassian API on its first step. */
const VALID_INPUT: Record<string, Record<string, unknown>> = {
  findUser: { accountId: alan },
  getUserAccess: { accountId: alan },
  suspendUser: { accountId: alan },
  restoreUser: { accountId: accountIdOf(EMAIL.suspended) },
  removeUser: { accountId: alan },
  inviteUser: { email: 'new.joiner@acme.example' },
  addToGroup: { accountId: alan, groupName: 'sales' },
  removeFromGroup: { accountId: alan, groupName: 'engineering' },
  grantRole: { accountId: alan, resourceId: jira, role: 'atlassian/admin' },
  revokeRole: { accountId: accountIdOf(EMAIL.withDirectRole), resourceId: jira, role: 'atlassian/admin' },
  createGroup: { name: 'contractors' },
  deleteGroup: { groupName: 'finance' },
  assignGroupRole: { groupName: 'sales', resourceId: jira, role: 'atlassian/user' },
  revokeGroupRole: { groupName: 'sales', resourceId: IDS.sites.confluence.resourceId, role: 'atlassian/user' },
  getLastActiveDates: { accountId: alan },
  listUsers: { limit: 10 },
};

// The sweep's steps work on files of a run in the report store: test/unit/actions/sweep-actions.test.ts.
const DIRECTORY_ACTIONS = ACTIONS.filter((a) => a.usesAtlassianApi && !a.reportStore).map((a) => a.name);

/** HTTP failures the simulator injects, and the docs/contracts.md error name the ASL must see for each. */
const FAULTS = [
  { label: 'transient 503', fault: { status: 503 }, name: 'Atlassian.Transient' },
  { label: 'dropped connection', fault: { drop: true }, name: 'Atlassian.Transient' },
  { label: 'rate limited 429', fault: { status: 429, retryAfterSeconds: 30 }, name: 'Atlassian.RateLimited' },
  { label: 'forbidden 403', fault: { status: 403 }, name: 'Atlassian.Forbidden' },
  { label: 'unauthorized 401', fault: { status: 401 }, name: 'Atlassian.Unauthorized' },
  { label: 'license limit 402', fault: { status: 402 }, name: 'Atlassian.LicenseLimit' },
] as const;

describe('error paths of every directory action', () => {
  beforeAll(async () => {
    // Discover the directory id once, so the injected fault hits the action's own request.
    await invoke('listUsers', { limit: 1 });
  });

  it('has a valid sample input for every directory action in the registry', () => {
    expect(Object.keys(VALID_INPUT).sort()).toEqual([...DIRECTORY_ACTIONS].sort());
  });

  for (const action of DIRECTORY_ACTIONS) {
    it.each(FAULTS)(`${action}: $label -> $name`, async ({ fault, name }) => {
      // Prepare
      harness.sim.control.failNext({ ...fault, count: 1 });

      // Act
      const failure = invoke(action, VALID_INPUT[action]);

      // Assess
      await expect(failure).rejects.toMatchObject({ name });
    });
  }

  it('succeeds on a retry after a transient failure (what the ASL Retry relies on)', async () => {
    // Prepare
    harness.sim.control.failNext({ status: 500, count: 1 });
    await expect(invoke('suspendUser', { accountId: alan })).rejects.toMatchObject({ name: 'Atlassian.Transient' });

    // Act
    const retried = await invoke('suspendUser', { accountId: alan });

    // Assess
    expect(retried).toMatchObject({ outcome: 'done' });
  });
});

describe('semantic error paths', () => {
  it.each([
    ['suspendUser', { accountId: 'no-such-account' }],
    ['restoreUser', { accountId: 'no-such-account' }],
    ['getUserAccess', { accountId: 'no-such-account' }],
    ['addToGroup', { accountId: 'no-such-account', groupName: 'sales' }],
    ['grantRole', { accountId: 'no-such-account', resourceId: jira, role: 'atlassian/user' }],
  ])('%s of an unknown user is Atlassian.NotFound', async (action, input) => {
    await expect(invoke(action, input)).rejects.toMatchObject({ name: 'Atlassian.NotFound' });
  });

  it('inviting beyond the license limit is Atlassian.LicenseLimit', async () => {
    // Prepare
    const active = [...harness.sim.state.users.values()].filter((u) => u.membershipStatus === 'active').length;
    harness.sim.control.setBehaviour({ licenseLimit: active });

    // Act
    const failure = invoke('inviteUser', { email: 'one.too.many@acme.example' });

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'Atlassian.LicenseLimit' });
  });

  it('restoring beyond the license limit is Atlassian.LicenseLimit', async () => {
    // Prepare
    const active = [...harness.sim.state.users.values()].filter((u) => u.membershipStatus === 'active').length;
    harness.sim.control.setBehaviour({ licenseLimit: active });

    // Act
    const failure = invoke('restoreUser', { accountId: accountIdOf(EMAIL.suspended) });

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'Atlassian.LicenseLimit' });
  });

  it('an org without a paid subscription cannot invite: Atlassian.LicenseLimit', async () => {
    harness.sim.control.setBehaviour({ paidSubscription: false });
    await expect(invoke('inviteUser', { email: 'new.joiner@acme.example' })).rejects.toMatchObject({ name: 'Atlassian.LicenseLimit' });
  });
});
