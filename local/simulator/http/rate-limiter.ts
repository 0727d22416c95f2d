import type { SimClock } from '../model/clock.js';
import type { RateLimitClass } from './route.js';

/** Requests per minute per bucket; `null` switches a class off. */
export interface RateLimits {
  /** Everything without a documented limit (Atlassian publishes none; the default is generous). */
  default: number | null;
  /** Documented: 200 requests per minute per org. */
  lastActiveDates: number | null;
  /** Documented: 10 requests per minute per user (API key) and per path. */
  events: number | null;
}

export const DOCUMENTED_RATE_LIMITS: RateLimits = { default: 1000, lastActiveDates: 200, events: 10 };

export interface RateLimitVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends (simulated time). */
  resetAt: Date;
}

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows in simulated time, one per bucket key. Running the clock faster
 * (time scale) makes windows pass faster, so tests can push minutes of traffic through in seconds.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { startMs: number; count: number }>();

  constructor(
    private readonly clock: SimClock,
    public limits: RateLimits = DOCUMENTED_RATE_LIMITS,
  ) {}

  /** Counts one request against `bucket`; `undefined` when the class is not limited. */
  take(limitClass: RateLimitClass, bucket: string): RateLimitVerdict | undefined {
    const limit = this.limits[limitClass];
    if (limit === null) return undefined;
    const window = this.currentWindow(bucket);
    this.windows.set(bucket, window);
    const allowed = window.count < limit;
    if (allowed) window.count++;
    return { allowed, limit, remaining: Math.max(0, limit - window.count), resetAt: new Date(window.startMs + WINDOW_MS) };
  }

  /** The state of `bucket` without counting a request (for answers that never reach the limiter, e.g. injected faults). */
  peek(limitClass: RateLimitClass, bucket: string): RateLimitVerdict | undefined {
    const limit = this.limits[limitClass];
    if (limit === null) return undefined;
    const window = this.currentWindow(bucket);
    return { allowed: window.count < limit, limit, remaining: Math.max(0, limit - window.count), resetAt: new Date(window.startMs + WINDOW_MS) };
  }

  /** The bucket's window if it is still open, else a fresh one starting now (not stored). */
  private currentWindow(bucket: string): { startMs: number; count: number } {
    const now = this.clock.nowMs();
    const window = this.windows.get(bucket);
    if (!window || now - window.startMs >= WINDOW_MS || now < window.startMs) return { startMs: now, count: 0 };
    return window;
  }

  reset(): void {
    this.windows.clear();
  }
}

/** The documented headers for a verdict. `X-RateLimit-Reset` is an ISO-8601 date-time. */
export function rateLimitHeaders(verdict: RateLimitVerdict): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(verdict.limit),
    'X-RateLimit-Remaining': String(verdict.remaining),
    'X-RateLimit-Reset': verdict.resetAt.toISOString(),
  };
}
