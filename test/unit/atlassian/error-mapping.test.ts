import { describe, expect, it } from 'vitest';
import { AtlassianError, ErrorNames } from '../../../functions/lib/errors.js';
import { errorNameForStatus, httpFailureToError, networkFailureToError } from '../../../functions/lib/atlassian/http/error-mapping.js';

describe('errorNameForStatus', () => {
  it.each([
    [400, undefined, ErrorNames.BadRequest],
    [401, undefined, ErrorNames.Unauthorized],
    [402, 'ADMIN-UAM-402-1', ErrorNames.LicenseLimit],
    [403, undefined, ErrorNames.Forbidden],
    [404, 'ADMIN-404-8', ErrorNames.NotFound],
    [405, undefined, ErrorNames.BadRequest],
    [408, undefined, ErrorNames.Transient],
    [409, 'ADMIN-409-28', ErrorNames.Conflict],
    [409, 'ADMIN-409-3', ErrorNames.LicenseLimit],
    [409, 'ADMIN-UAM-409-3', ErrorNames.LicenseLimit],
    [400, 'ADMIN-400-32', ErrorNames.LicenseLimit],
    [429, undefined, ErrorNames.RateLimited],
    [500, undefined, ErrorNames.Transient],
    [503, undefined, ErrorNames.Transient],
  ] as const)('maps HTTP %i (code %s) to %s', (status, code, expected) => {
    expect(errorNameForStatus(status, code)).toBe(expected);
  });
});

describe('httpFailureToError', () => {
  it('keeps status, Atlassian code, request id and operation, and writes an admin-readable message', () => {
    // Act
    const error = httpFailureToError({
      operation: 'v2.suspendUser',
      status: 404,
      parsed: { code: 'ADMIN-404-8', summary: 'User not found' },
      requestId: 'req-1',
    });
    // Assess
    expect(error).toBeInstanceOf(AtlassianError);
    expect(error.name).toBe('Atlassian.NotFound');
    expect(error).toMatchObject({ operation: 'v2.suspendUser', status: 404, code: 'ADMIN-404-8', requestId: 'req-1' });
    expect(error.message).toContain('v2.suspendUser');
    expect(error.message).toContain('HTTP 404 ADMIN-404-8: User not found');
    expect(error.message).toMatch(/Check that the id is correct/);
  });

  it('says how long Atlassian asked to wait on a 429', () => {
    const error = httpFailureToError({ operation: 'v2.searchUsers', status: 429, parsed: {}, retryAfterMs: 2500 });
    expect(error.name).toBe('Atlassian.RateLimited');
    expect(error.retryAfterMs).toBe(2500);
    expect(error.message).toContain('wait 3s');
  });

  it('falls back to the body request id when no header carried one', () => {
    const error = httpFailureToError({ operation: 'op', status: 500, parsed: { requestId: 'body-id' } });
    expect(error.requestId).toBe('body-id');
  });
});

describe('networkFailureToError', () => {
  it('turns a timeout into Atlassian.Transient naming the time budget', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const error = networkFailureToError('v2.getUser', timeout, 1500);
    expect(error.name).toBe('Atlassian.Transient');
    expect(error.message).toContain('no answer within 1500 ms');
    expect(error.status).toBeUndefined();
  });

  it('names the socket error code of a reset connection', () => {
    const reset = new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    const error = networkFailureToError('v2.getUser', reset, 1000);
    expect(error.name).toBe('Atlassian.Transient');
    expect(error.message).toContain('ECONNRESET');
  });
});
