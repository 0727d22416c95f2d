import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../local/simulator/index.js';
import { clearDirectoryIdCache } from '../../../functions/lib/atlassian/directory/directory-id.js';
import { V2OrgInventory } from '../../../functions/lib/atlassian/directory/v2-org-inventory.js';
import { FAST_RETRY, startTestSimulator } from './support/sim-client.js';

describe('V2OrgInventory (simulator over loopback)', () => {
  let sim: RunningSimulator;
  let requests: string[];
  let inventory: V2OrgInventory;

  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.control.reset();
    clearDirectoryIdCache(); // each test counts its own directory lookup
    requests = [];
    inventory = new V2OrgInventory({
      orgId: sim.orgId,
      baseUrl: sim.baseUrl,
      apiKey: async () => sim.apiKey,
      retry: FAST_RETRY,
      fetch: (input, init) => {
        requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname.replace(/^\/admin/, '')}`);
        return fetch(input, init);
      },
    });
  });

  it('finds groups by name (any case) with one search per 100 names, after one directory lookup', async () => {
    // Prepare: 150 names, two of them real groups of the demo org
    const names = ['ENGINEERING', 'sales', ...Array.from({ length: 148 }, (_, i) => `no-such-group-${i}`)];

    // Act
    const found = await inventory.findGroupsByName(names);

    // Assess
    expect(found.map((group) => group.name).sort()).toEqual(['engineering', 'sales']);
    expect(requests).toEqual([
      `GET /v2/orgs/${sim.orgId}/directories`,
      `POST /v2/orgs/${sim.orgId}/directories/${sim.directoryId}/groups/search`,
      `POST /v2/orgs/${sim.orgId}/directories/${sim.directoryId}/groups/search`,
    ]);
  });

  it('finds users by email and by account id, and lists the workspaces in one request', async () => {
    // Prepare
    const admin = sim.state.findUserByEmail('olivia.admin@acme.example')!;

    // Act
    const byEmail = await inventory.findUsersByEmail(['Olivia.Admin@acme.example', 'nobody@acme.example']);
    const byId = await inventory.findUsersByAccountId([admin.accountId, 'no-such-account']);
    const workspaces = await inventory.listWorkspaces();

    // Assess
    expect(byEmail).toEqual([{ accountId: admin.accountId, email: 'olivia.admin@acme.example' }]);
    expect(byId).toEqual([{ accountId: admin.accountId, email: 'olivia.admin@acme.example' }]);
    expect(workspaces.map((w) => `${w.typeKey} ${w.id}`)).toEqual(sim.state.sites.map((site) => `${site.productKey} ${site.id}`));
    expect(requests.filter((r) => r.endsWith('/workspaces'))).toHaveLength(1);
    expect(requests.filter((r) => r.endsWith('/users/search'))).toHaveLength(2);
  });

  it('asks nothing for an empty list', async () => {
    // Act
    const result = [await inventory.findGroupsByName([]), await inventory.findUsersByEmail([]), await inventory.findUsersByAccountId([])];

    // Assess
    expect(result).toEqual([[], [], []]);
    expect(requests).toEqual([]);
  });
});
