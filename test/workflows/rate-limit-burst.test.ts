import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runWorkflow } from '../../local/engine/run-workflow.js';
import { startSimulator, type RunningSimulator } from '../../local/simulator/index.js';

/**
 * A burst of leavers against an org at its rate limit, as the local runtime runs them: all in one
 * process, each execution with its own handler environment, one pacer for the org. The simulator's
 * clock runs TIME_SCALE times faster, so its one-minute windows pass in 6 s; the workflows' real
 * Retry policy is scaled by the same factor, and nothing else is shortened but the grace period.
 */

const LEAVERS = 80;
const TIME_SCALE = 10;
/** Per simulated minute, i.e. per 6 real seconds: about 83 requests per real second (80 leavers make ~700 calls). */
const LIMIT_PER_WINDOW = 500;
/** The same limit as the pacer sees it, in real time. */
const REAL_REQUESTS_PER_MINUTE = LIMIT_PER_WINDOW * TIME_SCALE;

const config = {
  accessRules: [{ id: 'everyone', grant: { groups: ['confluence-users'] } }],
  limits: { maxLeaversPerDay: LEAVERS },
};

describe('a burst of leavers at the org rate limit', () => {
  let sim: RunningSimulator;
  let requests = 0;
  let rejected = 0;

  beforeAll(async () => {
    sim = await startSimulator({ users: LEAVERS + 60, timeScale: TIME_SCALE, rateLimits: { default: LIMIT_PER_WINDOW } });
    // Count what reaches the org, and its 429s.
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (...args) => {
      const response = await realFetch(...args);
      requests++;
      if (response.status === 429) rejected++;
      return response;
    });
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await sim?.close();
  });

  it('ends with every execution SUCCEEDED and every user removed', async () => {
    // Prepare
    const people = [...sim.state.users.values()]
      .filter((user) => user.membershipStatus === 'active' && !user.email.startsWith('olivia.admin'))
      .slice(-LEAVERS);
    expect(people).toHaveLength(LEAVERS);

    // Act
    const runs = await Promise.all(
      people.map((person) =>
        runWorkflow({
          workflow: 'leaver',
          input: { email: person.email, reason: 'burst' },
          api: { baseUrl: sim.baseUrl, apiKey: sim.apiKey, orgId: sim.orgId, requestsPerMinute: REAL_REQUESTS_PER_MINUTE },
          config,
          shortenWaits: true,
          shortenRetries: false,
          retryTimeScale: TIME_SCALE,
          httpMaxAttempts: 1,
        }),
      ),
    );

    // Assess
    const failed = runs.filter((run) => run.status !== 'SUCCEEDED').map((run) => `${run.error}: ${run.cause?.slice(0, 200)}`);
    expect(failed).toEqual([]);
    const stillThere = people.filter((person) => sim.state.users.get(person.accountId)?.membershipStatus !== 'no_membership');
    expect(stillThere.map((person) => person.email)).toEqual([]);
    // The burst could not fit into one window: the limit had to be ridden out, not avoided.
    expect(requests).toBeGreaterThan(LIMIT_PER_WINDOW);
    // Whatever reached a full window was retried by the state machine, never failed (usually: none, the pacer keeps under).
    const rateLimitedRetries = runs.flatMap((run) => run.trace).filter((entry) => entry.kind === 'StateRetried' && entry.error === 'Atlassian.RateLimited');
    expect(rateLimitedRetries.length).toBe(rejected);
  });
});
