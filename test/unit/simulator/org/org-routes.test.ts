import { afterEach, describe, expect, it } from 'vitest';
import { domainsOf } from '../../../../local/simulator/model/domains.js';
import { policiesOf } from '../../../../local/simulator/model/policies.js';
import { startTestSimulator, type TestSimulator } from '../sim-client.js';

let sim: TestSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** Follows v1 `links.next` (a full URL) until the last page; returns every page's data. */
async function followLinks(s: TestSimulator, firstPath: string): Promise<any[][]> {
  const pages: any[][] = [];
  let path: string | undefined = firstPath;
  while (path) {
    const response: { status: number; body: any } = await s.api('GET', path);
    expect(response.status).toBe(200);
    pages.push(response.body.data);
    const next: string | undefined = response.body.links.next;
    if (next) expect(next.startsWith(s.baseUrl)).toBe(true);
    path = next?.slice(s.baseUrl.length);
  }
  return pages;
}

describe('events over HTTP', () => {
  it('pages with links.next (full URL, filters kept) and meta.next, newest first', async () => {
    // Prepare
    sim = await startTestSimulator({ rateLimits: false });
    for (let i = 0; i < 23; i++) sim.state.record({ action: i % 2 ? 'group_created' : 'group_deleted', objects: [{ type: 'group', id: `g${i}` }] });
    // Act
    const pages = await followLinks(sim, `${sim.v1}/events?limit=5&action=group_created`);
    // Assess
    expect(pages.map((page) => page.length)).toEqual([5, 5, 1]);
    const ids = pages.flat().map((event) => event.attributes.context[0].id);
    expect(ids).toEqual(['g21', 'g19', 'g17', 'g15', 'g13', 'g11', 'g9', 'g7', 'g5', 'g3', 'g1']);
  });

  it('filters by actor, product and location (JSON) and rejects bad times with ADMIN-400-3', async () => {
    sim = await startTestSimulator({ rateLimits: false });
    sim.state.record({ action: 'group_created', objects: [], product: 'confluence', ip: '198.51.100.9' });
    sim.state.record({ action: 'group_created', objects: [], actorId: 'someone-else' });
    const location = encodeURIComponent(JSON.stringify([{ city: 'Austin', countryName: 'United States' }]));
    const byLocation = await sim.api('GET', `${sim.v1}/events?location=${location}`);
    const byProduct = await sim.api('GET', `${sim.v1}/events?product=confluence,jira`);
    const byActor = await sim.api('GET', `${sim.v1}/events?actor=someone-else`);
    const badTime = await sim.api('GET', `${sim.v1}/events?from=last-tuesday`);
    expect(byLocation.body.data).toHaveLength(1);
    expect(byLocation.body.data[0].attributes.location).toMatchObject({ ip: '198.51.100.9', city: 'Austin' });
    expect(byProduct.body.data).toHaveLength(1);
    expect(byActor.body.data).toHaveLength(1);
    expect(badTime.status).toBe(400);
    expect(badTime.body.errors[0].code).toBe('ADMIN-400-3');
  });

  it('records the directory changes made through the API', async () => {
    sim = await startTestSimulator({ rateLimits: false });
    const created = await sim.api('POST', `${sim.v2}/groups`, { name: 'auditors' });
    expect(created.status).toBe(201);
    const events = await sim.api('GET', `${sim.v1}/events?action=group_created`);
    expect(events.body.data[0].attributes.context[0]).toMatchObject({ type: 'group', attributes: { name: 'auditors' } });
    const byId = await sim.api('GET', `${sim.v1}/events/${events.body.data[0].id}`);
    expect(byId.body.data.id).toBe(events.body.data[0].id);
  });

  it('allows 10 requests a minute per API key and path, then 429 until the window passes', async () => {
    // Prepare: documented limits, a frozen clock so the window only moves when told to.
    sim = await startTestSimulator({ timeScale: 0 });
    // Act
    const statuses: number[] = [];
    let last: Awaited<ReturnType<TestSimulator['api']>> | undefined;
    for (let i = 0; i < 11; i++) {
      last = await sim.api('GET', `${sim.v1}/events`);
      statuses.push(last.status);
    }
    const otherPath = await sim.api('GET', `${sim.v1}/event-actions`);
    sim.control.setClock({ advanceMs: 60_000 });
    const afterWindow = await sim.api('GET', `${sim.v1}/events`);
    // Assess
    expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(last!.headers.get('x-ratelimit-limit')).toBe('10');
    expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(last!.body).toMatchObject({ code: 429 });
    expect(otherPath.status).toBe(200);
    expect(afterWindow.status).toBe(200);
  });
});

