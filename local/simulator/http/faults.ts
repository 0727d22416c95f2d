import type { SimClock } from '../model/clock.js';
import { Prng } from '../model/prng.js';
import {
  FaultRuleSchema, ScriptedFaultSchema, compilePattern, type FaultRule, type ScriptedFault,
} from './fault-spec.js';
import { WireError, applicationError, gatewayError } from './wire-error.js';

/** What to do to one request before it is handled. */
export interface FaultDecision {
  /** Real milliseconds to wait first. */
  latencyMs: number;
  /** Destroy the socket without answering. */
  drop: boolean;
  /** Answer with this instead of handling the request. */
  respond?: WireError;
}

interface CompiledRule {
  rule: FaultRule;
  matches: (method: string, path: string) => boolean;
}

interface PendingScript {
  fault: ReturnType<typeof ScriptedFaultSchema.parse>;
  remaining: number;
  matches: (method: string, path: string) => boolean;
}

/**
 * Decides, per request, whether to add latency, drop the connection or answer an error.
 * Probabilistic rules draw from one seeded generator, so a given seed and request sequence gives
 * the same faults every run; scripted faults ("fail the next N") are exact.
 */
export class FaultInjector {
  private rules: CompiledRule[] = [];
  private scripts: PendingScript[] = [];
  private prng: Prng;

  constructor(
    private readonly clock: SimClock,
    private readonly seed: string,
    rules: FaultRule[] = [],
  ) {
    this.prng = new Prng(`${seed}:faults`);
    this.setRules(rules);
  }

  /** Replaces the probabilistic rules (validated) and restarts the generator from the seed. */
  setRules(rules: unknown[]): void {
    this.rules = rules.map((rule) => {
      const parsed = FaultRuleSchema.parse(rule);
      return { rule: parsed, matches: compilePattern(parsed.pattern) };
    });
    this.prng = new Prng(`${this.seed}:faults`);
  }

  getRules(): FaultRule[] {
    return this.rules.map((compiled) => compiled.rule);
  }

  /** Makes the next `count` requests matching `pattern` fail exactly as described. */
  failNext(fault: ScriptedFault): void {
    const parsed = ScriptedFaultSchema.parse(fault);
    this.scripts.push({ fault: parsed, remaining: parsed.count, matches: compilePattern(parsed.pattern) });
  }

  /** Scripted faults not used up yet. */
  pendingScripts(): Array<{ pattern?: string; remaining: number; status: number; drop?: boolean }> {
    return this.scripts.map(({ fault, remaining }) => ({ pattern: fault.pattern, remaining, status: fault.status, drop: fault.drop }));
  }

  clear(): void {
    this.rules = [];
    this.scripts = [];
    this.prng = new Prng(`${this.seed}:faults`);
  }

  /** `rateLimit`: the request's bucket limit, shown in `X-RateLimit-Limit` of injected 429s. */
  decide(method: string, path: string, rateLimit?: number): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, drop: false };
    const script = this.scripts.find((pending) => pending.matches(method, path));
    if (script) {
      if (--script.remaining <= 0) this.scripts.splice(this.scripts.indexOf(script), 1);
      if (script.fault.drop) decision.drop = true;
      else decision.respond = this.errorFor(script.fault.status, script.fault.retryAfterSeconds === undefined ? 1 : script.fault.retryAfterSeconds, rateLimit, script.fault.body);
      return decision;
    }
    for (const { rule, matches } of this.rules) {
      if (!matches(method, path)) continue;
      decision.latencyMs += rule.latencyMs ?? 0;
      if (decision.drop || decision.respond) continue;
      // One roll per rule, split into bands, so adding one kind never shifts another's share.
      const roll = this.prng.next();
      let edge = rule.dropRate ?? 0;
      if (roll < edge) { decision.drop = true; continue; }
      if (roll < (edge += rule.rate5xx ?? 0)) { decision.respond = this.errorFor(this.prng.pick([500, 502, 503]), null, rateLimit); continue; }
      if (roll < (edge += rule.rate429 ?? 0)) { decision.respond = this.errorFor(429, rule.retryAfterSeconds ?? 1, rateLimit); continue; }
      if (roll < (edge += rule.rate429NoRetryAfter ?? 0)) decision.respond = this.errorFor(429, null, rateLimit);
    }
    return decision;
  }

  /** The Atlassian-shaped error for a status: gateway body for 429/502/503/504, application body otherwise. */
  private errorFor(status: number, retryAfterSeconds: number | null, rateLimit?: number, body?: unknown): WireError {
    const headers: Record<string, string> = {};
    if (status === 429) {
      headers['X-RateLimit-Limit'] = String(rateLimit ?? 0);
      headers['X-RateLimit-Remaining'] = '0';
      headers['X-RateLimit-Reset'] = new Date(this.clock.nowMs() + 60_000).toISOString();
      if (retryAfterSeconds !== null) headers['Retry-After'] = String(retryAfterSeconds);
    }
    const standard = [429, 502, 503, 504].includes(status)
      ? gatewayError(status, GATEWAY_MESSAGES[status] ?? 'Gateway error')
      : applicationError(status, status >= 500 ? 'ADMIN-500-1' : `ADMIN-${status}-1`, status >= 500 ? 'Internal error' : 'Injected fault');
    return new WireError(status, body === undefined ? standard.body : body, headers);
  }
}

const GATEWAY_MESSAGES: Record<number, string> = {
  429: 'Too many requests. Wait until X-RateLimit-Reset and try again.',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};
