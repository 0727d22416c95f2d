import { BoundedCache } from '../bounded-cache.js';
import { TokenBucketPacer, type Pacer, type PacerOptions } from './http/pacer.js';

/**
 * Atlassian rate-limits per organization, not per client: every execution in a process that talks
 * to one org must draw from one bucket, or N concurrent executions send N times the rate. So the
 * pacer is looked up here by base URL and org id, and every Directory built for that org (whatever
 * its config) shares it.
 */

/** Share of the limit paced steadily; the rest is headroom for requests that arrive late and together. */
const STEADY_SHARE = 0.9;
/** Back-to-back allowance, in seconds of the steady rate. */
const BURST_SECONDS = 0.5;

/**
 * Token-bucket settings that keep any one-minute window under `requestsPerMinute`: a minute holds at
 * most the burst (half a second of traffic) plus a minute of refill at 90%, about 91% of the limit.
 * The small burst also keeps shorter windows (a time-scaled simulator's) under their share.
 */
export function pacerOptionsFor(requestsPerMinute: number): PacerOptions {
  if (!Number.isFinite(requestsPerMinute) || requestsPerMinute < 1) {
    throw new RangeError(`requestsPerMinute must be a number >= 1 (got ${requestsPerMinute}).`);
  }
  const ratePerSecond = (requestsPerMinute * STEADY_SHARE) / 60;
  return { ratePerSecond, burst: Math.max(1, Math.floor(ratePerSecond * BURST_SECONDS)) };
}

interface OrgPacer {
  requestsPerMinute: number;
  pacer: Pacer;
}

/** One entry per org this process talks to (a Lambda: one). */
const pacers = new BoundedCache<string, OrgPacer>(64);

/**
 * The process-wide pacer of one org. A changed limit (a new deploy, another config) replaces the
 * org's pacer from then on; callers holding the old one keep pacing at the old rate.
 */
export function sharedPacerFor(target: { baseUrl: string; orgId: string; requestsPerMinute: number }): Pacer {
  const key = `${target.baseUrl.replace(/\/+$/, '')}|${target.orgId}`;
  const existing = pacers.get(key);
  if (existing?.requestsPerMinute === target.requestsPerMinute) return existing.pacer;
  const pacer = new TokenBucketPacer(pacerOptionsFor(target.requestsPerMinute));
  pacers.set(key, { requestsPerMinute: target.requestsPerMinute, pacer });
  return pacer;
}

/** Forgets every org's pacer (tests). */
export function clearSharedPacers(): void {
  pacers.clear();
}
