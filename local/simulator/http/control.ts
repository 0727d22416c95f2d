import { putGroups, putUsers } from '../model/seed-input.js';
import type { OrgBehaviour, SimulatorState } from '../model/simulator-state.js';
import { applyClockChange, type ClockChange } from './clock-change.js';
import type { FaultRule, ScriptedFault } from './fault-spec.js';
import type { FaultInjector } from './faults.js';
import type { RateLimiter, RateLimits } from './rate-limiter.js';

export type { ClockChange } from './clock-change.js';

export interface StateSummary {
  orgId: string;
  orgName: string;
  directoryId: string;
  users: { total: number; active: number; suspended: number; removed: number };
  groups: number;
  sites: Array<{ id: string; productKey: string; resourceId: string; url: string }>;
  behaviour: OrgBehaviour;
  rateLimits: RateLimits;
  faults: { rules: FaultRule[]; scripted: ReturnType<FaultInjector['pendingScripts']> };
  clock: { now: string; timeScale: number };
}

/**
 * The simulator's control surface (the moto-style "back door"): reset to the generated org, seed
 * users and groups, faults, clock, org behaviour, rate limits. Served over HTTP at `/__control/...`
 * and returned in-process by `startSimulator()`.
 */
export class SimulatorControl {
  constructor(
    private readonly state: SimulatorState,
    private readonly faults: FaultInjector,
    private readonly rateLimiter: RateLimiter,
    private readonly regenerate: () => void,
    private readonly initialFaultRules: FaultRule[],
    private readonly initialRateLimits: RateLimits,
  ) {}

  /**
   * Back to the org as started: generated users and groups, empty audit log, behaviour, rate
   * limits and faults as at start, fresh rate-limit windows. The clock keeps running.
   */
  reset(): void {
    this.regenerate();
    this.rateLimiter.limits = { ...this.initialRateLimits };
    this.rateLimiter.reset();
    this.faults.clear();
    this.faults.setRules(this.initialFaultRules);
  }

  summary(): StateSummary {
    const users = { total: 0, active: 0, suspended: 0, removed: 0 };
    for (const user of this.state.users.values()) {
      users.total++;
      if (user.membershipStatus === 'active') users.active++;
      else if (user.membershipStatus === 'suspended') users.suspended++;
      else users.removed++;
    }
    return {
      orgId: this.state.orgId,
      orgName: this.state.orgName,
      directoryId: this.state.directoryId,
      users,
      groups: this.state.groups.size,
      sites: this.state.sites.map(({ id, productKey, resourceId, url }) => ({ id, productKey, resourceId, url })),
      behaviour: { ...this.state.behaviour },
      rateLimits: { ...this.rateLimiter.limits },
      faults: { rules: this.faults.getRules(), scripted: this.faults.pendingScripts() },
      clock: { now: this.state.clock.now().toISOString(), timeScale: this.state.clock.timeScale },
    };
  }

  /** Replaces the probabilistic fault rules (and restarts their seeded generator). */
  setFaults(rules: FaultRule[]): void {
    this.faults.setRules(rules);
  }

  /** Makes the next `count` requests matching `pattern` fail exactly as described. */
  failNext(fault: ScriptedFault): void {
    this.faults.failNext(fault);
  }

  /** Removes every fault rule and scripted fault. */
  clearFaults(): void {
    this.faults.clear();
  }

  /** Jumps (`now`), moves (`advanceMs`) and/or re-speeds (`timeScale`) the clock; all or nothing. */
  setClock(change: ClockChange): void {
    applyClockChange(this.state.clock, change);
  }

  setBehaviour(change: Partial<OrgBehaviour>): void {
    Object.assign(this.state.behaviour, change);
  }

  /** Changes rate limits (requests per minute; `null` switches a class off) and starts new windows. */
  setRateLimits(change: Partial<RateLimits>): void {
    this.rateLimiter.limits = { ...this.rateLimiter.limits, ...change };
    this.rateLimiter.reset();
  }

  /** Adds or replaces users (see `UserSeedSchema`); returns their account ids. */
  putUsers(users: unknown[]): string[] {
    return putUsers(this.state, users).map((user) => user.accountId);
  }

  /** Adds or replaces groups (see `GroupSeedSchema`); returns their ids. */
  putGroups(groups: unknown[]): string[] {
    return putGroups(this.state, groups).map((group) => group.id);
  }
}
