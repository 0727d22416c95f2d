import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchBambooHrEmployee } from '../../../functions/lib/hr/bamboohr-api.js';
import { fetchHiBobEmployee } from '../../../functions/lib/hr/hibob-api.js';
import { DEFAULT_FIELDS } from '../../../functions/lib/hr/vendor-defaults.js';
import { startHrSimulator, type RunningHrSimulator } from '../../../local/hr-simulator/index.js';
import { ADA_FIELDS } from './ada-lovelace.js';

/** The HR API clients against the HR simulator (real HTTP, the vendors' paths and auth). */

let sim: RunningHrSimulator;
beforeAll(async () => {
  sim = await startHrSimulator({ today: () => '2026-03-02' });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const bamboo = (overrides: { apiKey?: string; baseUrl?: string } = {}) => ({
  baseUrl: overrides.baseUrl ?? sim.bambooHrBaseUrl,
  apiKey: async () => overrides.apiKey ?? sim.credentials.bamboohr.apiKey,
  fields: DEFAULT_FIELDS.bamboohr,
});
const hibob = (token?: string) => ({
  baseUrl: sim.hiBobBaseUrl,
  credentials: async () => ({ serviceUserId: sim.credentials.hibob.serviceUserId, token: token ?? sim.credentials.hibob.token }),
  fields: DEFAULT_FIELDS.hibob,
});

describe('BambooHR employee API client', () => {
  it('reads the fields the mapping needs; an empty termination date is no date', async () => {
    // Prepare
    const ada = sim.company.get('ada.lovelace@acme.example');

    // Act
    const person = await fetchBambooHrEmployee(ada.bambooId, bamboo());

    // Assess
    expect(person).toEqual({
      employeeId: ada.bambooId,
      ...ADA_FIELDS,
      active: true,
      hireDate: ada.hireDate,
      terminationDate: undefined,
    });
    expect(sim.calls.bamboohr).toBe(1);
  });

  it('names each failure for the workflow: 503 Hr.Unavailable, 404 Hr.NotFound, 401 Jml.Configuration', async () => {
    // Prepare
    sim.faults.failNext(1, { status: 503 });

    // Act / Assess
    await expect(fetchBambooHrEmployee('102', bamboo())).rejects.toMatchObject({ name: 'Hr.Unavailable', message: expect.stringContaining('503') });
    await expect(fetchBambooHrEmployee('102', bamboo())).resolves.toMatchObject({ employeeId: '102' });
    await expect(fetchBambooHrEmployee('999999', bamboo())).rejects.toMatchObject({ name: 'Hr.NotFound' });
    await expect(fetchBambooHrEmployee('102', bamboo({ apiKey: 'wrong' }))).rejects.toMatchObject({ name: 'Jml.Configuration' });
  });

  it('treats a refused connection and a 429 as Hr.Unavailable, and never puts the key in a message', async () => {
    // Prepare
    sim.faults.failNext(1, { status: 429 });

    // Act
    const limited = await fetchBambooHrEmployee('102', bamboo({ apiKey: 'k-secret-value' })).catch((error: Error) => error);
    const refused = await fetchBambooHrEmployee('102', bamboo({ baseUrl: 'http://127.0.0.1:9/api/gateway.php/acme' })).catch((error: Error) => error);

    // Assess
    expect(limited).toMatchObject({ name: 'Hr.Unavailable' });
    expect(refused).toMatchObject({ name: 'Hr.Unavailable', message: expect.stringContaining('network error') });
    expect(`${(limited as Error).message} ${(refused as Error).message}`).not.toContain('k-secret-value');
  });

  it('gives up on an API that does not answer within the timeout (Hr.Unavailable)', async () => {
    // Prepare: a server that accepts and never answers.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const { port } = silent.address() as AddressInfo;

    // Act
    const error = await fetchBambooHrEmployee('102', { ...bamboo({ baseUrl: `http://127.0.0.1:${port}` }), timeoutMs: 100 }).catch((thrown: Error) => thrown);
    silent.closeAllConnections();
    silent.close();

    // Assess
    expect(error).toMatchObject({ name: 'Hr.Unavailable', message: expect.stringContaining('no answer within 100 ms') });
  });
});

describe('HiBob People API client', () => {
  it('reads list fields by name (humanReadable), dates and status by machine value, inactive people too', async () => {
    // Prepare
    const sam = sim.company.terminate('sam.seller@acme.example', '2026-02-27');

    // Act
    const person = await fetchHiBobEmployee(sam.hibobId, hibob());

    // Assess
    expect(person).toEqual({
      employeeId: sam.hibobId,
      email: 'sam.seller@acme.example',
      firstName: 'Sam',
      lastName: 'Seller',
      displayName: 'Sam Seller',
      department: 'Sales',
      jobTitle: 'Account Executive',
      location: 'Austin',
      active: false,
      hireDate: sam.hireDate,
      terminationDate: '2026-02-27',
    });
  });

  it('is Hr.NotFound for an unknown id and Jml.Configuration for a wrong token', async () => {
    await expect(fetchHiBobEmployee('1', hibob())).rejects.toMatchObject({ name: 'Hr.NotFound' });
    await expect(fetchHiBobEmployee(sim.company.get('sam.seller@acme.example').hibobId, hibob('wrong'))).rejects.toMatchObject({ name: 'Jml.Configuration' });
  });
});
