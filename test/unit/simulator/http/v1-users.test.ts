import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ORG_ADMIN_EMAIL } from '../../../../local/simulator/index.js';
import { startTestSimulator, type TestSimulator } from '../sim-client.js';

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator({ pageSizes: { v1Users: 5, lastActiveDates: 1 } });
});
afterAll(() => sim.close());
beforeEach(() => sim.control.reset());

describe('GET /v1/orgs/{orgId}/users', () => {
  it('pages through every managed account with links.next as a full URL carrying cursor=', async () => {
    // Prepare
    const seen: string[] = [];
    let path: string | undefined = `${sim.v1}/users`;
    let pages = 0;

    // Act
    while (path) {
      const page: { status: number; body: any } = await sim.api('GET', path);
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((user: { account_id: string }) => user.account_id));
      const next: string | undefined = page.body.links.next;
      if (next) expect(next).toMatch(new RegExp(`^${sim.baseUrl}/v1/orgs/${sim.orgId}/users\\?cursor=`));
      path = next?.slice(sim.baseUrl.length);
      pages++;
    }

    // Assess: only managed accounts (the contractor on another domain is not one).
    const managed = [...sim.state.users.values()].filter((user) => user.claimStatus === 'managed').map((user) => user.accountId);
    expect(managed.length).toBe(sim.state.users.size - 1);
    expect(pages).toBe(Math.ceil(managed.length / 5));
    expect(new Set(seen)).toEqual(new Set(managed));
  });

  it('uses snake_case fields', async () => {
    // Act
    const page = await sim.api('GET', `${sim.v1}/users`);

    // Assess
    expect(page.body.data[0]).toMatchObject({ account_id: expect.any(String), account_type: 'atlassian', account_status: 'active',
      email: DEMO_ORG_ADMIN_EMAIL, product_access: expect.arrayContaining([expect.objectContaining({ key: 'jira-software', last_active: expect.any(String) })]) });
    expect(page.body.meta.total).toBe(sim.state.users.size - 1);
  });

  it('answers 400 ADMIN-400-1 for an invalid cursor and 404 ADMIN-404-2 for another org', async () => {
    // Act
    const badCursor = await sim.api('GET', `${sim.v1}/users?cursor=not-a-cursor`);
    const otherOrg = await sim.api('GET', '/v1/orgs/00000000-0000-4000-8000-000000000000/users');

    // Assess
    expect([badCursor.status, badCursor.body.errors[0].code]).toEqual([400, 'ADMIN-400-1']);
    expect([otherOrg.status, otherOrg.body.errors[0].code]).toEqual([404, 'ADMIN-404-2']);
  });
});

describe('POST /v1/orgs/{orgId}/users/search', () => {
  it('returns camelCase users with a token cursor, expanding only what was asked', async () => {
    // Prepare
    const ids: string[] = [];
    let cursor: string | undefined;

    // Act
    do {
      const page = await sim.api('POST', `${sim.v1}/users/search`, { limit: 10, cursor });
      expect(page.status).toBe(200);
      ids.push(...page.body.data.map((user: { accountId: string }) => user.accountId));
      cursor = page.body.links.next;
      expect(page.body.data[0]).not.toHaveProperty('email');
    } while (cursor);
    const expanded = await sim.api('POST', `${sim.v1}/users/search`, { limit: 1, expand: ['NAME', 'EMAIL', 'GROUPS'] });

    // Assess
    expect(new Set(ids).size).toBe(sim.state.users.size);
    expect(expanded.body.data[0]).toMatchObject({ name: 'Olivia Admin', email: DEMO_ORG_ADMIN_EMAIL, groups: expect.arrayContaining([expect.objectContaining({ name: 'org-admins' })]) });
  });

  it('filters by suspension, email user name and name', async () => {
    // Act
    const suspended = await sim.api('POST', `${sim.v1}/users/search`, { isSuspended: true, expand: ['EMAIL'] });
    const byUsername = await sim.api('POST', `${sim.v1}/users/search`, { emailUsernames: { eq: ['ada.lovelace'] } });
    const byName = await sim.api('POST', `${sim.v1}/users/search`, { namesOrNicknames: { contains: 'hopper' } });

    // Assess
    expect(suspended.body.data.map((user: { email: string }) => user.email).sort()).toEqual(
      ['felix.budget@acme.example', 'ken.thompson@acme.example', 'sara.quota@acme.example']);
    expect(byUsername.body.data).toHaveLength(1);
    expect(byName.body.data).toHaveLength(1);
  });

  it('rejects a malformed body, a bad limit and a bad cursor with 400', async () => {
    // Act
    const responses = await Promise.all([
      sim.api('POST', `${sim.v1}/users/search`, undefined, { rawBody: '{"limit":' }),
      sim.api('POST', `${sim.v1}/users/search`, { limit: 0 }),
      sim.api('POST', `${sim.v1}/users/search`, { cursor: 'zzz' }),
    ]);

    // Assess
    expect(responses.map((r) => [r.status, r.body.errors[0].code])).toEqual([[400, 'ADMIN-400-24'], [400, 'ADMIN-400-24'], [400, 'ADMIN-400-1']]);
    expect(responses[1].body.errors[0].detail).toMatch(/limit/);
  });
});

describe('GET /v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates', () => {
  it('returns per-product and per-site dates as an object, paged with a bare cursor', async () => {
    // Prepare
    const ada = sim.state.findUserByEmail('ada.lovelace@acme.example')!;
    const path = `${sim.v1}/directory/users/${ada.accountId}/last-active-dates`;

    // Act
    const first = await sim.api('GET', path);
    const second = await sim.api('GET', `${path}?cursor=${encodeURIComponent(first.body.links.next)}`);

    // Assess
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ added_to_org: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), product_access: [expect.objectContaining({ id: expect.any(String), key: expect.any(String), last_active: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })] });
    expect(first.body.links.next).not.toMatch(/^http/);
    expect(second.body.links.next).toBeUndefined();
    expect(new Set([first.body.data.product_access[0].id, second.body.data.product_access[0].id]).size).toBe(2);
  });

  it('answers 404 ADMIN-404-8 for an unknown user and 400 ADMIN-400-1 for a bad cursor', async () => {
    // Act
    const unknown = await sim.api('GET', `${sim.v1}/directory/users/nobody/last-active-dates`);
    const ada = sim.state.findUserByEmail('ada.lovelace@acme.example')!;
    const bad = await sim.api('GET', `${sim.v1}/directory/users/${ada.accountId}/last-active-dates?cursor=abc`);

    // Assess
    expect([unknown.status, unknown.body.errors[0].code]).toEqual([404, 'ADMIN-404-8']);
    expect([bad.status, bad.body.errors[0].code]).toEqual([400, 'ADMIN-400-1']);
  });
});
