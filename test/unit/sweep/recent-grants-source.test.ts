import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { V2SweepSource } from '../../../functions/lib/atlassian/directory/v2-sweep-source.js';
import { readRecentGrants } from '../../../functions/lib/sweep/read-recent-grants.js';
import { DEMO_SITES, startSimulator, type RunningSimulator } from '../../../local/simulator/index.js';
import { addMember, removeMember } from '../../../local/simulator/model/group-rules.js';
import { assignGroupRole, assignUserRole } from '../../../local/simulator/model/role-rules.js';

/**
 * The sweep's audit-log read over HTTP against the simulator: one paged events query per grant
 * action (never one per user), the `from` filter, and the grants the events carry.
 */
let sim: RunningSimulator;
let urls: URL[];
let source: V2SweepSource;
const quiet = { warn: () => undefined };

beforeAll(async () => {
  sim = await startSimulator({ rateLimits: false });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.control.reset();
  urls = [];
  const recording: typeof fetch = (input, init) => {
    urls.push(new URL(String(input instanceof Request ? input.url : input)));
    return fetch(input, init);
  };
  source = new V2SweepSource({ orgId: sim.orgId, directoryId: sim.directoryId, baseUrl: sim.baseUrl, apiKey: async () => sim.apiKey, retry: { maxAttempts: 1 }, fetch: recording });
});

const idOf = (email: string) => sim.state.findUserByEmail(email)!.accountId;
const groupId = (name: string) => sim.state.findGroupByName(name)!.id;
const eventsCalls = () => urls.filter((url) => url.pathname.endsWith('/events'));

describe('V2SweepSource.recentGrants (audit log)', () => {
  it('reads the grants since a time: group adds, a role given to an account or to a group on a site; nothing else', async () => {
    // Prepare: one grant before the window, then changes of every kind.
    sim.control.setClock({ advanceMs: -3_600_000 });
    addMember(sim.state, groupId('jira-software-users'), idOf('sam.seller@acme.example'));
    sim.control.setClock({ advanceMs: 3_600_000 });
    const since = new Date(sim.state.clock.now().getTime() - 60_000);
    addMember(sim.state, groupId('jira-software-users'), idOf('sally.sales@acme.example'));
    assignUserRole(sim.state, idOf('fiona.ledger@acme.example'), { resourceId: DEMO_SITES.confluence.resourceId, role: 'atlassian/user' });
    assignGroupRole(sim.state, groupId('finance'), { resourceId: DEMO_SITES.jira.resourceId, role: 'atlassian/user' });
    removeMember(sim.state, groupId('sales'), idOf('sam.seller@acme.example'));
    assignUserRole(sim.state, idOf('fiona.ledger@acme.example'), { role: 'atlassian/ai-access' }); // org-level: no product

    // Act
    const { events, grants } = await source.recentGrants(since);

    // Assess
    expect(grants).toHaveLength(3);
    expect(grants).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'user_added_to_group', accountId: idOf('sally.sales@acme.example'), groupId: groupId('jira-software-users') }),
      expect.objectContaining({ action: 'user_role_assigned', accountId: idOf('fiona.ledger@acme.example'), siteId: DEMO_SITES.confluence.id }),
      expect.objectContaining({ action: 'group_role_assigned', groupId: groupId('finance'), siteId: DEMO_SITES.jira.id }),
    ]));
    expect(events).toBe(4); // the org-level role is an event of a grant action, but gives no product
    expect(eventsCalls().map((url) => url.searchParams.get('action'))).toEqual(['user_added_to_group', 'group_role_assigned', 'user_role_assigned', 'user_product_access_granted']);
    for (const url of eventsCalls()) {
      expect(url.searchParams.get('from')).toBe(String(since.getTime()));
      expect(url.searchParams.get('limit')).toBe('500');
    }
  });

  it('pages through a big window: 520 group adds are 2 pages of one query, whatever the number of users', async () => {
    // Prepare
    const since = new Date(sim.state.clock.now().getTime() - 60_000);
    const users = sim.control.putUsers(Array.from({ length: 520 }, (_, i) => ({ email: `hire${i}@acme.example` })));
    for (const accountId of users) addMember(sim.state, groupId('confluence-users'), accountId);

    // Act
    const { grants } = await source.recentGrants(since);

    // Assess
    expect(grants).toHaveLength(520);
    expect(eventsCalls()).toHaveLength(5); // 2 pages of user_added_to_group + 1 per other action
    expect(new Set(eventsCalls().map((url) => url.searchParams.get('cursor')))).toEqual(new Set([null, eventsCalls()[1].searchParams.get('cursor')]));
  });
});

describe('readRecentGrants (what the scan writes to grants.json)', () => {
  const now = () => sim.state.clock.now();

  it('reads one day further back than the grace', async () => {
    // Prepare
    const at = now();
    const since = new Date(at.getTime() - 31 * 86_400_000);

    // Act
    const file = await readRecentGrants(source, 30, at, quiet);

    // Assess
    expect(file).toEqual({ status: 'read', graceDays: 30, since: since.toISOString(), events: 0, grants: [] });
    expect(eventsCalls().map((url) => url.searchParams.get('from'))).toEqual(Array(4).fill(String(since.getTime())));
  });

  it('newAccessGraceDays 0: off, the audit log is not called', async () => {
    // Act / Assess
    await expect(readRecentGrants(source, 0, now(), quiet)).resolves.toEqual({ status: 'off' });
    expect(eventsCalls()).toEqual([]);
  });

  it('a 403 (the key may not read the audit log) is recorded as unavailable with its reason, not as "no grants"', async () => {
    // Prepare
    sim.control.failNext({ pattern: 'GET /v1/orgs/*/events', status: 403, count: 1 });
    const warnings: unknown[] = [];

    // Act
    const file = await readRecentGrants(source, 30, now(), { warn: (...args: unknown[]) => warnings.push(args) });

    // Assess
    expect(file).toMatchObject({ status: 'unavailable', graceDays: 30, error: 'Atlassian.Forbidden' });
    expect(file.status === 'unavailable' && file.message.length).toBeGreaterThan(0);
    expect(warnings).toHaveLength(1);
  });

  it('an error that is not the API (a bug) is not hidden', async () => {
    // Act / Assess
    await expect(readRecentGrants({ recentGrants: () => Promise.reject(new TypeError('boom')) }, 30, now(), quiet)).rejects.toThrow('boom');
  });
});