describe('policies over HTTP', () => {
  it('lists policies over several pages with links.next and meta.next', async () => {
    // Prepare
    sim = await startTestSimulator({ rateLimits: false });
    policiesOf(sim.state).pageSize = 4;
    for (let i = 0; i < 10; i++) {
      const created = await sim.api('POST', `${sim.v1}/policies`, { data: { type: 'policy', attributes: { name: `p${i}`, type: 'ip-allowlist' } } });
      expect(created.status).toBe(202);
    }
    // Act
    const pages = await followLinks(sim, `${sim.v1}/policies`);
    // Assess
    expect(pages.map((page) => page.length)).toEqual([4, 4, 2]);
    expect(pages.flat().map((policy) => policy.attributes.name)).toEqual(Array.from({ length: 10 }, (_, i) => `p${i}`));
  });

  it('answers 202 for changes, 204 for removing a resource, and 404 ADMIN-404-5 after delete', async () => {
    sim = await startTestSimulator({ rateLimits: false });
    const site = sim.state.sites[0];
    const created = await sim.api('POST', `${sim.v1}/policies`, { data: { type: 'policy', attributes: { type: 'data-residency', rule: { in: ['EU'] } } } });
    const id = created.body.data.id;
    const added = await sim.api('POST', `${sim.v1}/policies/${id}/resources`, { id: site.id });
    const removed = await sim.api('DELETE', `${sim.v1}/policies/${id}/resources/${site.id}`);
    const deleted = await sim.api('DELETE', `${sim.v1}/policies/${id}`);
    const gone = await sim.api('GET', `${sim.v1}/policies/${id}`);
    expect(added.status).toBe(202);
    expect(added.body.data.attributes.resources).toEqual([{ id: site.id, applicationStatus: 'applying' }]);
    expect(removed.status).toBe(204);
    expect(removed.body).toBeUndefined();
    expect(deleted.status).toBe(202);
    expect(gone.status).toBe(404);
    expect(gone.body.errors[0].code).toBe('ADMIN-404-5');
  });

  it('answers a malformed body with 400 ADMIN-400-4 naming the bad field', async () => {
    sim = await startTestSimulator({ rateLimits: false });
    const response = await sim.api('POST', `${sim.v1}/policies`, { data: { type: 'policy', attributes: {} } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].code).toBe('ADMIN-400-4');
    expect(response.body.errors[0].detail).toContain('data.attributes.type');
  });
});

describe('workspaces over HTTP', () => {
  it('pages with a cursor-only body and refuses a cursor mixed with other properties', async () => {
    // Prepare
    sim = await startTestSimulator({ rateLimits: false });
    // Act
    const first = await sim.api('POST', `/v2/orgs/${sim.orgId}/workspaces`, { limit: 1 });
    const second = await sim.api('POST', `/v2/orgs/${sim.orgId}/workspaces`, { cursor: first.body.links.next });
    const mixed = await sim.api('POST', `/v2/orgs/${sim.orgId}/workspaces`, { cursor: first.body.links.next, limit: 5 });
    // Assess
    expect(first.body.data.map((w: any) => w.attributes.typeKey)).toEqual(['jira-software']);
    expect(first.body.meta).toMatchObject({ total: 2, startIndex: 0, pageSize: 1 });
    expect(second.body.data.map((w: any) => w.attributes.typeKey)).toEqual(['confluence']);
    expect(second.body.links.next).toBeUndefined();
    expect(mixed.status).toBe(400);
    expect(mixed.body.code).toBe('ADMIN-400-4');
  });
});

describe('orgs and domains over HTTP', () => {
  it('shows the key\'s org, and its domains with claim status', async () => {
    sim = await startTestSimulator({ rateLimits: false });
    const orgs = await sim.api('GET', '/v1/orgs');
    const domains = await sim.api('GET', `${sim.v1}/domains`);
    expect(orgs.body.data.map((org: any) => org.id)).toEqual([sim.orgId]);
    expect(domains.body.data[0].attributes).toEqual({ name: 'acme.example', claim: { status: 'verified', type: 'dns' } });
  });

  it('pages domains with links.next', async () => {
    sim = await startTestSimulator({ rateLimits: false });
    const store = domainsOf(sim.state);
    store.pageSize = 2;
    for (let i = 0; i < 3; i++) store.add(`extra${i}.example`, { status: 'missing_token', type: 'http' });
    const pages = await followLinks(sim, `${sim.v1}/domains`);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
  });

  it('answers the Spring-style 403 when domains are not accessible, and for another org', async () => {
    sim = await startTestSimulator({ rateLimits: false });
    const otherOrg = await sim.api('GET', '/v1/orgs/someone-elses-org/domains');
    domainsOf(sim.state).accessDenied = true;
    const denied = await sim.api('GET', `${sim.v1}/domains`);
    for (const response of [otherOrg, denied]) {
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ status: 403, error: 'Forbidden' });
    }
  });
});
