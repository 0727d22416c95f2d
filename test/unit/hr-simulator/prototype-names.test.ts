import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHrSimulatorCli } from '../../../local/hr-simulator/cli-main.js';
import { startHrSimulator, type RunningHrSimulator } from '../../../local/hr-simulator/index.js';
import { ODD_TARGETS, PROTOTYPE_NAMES, rawGet } from '../../support/raw-http.js';

const MAX_ANSWER_BYTES = 1_000;

interface Answer {
  status: number;
  body: string;
}

describe('the HR simulator: a name from outside never selects code or data (every Object.prototype name)', () => {
  let hr: RunningHrSimulator;
  beforeAll(async () => {
    hr = await startHrSimulator();
  });
  afterAll(() => hr?.close());

  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const bambooAuth = () => basic(hr.credentials.bamboohr.apiKey, 'x');
  const hibobAuth = () => basic(hr.credentials.hibob.serviceUserId, hr.credentials.hibob.token);

  async function call(method: string, path: string, options: { auth?: string; body?: string } = {}): Promise<Answer> {
    const response = await fetch(`${hr.url}${path}`, {
      method,
      headers: { ...(options.auth ? { Authorization: options.auth } : {}), ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: options.body,
    });
    return { status: response.status, body: await response.text() };
  }

  function expectStatus(what: string, answer: Answer, status: number): void {
    expect({ what, status: answer.status }).toEqual({ what, status });
    expect(answer.body.length, what).toBeLessThan(MAX_ANSWER_BYTES);
  }

  it.each(PROTOTYPE_NAMES)('BambooHR: employee %s is 404; that name in ?fields answers null, never an object', async (name) => {
    // Act
    const employee = await call('GET', `/api/gateway.php/acme/v1/employees/${encodeURIComponent(name)}`, { auth: bambooAuth() });
    const company = await call('GET', `/api/gateway.php/${encodeURIComponent(name)}/v1/employees/102`, { auth: bambooAuth() });
    const fields = await call('GET', `/api/gateway.php/acme/v1/employees/102?fields=${encodeURIComponent(name)},firstName`, { auth: bambooAuth() });

    // Assess
    expectStatus('employee', employee, 404);
    expectStatus('company', company, 404);
    expectStatus('fields', fields, 200);
    expect(JSON.parse(fields.body)).toEqual({ id: '102', [name]: null, firstName: expect.any(String) });
  });

  it.each(PROTOTYPE_NAMES)('HiBob: a search asking for field %s leaves it out', async (name) => {
    const answer = await call('POST', '/v1/people/search', {
      auth: hibobAuth(),
      body: JSON.stringify({ fields: [name, 'root.email'], filters: [{ fieldPath: 'root.email', operator: 'equals', values: ['ada.lovelace@acme.example'] }] }),
    });
    expectStatus('search', answer, 200);
    expect(JSON.parse(answer.body)).toEqual({ employees: [{ id: expect.any(String), email: 'ada.lovelace@acme.example', '/root/email': { value: 'ada.lovelace@acme.example' } }] });
  });

  it.each(PROTOTYPE_NAMES)('control: /__control/%s is 404; that name as a vendor, an employee or a change is refused', async (name) => {
    for (const method of ['GET', 'POST']) expectStatus(`${method} /__control/${name}`, await call(method, `/__control/${name}`), 404);
    expectStatus('fault vendor', await call('POST', '/__control/faults', { body: JSON.stringify({ vendor: name }) }), 400);
    expectStatus('fault key', await call('POST', '/__control/faults', { body: `{"${name}": 1}` }), 400);
    expectStatus('employee', await call('POST', `/__control/employees/${encodeURIComponent(name)}`, { body: '{}' }), 404);
    expectStatus('change', await call('POST', '/__control/employees/ada.lovelace%40acme.example', { body: `{"${name}": "x"}` }), 400);
    expect(Object.hasOwn(hr.company.get('ada.lovelace@acme.example'), name)).toBe(false);
  });

  it.each(ODD_TARGETS)('the request target %s is a 4xx, and the simulator keeps serving', async (target) => {
    const answer = await rawGet(Number(new URL(hr.url).port), target);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect((await call('GET', '/__control/employees')).status).toBe(200);
  });

  it.each(PROTOTYPE_NAMES)('npm run hr-simulator -- %s (as a command, a source or a flag) is a usage error: exit 2', async (name) => {
    for (const argv of [[name], ['send', name, 'employee.left', '--to', hr.url], [`--${name}`]]) {
      // Prepare
      const err: string[] = [];

      // Act
      const code = await runHrSimulatorCli(argv, { out: () => {}, err: (line) => err.push(line) });

      // Assess
      expect({ argv, code }).toEqual({ argv, code: 2 });
      expect(err.join('\n')).toContain('Usage:');
    }
  });
});
