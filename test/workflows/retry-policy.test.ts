import { describe, expect, it } from 'vitest';
import { RATE_LIMITED_RETRY, TRANSIENT_RETRY } from '../../workflows/definitions/asl-parts.js';
import { Prng } from '../../local/simulator/model/prng.js';

/**
 * The numbers of the RateLimited retrier, checked as Step Functions applies them: the n-th retry
 * waits a uniform random time in [0, min(MaxDelaySeconds, IntervalSeconds * BackoffRate^(n-1))].
 */

type Retrier = { IntervalSeconds: number; BackoffRate: number; MaxAttempts: number; MaxDelaySeconds: number };

function ceilings(retrier: Retrier): number[] {
  return Array.from({ length: retrier.MaxAttempts }, (_, n) => Math.min(retrier.MaxDelaySeconds, retrier.IntervalSeconds * retrier.BackoffRate ** n));
}

/** Total seconds one execution keeps retrying, for `samples` executions. */
function totalWaits(retrier: Retrier, samples: number, random: () => number): number[] {
  const caps = ceilings(retrier);
  return Array.from({ length: samples }, () => caps.reduce((sum, cap) => sum + random() * cap, 0));
}

describe('the RateLimited retrier', () => {
  it('has its own retrier, apart from Transient, with full jitter and a cap', () => {
    expect(RATE_LIMITED_RETRY.ErrorEquals).toEqual(['Atlassian.RateLimited']);
    expect(TRANSIENT_RETRY.ErrorEquals).toEqual(['Atlassian.Transient']);
    expect(RATE_LIMITED_RETRY.JitterStrategy).toBe('FULL');
    // No single pause longer than two one-minute windows: nobody sleeps far past the reset.
    expect(RATE_LIMITED_RETRY.MaxDelaySeconds).toBeLessThanOrEqual(120);
  });

  it('keeps 99% of executions trying for at least 3 minutes of an org at its limit, ~7 minutes on average', () => {
    // Prepare
    const random = new Prng('retry-policy');

    // Act
    const waits = totalWaits(RATE_LIMITED_RETRY, 20_000, () => random.next()).sort((a, b) => a - b);
    const mean = waits.reduce((sum, w) => sum + w, 0) / waits.length;

    // Assess
    expect(waits[Math.floor(waits.length * 0.01)]).toBeGreaterThan(180);
    expect(mean).toBeGreaterThan(6 * 60);
    expect(ceilings(RATE_LIMITED_RETRY).reduce((a, b) => a + b, 0)).toBeLessThan(20 * 60);
  });

  it('rides out more than the Transient retrier, whose outages are short', () => {
    const sum = (retrier: Retrier) => ceilings(retrier).reduce((a, b) => a + b, 0);
    expect(sum(RATE_LIMITED_RETRY)).toBeGreaterThan(5 * sum(TRANSIENT_RETRY));
  });
});
