import { describe, expect, it } from 'vitest';
import { runWorkflow, type WaitNotice, type WorkflowRun } from '../../local/engine/run-workflow.js';
import { ManualClock } from '../../local/engine/manual-clock.js';
import { statesEntered } from '../../local/engine/trace.js';
import type { RunningSimulator } from '../../local/simulator/index.js';
import { EXAMPLE_CONFIG_FILE, groupNames, outcomes, simUser } from './support/workflow-harness.js';
import { useDemoSimulator } from './support/demo-simulator.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
const ALAN = 'alan.turing@acme.example'; // active, three managed groups
const KEN = 'ken.thompson@acme.example'; // suspended in the demo org

/**
 * A leaver with real waits on a clock the test moves: the example config's 30-day grace period and
 * an effectiveAt 40 days ahead both exceed Node's 24.8-day timer cap, which once made them pass at once.
 */
function startLeaver(sim: RunningSimulator, input: object) {
  const clock = new ManualClock(Date.now());
  const waits: WaitNotice[] = [];
  let waiting: Array<() => void> = [];
  const running: Promise<WorkflowRun> = runWorkflow({
    workflow: 'leaver',
    input,
    api: { baseUrl: sim.baseUrl, apiKey: sim.apiKey, orgId: sim.orgId },
    configFile: EXAMPLE_CONFIG_FILE,
    httpMaxAttempts: 1,
    shortenRetries: true,
    clock,
    onWait: (notice) => {
      waits.push(notice);
      waiting.splice(0).forEach((wake) => wake());
    },
  });
  /** Resolves once the engine has started its next wait (the clock holds a sleeper). */
  const nextWait = async () => {
    const seen = waits.length;
    while (waits.length === seen) await new Promise<void>((resolve) => waiting.push(resolve));
    while (clock.pendingDeadlines().length === 0) await new Promise((resolve) => setImmediate(resolve));
    return waits.at(-1) as WaitNotice;
  };
  return { clock, waits, running, nextWait };
}

