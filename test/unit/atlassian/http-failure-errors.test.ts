import { describe, expect, it } from 'vitest';
import { AtlassianError, ErrorNames } from '../../../functions/lib/errors.js';
import { errorNameForStatus, httpFailureToError, networkFailureToError } from '../../../functions/lib/atlassian/http/http-failure-errors.js';

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

  it.each([
    ['ECONNREFUSED', 'nothing accepts connections'],
    ['ENOTFOUND', 'does not resolve'],
    ['EAI_AGAIN', 'could not be resolved'],
    ['EHOSTUNREACH', 'no route'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'does not speak TLS'],
  ])('turns the connect failure %s into Atlassian.Unreachable naming the URL and the option to check', (code, meaning) => {
    // Prepare
    const cause = new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) });

    // Act
    const error = networkFailureToError('v2.listDirectories', cause, 1000, { baseUrl: 'https://user:pw@api.example.test/admin/' });

    // Assess
    expect(error.name).toBe('Atlassian.Unreachable');
    expect(error.message).toMatch(new RegExp(`could not connect to https://api\\.example\\.test/admin \\(${code}: [^)]*${meaning}`));
    expect(error.message).toMatch(/--api-url.*ATLASSIAN_API_BASE_URL/);
    expect(error.message).not.toContain('pw@');
  });

  it("reads the code of an AggregateError (IPv6 and IPv4 both refused) and fetch's blocked ports", () => {
    // Prepare
    const both = Object.assign(new AggregateError([Object.assign(new Error('v6'), { code: 'ECONNREFUSED' }), Object.assign(new Error('v4'), { code: 'ECONNREFUSED' })]), {});
    const aggregate = new TypeError('fetch failed', { cause: both });
    const badPort = new TypeError('fetch failed', { cause: new Error('bad port') });

    // Act / Assess
    expect(networkFailureToError('op', aggregate, 1000, { baseUrl: 'http://localhost:9/admin' })).toMatchObject({ name: 'Atlassian.Unreachable' });
    expect(networkFailureToError('op', badPort, 1000, { baseUrl: 'http://127.0.0.1:1/admin' }).message).toMatch(/http:\/\/127\.0\.0\.1:1\/admin \(bad port/);
  });

  it('says where a rejected API key came from, when the client knows it', () => {
    // Act
    const fromEnv = httpFailureToError({ operation: 'v2.listDirectories', status: 401, parsed: {}, apiKeySource: 'the ATLASSIAN_API_KEY environment variable' });
    const unknown = httpFailureToError({ operation: 'v2.listDirectories', status: 401, parsed: {} });

    // Assess
    expect(fromEnv.message).toContain('Atlassian rejected the API key from the ATLASSIAN_API_KEY environment variable. Check that it is a current, unexpired org API key');
    expect(fromEnv.message).not.toMatch(/secret/i);
    expect(unknown.message).toContain('Atlassian rejected the API key. Check that it is a current');
  });
});
