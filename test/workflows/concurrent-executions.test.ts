import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorkflow, type WorkflowRun } from '../../local/engine/run-workflow.js';
import { startSimulator, type RunningSimulator } from '../../local/simulator/index.js';
import { exampleConfig } from './support/workflow-harness.js';

/**
 * Executions started together in one process (as the local runtime runs them) must each act on
 * their own org with their own config: nothing of one run's API target or config may reach another.
 */

const ALAN = 'alan.turing@acme.example';
const DENNIS = 'dennis.ritchie@acme.example';
const ROUNDS = 4;

/** The example config, with one more account protected. */
function protecting(email: string) {
  const config = exampleConfig();
  return { ...config, protectedAccounts: [...config.protectedAccounts, { email, reason: `Protected in this org only: ${email}` }] };
}

interface Org {
  sim: RunningSimulator;
  config: object;
  protectedEmail: string;
}

function leaver(org: Org, email: string, round: number): Promise<WorkflowRun> {
  return runWorkflow({
    workflow: 'leaver',
    input: { email, reason: `round ${round}` },
    api: { baseUrl: org.sim.baseUrl, apiKey: org.sim.apiKey, orgId: org.sim.orgId },
    config: org.config,
    shortenWaits: true,
    httpMaxAttempts: 1,
  });
}

describe('concurrent executions in one process', () => {
  let acme: Org;
  let globex: Org;

  beforeAll(async () => {
    // Two orgs (own ids, own API key), the same people; each config protects another person.
    acme = { sim: await startSimulator({ seed: 'acme', rateLimits: false }), config: protecting(ALAN), protectedEmail: ALAN };
    globex = {
      sim: await startSimulator({ seed: 'globex', apiKey: 'globex-api-key', rateLimits: false }),
      config: protecting(DENNIS),
      protectedEmail: DENNIS,
    };
  });

  afterAll(async () => {
    await acme?.sim.close();
    await globex?.sim.close();
  });

  it('each leaver acts only on its own org, with its own config (several rounds, started together)', async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      // Prepare: fresh orgs; the start order alternates so neither org is always first
      acme.sim.control.reset();
      globex.sim.control.reset();
      const jobs = [
        { org: acme, email: ALAN }, { org: globex, email: ALAN },
        { org: acme, email: DENNIS }, { org: globex, email: DENNIS },
      ];
      if (round % 2 === 0) jobs.reverse();

      // Act
      const runs = await Promise.all(jobs.map((job) => leaver(job.org, job.email, round)));

      // Assess
      runs.forEach((run, index) => {
        const { org, email } = jobs[index];
        const accountId = org.sim.state.findUserByEmail(email)!.accountId;
        const label = `round ${round}: ${email} in ${org.sim.orgId}`;
        if (email === org.protectedEmail) {
          expect(run.status, label).toBe('FAILED');
          expect(run.error, label).toBe('Jml.ProtectedAccount');
          expect(run.cause, label).toContain(`Protected in this org only: ${email}`);
          expect(org.sim.state.findUserByEmail(email)!.membershipStatus, label).toBe('active');
          expect(org.sim.state.groupsOf(accountId).size, label).toBeGreaterThan(0);
        } else {
          expect(run.status, label).toBe('SUCCEEDED');
          expect((run.output as { user: { accountId: string } }).user.accountId, label).toBe(accountId);
          expect(org.sim.state.findUserByEmail(email)!.membershipStatus, label).toBe('no_membership');
        }
      });
    }
  });
});
