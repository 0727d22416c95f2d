import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USER_SPECS } from '../../../local/simulator/model/demo-org.js';
import { NEW_HIRES, startHrSimulator, type RunningHrSimulator } from '../../../local/hr-simulator/index.js';
import { listItemId } from '../../../local/hr-simulator/wire-values.js';

/** The HR simulator: the demo company on the vendors' wire formats, with faults and a control plane. */

let sim: RunningHrSimulator;
beforeAll(async () => {
  sim = await startHrSimulator({ today: () => '2026-03-02' });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const bamboo = (id: string, fields: string, key = sim.credentials.bamboohr.apiKey) =>
  fetch(`${sim.bambooHrBaseUrl}/v1/employees/${id}?fields=${fields}`, { headers: { Authorization: basic(key, 'x'), Accept: 'application/json' } });
const search = (body: object, token = sim.credentials.hibob.token) =>
  fetch(`${sim.hiBobBaseUrl}/people/search`, { method: 'POST', headers: { Authorization: basic(sim.credentials.hibob.serviceUserId, token), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('the demo company', () => {
  it('has the Atlassian demo org’s people (same emails, departments, titles, locations) plus new hires', () => {
    // Act
    const people = sim.company.all();

    // Assess
    for (const spec of DEMO_USER_SPECS) {
      expect(sim.company.get(spec.email), spec.email).toMatchObject({ department: spec.department, jobTitle: spec.jobTitle, location: spec.location, status: 'Active' });
    }
    expect(people).toHaveLength(DEMO_USER_SPECS.length + NEW_HIRES.length);
    expect(sim.company.get('nina.newhire@acme.example').hireDate).toBe('2026-03-16');
    expect(new Set(people.map((p) => p.bambooId)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.hibobId)).size).toBe(people.length);
  });
});

describe('BambooHR API', () => {
  it('answers the requested fields by alias, 0000-00-00 for an empty date, 401 for a wrong key', async () => {
    // Prepare
    const ada = sim.company.get('ada.lovelace@acme.example');

    // Act
    const ok = await bamboo(ada.bambooId, 'workEmail,department,terminationDate,nonsense');
    const denied = await bamboo(ada.bambooId, 'workEmail', 'wrong');

    // Assess
    expect(await ok.json()).toEqual({ id: ada.bambooId, workEmail: ada.workEmail, department: 'Engineering', terminationDate: '0000-00-00', nonsense: null });
    expect(denied.status).toBe(401);
  });
});

describe('HiBob People API', () => {
  it('filters by root.id or root.email, hides inactive people unless asked, and appends human-readable list values', async () => {
    // Prepare
    sim.company.terminate('sam.seller@acme.example', '2026-02-27');
    const sam = sim.company.get('sam.seller@acme.example');

    // Act
    const hidden = await (await search({ filters: [{ fieldPath: 'root.email', operator: 'equals', values: [sam.workEmail] }] })).json();
    const shown = (await (await search({ fields: ['root.email', 'work.department'], filters: [{ fieldPath: 'root.id', operator: 'equals', values: [sam.hibobId] }], showInactive: true, humanReadable: 'APPEND' })).json()) as { employees: unknown[] };

    // Assess
    expect(hidden).toEqual({ employees: [] });
    expect(shown.employees).toEqual([
      { id: sam.hibobId, email: sam.workEmail, work: { department: listItemId('Sales') }, '/root/email': { value: sam.workEmail }, '/work/department': { value: listItemId('Sales') }, humanReadable: { email: sam.workEmail, work: { department: 'Sales' } } },
    ]);
  });

  it('refuses filters Bob refuses (other fields, several filters) with 400, and a wrong token with 401', async () => {
    expect((await search({ filters: [{ fieldPath: 'work.department', operator: 'equals', values: ['x'] }] })).status).toBe(400);
    expect((await search({}, 'wrong')).status).toBe(401);
  });
});

describe('faults and control', () => {
  it('fails exactly the next N calls of one vendor, then recovers', async () => {
    // Prepare
    sim.faults.failNext(2, { vendor: 'hibob' });

    // Act
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await search({ filters: [{ fieldPath: 'root.id', operator: 'equals', values: ['x'] }] })).status);
    const bambooStatus = (await bamboo('102', 'workEmail')).status;

    // Assess
    expect(statuses).toEqual([503, 503, 200]);
    expect(bambooStatus).toBe(200);
    expect(sim.calls).toEqual({ hibob: 3, bamboohr: 1 });
  });

  it('takes faults and employee changes over HTTP (for the CLI and the demo)', async () => {
    // Act
    await fetch(`${sim.url}/__control/faults`, { method: 'POST', body: JSON.stringify({ count: 1, status: 502, vendor: 'bamboohr' }) });
    const changed = await fetch(`${sim.url}/__control/employees/ada.lovelace%40acme.example`, { method: 'POST', body: JSON.stringify({ department: 'Sales' }) });
    const refused = await fetch(`${sim.url}/__control/employees/ada.lovelace%40acme.example`, { method: 'POST', body: JSON.stringify({ salary: 1 }) });

    // Assess
    expect((await bamboo('102', 'department')).status).toBe(502);
    expect(changed.status).toBe(200);
    expect(sim.company.get('ada.lovelace@acme.example').department).toBe('Sales');
    expect(refused.status).toBe(400);
  });
});
