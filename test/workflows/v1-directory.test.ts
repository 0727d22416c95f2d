import { describe, expect, it } from 'vitest';
import { groupNames, outcomes, run, simUser } from './support/workflow-harness.js';
import { useDemoSimulator } from './support/demo-simulator.js';

/** The same ASL over the v1 (seed) directory endpoints: the workflows never know the generation. */
describe('workflows over the v1 directory API', () => {
  const sim = useDemoSimulator();

  it('leaver: suspends, removes memberships (IdP-synced one skipped) and the user', async () => {
    // Act
    const result = await run(sim(), 'leaver', { email: 'linus.torvalds@acme.example' }, { generation: 'v1' });

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(outcomes(result.output)).toContain('removeFromGroup okta-all-staff skipped');
    expect(simUser(sim(), 'linus.torvalds@acme.example').membershipStatus).toBe('no_membership');
  });

  it('joiner then mover: invite with groups and role, then move within the managed scope', async () => {
    // Act
    const joined = await run(sim(), 'joiner', { email: 'nina.new@acme.example', department: 'Support', jobTitle: 'Support Lead' }, { generation: 'v1' });
    const moved = await run(sim(), 'mover', { email: 'nina.new@acme.example', department: 'Sales', jobTitle: 'Account Executive' }, { generation: 'v1' });

    // Assess
    expect(joined.status).toBe('SUCCEEDED');
    expect(moved.status).toBe('SUCCEEDED');
    expect(outcomes(moved.output)).toEqual(expect.arrayContaining(['addToGroup sales done', 'removeFromGroup support done']));
    expect(outcomes(moved.output).some((o) => o.startsWith('revokeRole atlassian/admin') && o.endsWith('done'))).toBe(true);
    expect(groupNames(sim(), 'nina.new@acme.example')).toEqual(['confluence-users', 'sales']);
  });
});
