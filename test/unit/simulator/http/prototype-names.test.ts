import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSimulatorFlags } from '../../../../local/simulator/cli/parse-flags.js';
import { UsageError } from '../../../../local/simulator/cli/usage-error.js';
import { startSimulator, type RunningSimulator } from '../../../../local/simulator/index.js';
import { allRoutes } from '../../../../local/simulator/routes/index.js';
import { ODD_TARGETS, PROTOTYPE_NAMES, rawGet } from '../../../support/raw-http.js';
import { runSimulatorCli } from '../cli-process.js';

const API_KEY = 'FAKE-SIM-KEY-prototype-names-41c8';
const MAX_REFUSAL_BYTES = 2_000;

interface Answer {
  status: number;
  body: string;
}

describe('the Atlassian simulator: a name from outside never selects code or data (every Object.prototype name)', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ apiKey: API_KEY, rateLimits: false, now: '2026-11-01T12:00:00.000Z' });
  });
  afterAll(() => sim?.close());

  async function call(method: string, url: string, body?: string): Promise<Answer> {
    const response = await fetch(url, {
      method,
      headers: { Authorization: `Bearer ${API_KEY}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body,
    });
    return { status: response.status, body: await response.text() };
  }

  function expectClean(what: string, answer: Answer, statuses: (status: number) => boolean = (status) => status >= 400 && status < 500): void {
    expect({ what, status: answer.status, ok: statuses(answer.status) }).toEqual({ what, status: answer.status, ok: true });
    expect(answer.body.length, what).toBeLessThan(MAX_REFUSAL_BYTES);
    expect(answer.body, what).not.toContain(API_KEY);
  }

  /** Every API route with `name` in each of its id segments in turn (the org and directory are the real ones otherwise). */
  function routesWith(name: string): Array<{ method: string; path: string }> {
    const probes: Array<{ method: string; path: string }> = [];
    for (const route of allRoutes) {
      const params = route.pattern.split('/').filter((segment) => segment.startsWith(':'));
      for (const param of params) {
        const path = route.pattern.split('/').map((segment) => {
          if (segment === param) return encodeURIComponent(name);
          if (segment === ':orgId' || segment === ':domainOrgId') return sim.orgId;
          if (segment === ':directoryId') return sim.directoryId;
          return segment.startsWith(':') ? 'unknown-id' : segment;
        }).join('/');
        probes.push({ method: route.method, path });
      }
    }
    return probes;
  }

  it.each(PROTOTYPE_NAMES)('%s in any id segment of any route is a 4xx in Atlassian\'s shape', async (name) => {
    for (const probe of routesWith(name)) {
      const answer = await call(probe.method, `${sim.baseUrl}${probe.path}`, probe.method === 'GET' || probe.method === 'DELETE' ? undefined : '{}');
      expectClean(`${probe.method} ${probe.path}`, answer);
    }
    expectClean(`GET /admin/${name}`, await call('GET', `${sim.baseUrl}/${name}`));
  });

  it.each(PROTOTYPE_NAMES)('%s as a query parameter is ignored, as Atlassian ignores unknown parameters', async (name) => {
    const answer = await call('GET', `${sim.baseUrl}/v2/orgs/${sim.orgId}/directories/${sim.directoryId}/users?${encodeURIComponent(name)}=1&limit=1`);
    expectClean('users with the parameter', { status: answer.status, body: answer.body.slice(0, 10) }, (status) => status === 200);
    expect(answer.body).not.toContain(API_KEY);
  });

  it.each(PROTOTYPE_NAMES)('/__control/%s is 404 for every method; that name as a key of a control body is 400', async (name) => {
    for (const method of ['GET', 'POST', 'PUT', 'DELETE']) expectClean(`${method} /__control/${name}`, await call(method, `${sim.controlUrl}/${name}`), (status) => status === 404);
    const key = `{"${name}": 1}`;
    expectClean('PUT behaviour', await call('PUT', `${sim.controlUrl}/behaviour`, key), (status) => status === 400);
    expectClean('PUT rate-limits', await call('PUT', `${sim.controlUrl}/rate-limits`, key), (status) => status === 400);
    expectClean('PUT clock', await call('PUT', `${sim.controlUrl}/clock`, key), (status) => status === 400);
    expectClean('PUT faults', await call('PUT', `${sim.controlUrl}/faults`, `[${key}]`), (status) => status === 400);
    expectClean('POST faults/next', await call('POST', `${sim.controlUrl}/faults/next`, key), (status) => status === 400);
    expectClean('POST users', await call('POST', `${sim.controlUrl}/users`, `[${key}]`), (status) => status === 400);
    expectClean('POST groups', await call('POST', `${sim.controlUrl}/groups`, `[${key}]`), (status) => status === 400);
  });

  it.each(PROTOTYPE_NAMES)('a workspace search that sorts or filters on field %s is 400', async (name) => {
    const workspaces = `${sim.baseUrl}/v2/orgs/${sim.orgId}/workspaces`;
    expectClean('sort', await call('POST', workspaces, JSON.stringify({ sort: [{ field: name }] })), (status) => status === 400);
    expectClean('query', await call('POST', workspaces, JSON.stringify({ query: { field: { name, values: ['x'] } } })), (status) => status === 400);
  });

  it.each(ODD_TARGETS)('the request target %s is a 4xx, and the simulator keeps serving', async (target) => {
    const answer = await rawGet(sim.port, target);
    expectClean(target, answer);
    expect((await call('GET', `${sim.controlUrl}/state`)).status).toBe(200);
  });

  it.each(PROTOTYPE_NAMES)('npm run simulator -- --%s (or as a fault setting) is a usage error', (name) => {
    for (const argv of [[`--${name}`], [`--${name}=1`], ['--faults', `${name}=1`], ['--faults', `[{"${name}":1}]`]]) {
      expect(() => parseSimulatorFlags(argv), argv.join(' ')).toThrow(UsageError);
    }
  });

  it('the simulator CLI exits 2 with one line for such a flag (a real process)', async () => {
    const result = await runSimulatorCli(['--constructor', '--__proto__', '--toString']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Unknown flag --constructor; the flags are --port/);
    expect(result.stdout).toBe('');
  }, 20_000);
});
