import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  DEFAULT_RETRY_OPTIONS,
  resolveRetryOptions,
  serverRequestedDelayMs,
} from '../../../functions/lib/atlassian/http/retry-policy.js';

const NOW = Date.parse('2026-07-01T10:00:00Z');

describe('serverRequestedDelayMs', () => {
  it('honours Retry-After in seconds first', () => {
    const headers = new Headers({ 'Retry-After': '3', 'X-RateLimit-Reset': '2026-07-01T10:01:00Z' });
    expect(serverRequestedDelayMs(headers, NOW)).toBe(3000);
  });

  it('accepts Retry-After as an HTTP date', () => {
    const headers = new Headers({ 'Retry-After': new Date(NOW + 5000).toUTCString() });
    expect(serverRequestedDelayMs(headers, NOW)).toBe(5000);
  });

  it('falls back to the ISO-8601 X-RateLimit-Reset when Retry-After is absent', () => {
    const headers = new Headers({ 'X-RateLimit-Reset': '2026-07-01T10:00:02.500Z' });
    expect(serverRequestedDelayMs(headers, NOW)).toBe(2500);
  });

  it('ignores X-RateLimit-Reset on a 5xx (Atlassian sends it on every response)', () => {
    const headers = new Headers({ 'X-RateLimit-Reset': '2026-07-01T10:00:30Z' });
    expect(serverRequestedDelayMs(headers, NOW, 503)).toBeUndefined();
    expect(serverRequestedDelayMs(new Headers({ 'Retry-After': '1' }), NOW, 503)).toBe(1000);
  });

  it('never returns a negative wait for a reset in the past', () => {
    expect(serverRequestedDelayMs(new Headers({ 'X-RateLimit-Reset': '2026-07-01T09:59:00Z' }), NOW)).toBe(0);
  });

  it('returns undefined when the server gave no usable hint', () => {
    expect(serverRequestedDelayMs(new Headers({ 'Retry-After': 'soon' }), NOW)).toBeUndefined();
    expect(serverRequestedDelayMs(new Headers(), NOW)).toBeUndefined();
  });
});

describe('backoffDelayMs (full jitter)', () => {
  it('picks a wait between 0 and the doubling ceiling, capped by maxDelayMs', () => {
    const options = { ...DEFAULT_RETRY_OPTIONS, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelayMs(1, options, () => 0.999)).toBe(99);
    expect(backoffDelayMs(3, options, () => 0.999)).toBe(399);
    expect(backoffDelayMs(10, options, () => 0.999)).toBe(999);
    expect(backoffDelayMs(3, options, () => 0)).toBe(0);
  });
});

describe('resolveRetryOptions', () => {
  it('applies documented defaults and keeps overrides', () => {
    expect(resolveRetryOptions()).toEqual(DEFAULT_RETRY_OPTIONS);
    expect(resolveRetryOptions({ maxAttempts: 2, baseDelayMs: undefined })).toEqual({ ...DEFAULT_RETRY_OPTIONS, maxAttempts: 2 });
  });

  it('rejects nonsense with a message that says how to fix it', () => {
    expect(() => resolveRetryOptions({ maxAttempts: 0 })).toThrow(/maxAttempts must be an integer >= 1.*use 1 to disable retries/);
    expect(() => resolveRetryOptions({ maxTotalWaitMs: -1 })).toThrow(/maxTotalWaitMs/);
  });
});
