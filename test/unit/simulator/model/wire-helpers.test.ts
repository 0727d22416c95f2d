import { describe, expect, it } from 'vitest';
import { compilePattern, parseFaultSpec } from '../../../../local/simulator/http/fault-spec.js';
import { decodeCursor, encodeCursor, pageOver } from '../../../../local/simulator/http/pagination.js';
import { Router } from '../../../../local/simulator/http/router.js';
import type { Route } from '../../../../local/simulator/http/route.js';
import { WireError } from '../../../../local/simulator/http/wire-error.js';

describe('fault spec syntax', () => {
  it('parses rules with settings and patterns, and JSON', () => {
    // Act
    const rules = parseFaultSpec('rate5xx=0.1,latencyMs=20@POST /v2/**; rate429=0.05');
    const json = parseFaultSpec('[{"dropRate":0.5,"pattern":"**"}]');

    // Assess
    expect(rules).toEqual([{ pattern: 'POST /v2/**', rate5xx: 0.1, latencyMs: 20 }, { rate429: 0.05 }]);
    expect(json).toEqual([{ dropRate: 0.5, pattern: '**' }]);
  });

  it('rejects unknown keys and out-of-range rates with a clear message', () => {
    // Act / Assess
    expect(() => parseFaultSpec('rate600=1')).toThrow(/key one of/);
    expect(() => parseFaultSpec('rate5xx=2')).toThrow();
  });

  it('says which rule and setting is wrong in one line, for text, JSON and patterns', () => {
    // Act
    const problems = ['rate5xx=2', 'latencyMs=', '[{"rate5xx":', '[{"rate429":0.1},{"latencyMs":1.5}]', 'rate5xx=0.1@re:(']
      .map((spec) => { try { parseFaultSpec(spec); return 'parsed'; } catch (error) { return (error as Error).message; } });

    // Assess
    expect(problems).toEqual([
      'Bad fault rule "rate5xx=2": rate5xx must be a share between 0 and 1',
      expect.stringMatching(/^Bad fault setting "latencyMs=" .*key=number/),
      expect.stringMatching(/^Fault rules are not valid JSON \(Unexpected end of JSON input\); send an array of rule objects/),
      'Bad fault rule 2 ({"latencyMs":1.5}): latencyMs must be a whole number of milliseconds between 0 and 60000',
      expect.stringMatching(/^Bad fault rule "rate5xx=0.1@re:\(": pattern must be a glob such as "POST \/v2\/\*\*" or re:<a valid regular expression>$/),
    ]);
  });

  it('matches globs per segment, methods, /admin prefixes and regexes', () => {
    // Act
    const oneSegment = compilePattern('/v1/orgs/*/users');
    const anyDepth = compilePattern('POST **/suspend');
    const prefixed = compilePattern('/admin/v1/**');
    const regex = compilePattern('re:^DELETE /v2/');

    // Assess
    expect([oneSegment('GET', '/v1/orgs/abc/users'), oneSegment('GET', '/v1/orgs/abc/x/users')]).toEqual([true, false]);
    expect([anyDepth('POST', '/v2/orgs/o/directories/d/users/u/suspend'), anyDepth('GET', '/v2/x/suspend')]).toEqual([true, false]);
    expect(prefixed('GET', '/v1/orgs')).toBe(true);
    expect([regex('DELETE', '/v2/orgs/x'), regex('GET', '/v2/orgs/x')]).toEqual([true, false]);
  });
});

describe('cursors and pages', () => {
  it('round-trips positions and rejects foreign or forged cursors with ADMIN-400-1', () => {
    // Prepare
    const cursor = encodeCursor('users', 40);

    // Act
    const position = decodeCursor('users', cursor);
    const attempts = [() => decodeCursor('groups', cursor), () => decodeCursor('users', 'garbage'),
      () => decodeCursor('users', Buffer.from('users|41|0').toString('base64url'))];

    // Assess
    expect(position).toBe(40);
    expect(decodeCursor('users', undefined)).toBe(0);
    for (const attempt of attempts) {
      expect(attempt).toThrow(WireError);
      try { attempt(); } catch (error) { expect((error as WireError).body).toMatchObject({ errors: [{ code: 'ADMIN-400-1' }] }); }
    }
  });

  it('walks a filtered list without advertising an empty last page', () => {
    // Prepare
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const even = (id: string) => (['b', 'd', 'f'].includes(id) ? id : undefined);

    // Act
    const first = pageOver(ids, 0, 2, even);
    const second = pageOver(ids, first.next!, 2, even);

    // Assess
    expect(first).toEqual({ items: ['b', 'd'], next: 5 });
    expect(second).toEqual({ items: ['f'] });
  });
});

describe('router', () => {
  it('prefers literal segments, decodes params and refuses duplicates', () => {
    // Prepare
    const route = (pattern: string): Route => ({ method: 'GET', pattern, openApiPath: pattern, handle: () => ({ status: 200 }) });
    const router = new Router([route('/users/:userId'), route('/users/count')]);

    // Act
    const count = router.match('GET', '/users/count');
    const user = router.match('GET', '/users/a%3Ab');

    // Assess
    expect(count?.route.pattern).toBe('/users/count');
    expect(user?.params).toEqual({ userId: 'a:b' });
    expect(router.match('GET', '/users/')).toBeUndefined();
    expect(router.methodsFor('/users/count')).toEqual(['GET']);
    expect(() => new Router([route('/x'), route('/x')])).toThrow(/Two routes/);
  });
});
