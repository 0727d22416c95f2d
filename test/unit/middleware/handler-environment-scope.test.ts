import { afterEach, describe, expect, it } from 'vitest';
import { clearSharedPacers, pacerOptionsFor, sharedPacerFor } from '../../../functions/lib/atlassian/org-pacers.js';
import { BoundedCache } from '../../../functions/lib/bounded-cache.js';
import { handlerEnvironment, runWithHandlerEnvironment } from '../../../functions/lib/handler-environment-scope.js';
import { loadJmlConfig } from '../../../functions/lib/config/load-jml-config.js';
import { resetDirectoryCache, resolveDirectory } from '../../../functions/lib/middleware/directory-deps.js';

const orgEnv = (orgId: string, extra: Record<string, string> = {}) => ({
  ATLASSIAN_ORG_ID: orgId,
  ATLASSIAN_API_KEY: `key-of-${orgId}`,
  ATLASSIAN_API_BASE_URL: 'http://127.0.0.1:9/admin',
  ATLASSIAN_DIRECTORY_ID: `dir-of-${orgId}`,
  ...extra,
});

afterEach(() => {
  resetDirectoryCache();
  clearSharedPacers();
});

describe('the handler environment scope', () => {
  it('is process.env outside any scope (Lambda) and the scope\'s object inside, across awaits', async () => {
    // Prepare
    const scoped = { JML_CONFIG: '{"accessRules":[]}' };

    // Act
    const inside = await runWithHandlerEnvironment(scoped, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return handlerEnvironment();
    });

    // Assess
    expect(handlerEnvironment()).toBe(process.env);
    expect(inside).toBe(scoped);
  });

  it('keeps concurrent scopes apart: each reads its own config', async () => {
    // Prepare
    const configOf = (id: string) => ({ JML_CONFIG: JSON.stringify({ accessRules: [{ id, grant: { groups: [id] } }] }) });
    const read = (id: string, delayMs: number) =>
      runWithHandlerEnvironment(configOf(id), async () => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return loadJmlConfig().accessRules[0].id;
      });

    // Act
    const ids = await Promise.all([read('first', 5), read('second', 1), read('third', 3)]);

    // Assess
    expect(ids).toEqual(['first', 'second', 'third']);
  });
});

describe('the Directory cache', () => {
  it('keeps one Directory per configuration, so alternating orgs reuse their clients', async () => {
    // Act
    const a1 = await runWithHandlerEnvironment(orgEnv('org-a'), () => resolveDirectory());
    const b1 = await runWithHandlerEnvironment(orgEnv('org-b'), () => resolveDirectory());
    const a2 = await runWithHandlerEnvironment(orgEnv('org-a'), () => resolveDirectory());
    const b2 = await runWithHandlerEnvironment(orgEnv('org-b'), () => resolveDirectory());

    // Assess
    expect(a1).not.toBe(b1);
    expect(a2).toBe(a1);
    expect(b2).toBe(b1);
  });

  it('does not keep a configuration that failed to build: the error names the variable', async () => {
    // Act
    const bad = () => runWithHandlerEnvironment({ ATLASSIAN_ORG_ID: 'org-a' }, () => resolveDirectory());

    // Assess
    expect(bad).toThrow(/ATLASSIAN_API_KEY/);
    expect(bad).toThrow(expect.objectContaining({ name: 'Jml.Configuration' }));
  });
});

describe('one pacer per org', () => {
  it('is shared by every caller of the same base URL and org, and separate per org', () => {
    // Act
    const first = sharedPacerFor({ baseUrl: 'http://sim/admin', orgId: 'org-a', requestsPerMinute: 600 });
    const again = sharedPacerFor({ baseUrl: 'http://sim/admin/', orgId: 'org-a', requestsPerMinute: 600 });
    const other = sharedPacerFor({ baseUrl: 'http://sim/admin', orgId: 'org-b', requestsPerMinute: 600 });
    const changed = sharedPacerFor({ baseUrl: 'http://sim/admin', orgId: 'org-a', requestsPerMinute: 300 });

    // Assess
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(changed).not.toBe(first);
  });

  it('paces so that a minute never holds more than the limit: burst plus a minute of refill', () => {
    // Act
    const options = pacerOptionsFor(1000);

    // Assess
    expect(options.burst! + options.ratePerSecond * 60).toBeLessThanOrEqual(0.92 * 1000);
    expect(options.burst).toBeGreaterThan(1);
    expect(pacerOptionsFor(5).burst).toBe(1);
    expect(() => pacerOptionsFor(0)).toThrow(/requestsPerMinute/);
  });
});

describe('BoundedCache', () => {
  it('drops the least recently used entry beyond its capacity', () => {
    // Prepare
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');

    // Act
    cache.set('c', 3);

    // Assess
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });
});
