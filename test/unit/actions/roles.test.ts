import { describe, expect, it } from 'vitest';
import { EMAIL, IDS, accountIdOf, invoke, outcomesOfEachTwice, useSimulator } from './simulator-harness.js';

const harness = useSimulator();
const alan = accountIdOf(EMAIL.active);
const jira = IDS.sites.jira.resourceId;

describe('grantRole / revokeRole', () => {
  it('grants (done), then already; revokes (done), then already', async () => {
    // Prepare
    const input = { accountId: alan, resourceId: jira, role: 'atlassian/admin' };

    // Act
    const outcomes = await outcomesOfEachTwice(input, 'grantRole', 'revokeRole');

    // Assess
    expect(outcomes).toEqual(['done', 'already', 'done', 'already']);
  });

  it('maps role APIs that Atlassian Support has not enabled to Atlassian.Forbidden', async () => {
    // Prepare
    harness.sim.control.setBehaviour({ roleApis: 'forbidden' });

    // Act
    const failure = invoke('grantRole', { accountId: alan, resourceId: jira, role: 'atlassian/admin' });

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'Atlassian.Forbidden', status: 403 });
  });
});

describe('assignGroupRole / revokeGroupRole', () => {
  it('assigns (done), then already; revokes (done), then already', async () => {
    // Prepare
    const input = { groupName: 'sales', resourceId: jira, role: 'atlassian/user' };

    // Act
    const outcomes = await outcomesOfEachTwice(input, 'assignGroupRole', 'revokeGroupRole');

    // Assess
    expect(outcomes).toEqual(['done', 'already', 'done', 'already']);
  });

  it('assigning to a missing group is NotFound; revoking from one is already', async () => {
    const input = { groupName: 'no-such-group', resourceId: jira, role: 'atlassian/user' };
    await expect(invoke('assignGroupRole', input)).rejects.toMatchObject({ name: 'Atlassian.NotFound' });
    expect(await invoke('revokeGroupRole', input)).toMatchObject({ outcome: 'already' });
  });

  it('rejects a missing role with the field and an example', async () => {
    await expect(invoke('assignGroupRole', { groupName: 'sales', resourceId: jira })).rejects.toThrow(
      /role: role is required, e.g. atlassian\/user/,
    );
  });
});