/** Lets any work the clock just woke run its calls (there is none if the engine still waits). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('leaver with waits longer than a Node timer holds', () => {
  const sim = useDemoSimulator();

  it('suspends only at effectiveAt (40 days) and removes only after the 30-day grace period', async () => {
    // Prepare
    const effectiveAt = new Date(Date.now() + 40 * DAY).toISOString();
    const leaver = startLeaver(sim(), { email: ALAN, effectiveAt });

    // Act + Assess: waiting for the effective date, nothing changes
    const first = await leaver.nextWait();
    expect(first.state).toBe('WaitUntilEffective');
    expect(Date.parse(first.until)).toBe(Date.parse(effectiveAt.replace(/\.\d{3}Z$/, 'Z')));
    leaver.clock.advance(40 * DAY - MINUTE);
    await settle();
    expect(simUser(sim(), ALAN).membershipStatus).toBe('active');
    expect(groupNames(sim(), ALAN)).toHaveLength(3);

    // Past the effective date: suspended, groups removed, then the grace period starts
    leaver.clock.advance(2 * MINUTE);
    const grace = await leaver.nextWait();
    expect(grace.state).toBe('WaitGracePeriod');
    expect(Date.parse(grace.until) - leaver.clock.now()).toBeGreaterThanOrEqual(30 * DAY);
    expect(Date.parse(grace.until) - leaver.clock.now()).toBeLessThan(30 * DAY + 1000);
    expect(simUser(sim(), ALAN).membershipStatus).toBe('suspended');
    expect(groupNames(sim(), ALAN)).toEqual([]);

    // One minute before the grace period ends: still only suspended
    leaver.clock.advance(30 * DAY - MINUTE);
    await settle();
    expect(simUser(sim(), ALAN).membershipStatus).toBe('suspended');

    // After it: removed, exactly once
    leaver.clock.advance(2 * MINUTE);
    const run = await leaver.running;
    expect(run.status).toBe('SUCCEEDED');
    expect(simUser(sim(), ALAN).membershipStatus).toBe('no_membership');
    expect(statesEntered(run.trace)).toContain('RecheckAfterWait');
    expect(run.trace.filter((e) => e.kind === 'WaitStarted').map((e) => e.state)).toEqual(['WaitUntilEffective', 'WaitGracePeriod']);
    expect(run.transitions).toBe(20); // 16 + WaitUntilEffective + RecheckAfterWait + StillLeaving + UseFreshLookup
  });

  it('a user restored during the grace period is not removed; the run succeeds and says why', async () => {
    // Prepare
    const accountId = simUser(sim(), ALAN).accountId;
    const leaver = startLeaver(sim(), { email: ALAN });
    await leaver.nextWait();
    expect(simUser(sim(), ALAN).membershipStatus).toBe('suspended');

    // Act: an admin restores the account (rehire, termination withdrawn), then the grace period ends
    const restore = await fetch(`${sim().baseUrl}/v1/orgs/${sim().orgId}/directory/users/${accountId}/restore-access`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim().apiKey}` },
    });
    expect(restore.ok).toBe(true);
    leaver.clock.advance(30 * DAY + MINUTE);
    const run = await leaver.running;

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    expect(simUser(sim(), ALAN).membershipStatus).toBe('active');
    const output = run.output as { message: string; actions: Array<{ action: string; outcome: string; detail: string }>; counts: { skipped: number } };
    const removal = output.actions.find((a) => a.action === 'removeUser');
    expect(removal?.outcome).toBe('skipped');
    expect(removal?.detail).toMatch(/^Restored during the grace period: removal cancelled/);
    expect(output.message).toContain('Restored during the grace period: removal cancelled.');
    expect(output.counts.skipped).toBe(1);
  });

  it('a suspended user restored while the leaver waits for effectiveAt is not suspended by the stale request', async () => {
    // Prepare
    const accountId = simUser(sim(), KEN).accountId;
    const groupsBefore = groupNames(sim(), KEN);
    const leaver = startLeaver(sim(), { email: KEN, effectiveAt: new Date(Date.now() + 10 * DAY).toISOString() });
    await leaver.nextWait();

    // Act: restored in the meantime, then the effective date passes
    sim().state.getUser(accountId)!.membershipStatus = 'active';
    leaver.clock.advance(10 * DAY + MINUTE);
    const run = await leaver.running;

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    expect(statesEntered(run.trace)).toEqual([
      'PrepareRequest', 'LookUpBy', 'FindUserByEmail', 'CheckProtected', 'Route', 'WaitUntilEffective', 'RecheckAfterWait', 'StillLeaving',
      'SuspensionCancelled', 'Summarize',
    ]);
    expect(outcomes(run.output)).toEqual([`suspendUser ${accountId} skipped`]);
    expect((run.output as { message: string }).message).toContain('Restored while waiting for effectiveAt: suspension cancelled.');
    expect(simUser(sim(), KEN).membershipStatus).toBe('active');
    expect(groupNames(sim(), KEN)).toEqual(groupsBefore);
  });

  it('aborting during the grace period ends ABORTED with the record so far and removes nobody', async () => {
    // Prepare
    const controller = new AbortController();
    const clock = new ManualClock(Date.now());
    let onWait!: () => void;
    const waited = new Promise<void>((resolve) => (onWait = resolve));
    const running = runWorkflow({
      workflow: 'leaver',
      input: { email: ALAN },
      api: { baseUrl: sim().baseUrl, apiKey: sim().apiKey, orgId: sim().orgId },
      configFile: EXAMPLE_CONFIG_FILE,
      clock,
      signal: controller.signal,
      onWait,
    });
    await waited;

    // Act
    controller.abort();
    const run = await running;
    clock.advance(31 * DAY);
    await settle();

    // Assess
    expect(run.status).toBe('ABORTED');
    expect(Object.keys((run.output as { results: object }).results)).toEqual(['suspend', 'groupRemovals']);
    expect(run.trace.at(-1)?.kind).toBe('ExecutionAborted');
    expect(simUser(sim(), ALAN).membershipStatus).toBe('suspended');
  });
});
