import type { AddressInfo } from 'node:net';
import { HrCompany } from './hr-company.js';
import { HrFaults, type HrVendor } from './faults.js';
import { createHrApiServer, type HrApiCredentials } from './hr-api-server.js';
import type { ServerTimeouts } from './server-timeouts.js';

export { HrCompany, type EmployeeChange } from './hr-company.js';
export { HrFaults, type HrVendor } from './faults.js';
export { NEW_HIRES, demoCompany, type HrEmployee } from './company.js';
export * from './deliveries.js';
export type { ServerTimeouts } from './server-timeouts.js';

/** The credentials the simulator accepts unless told otherwise. Not secrets: local use only. */
export const DEFAULT_HR_API_CREDENTIALS: HrApiCredentials = {
  bamboohr: { companyDomain: 'acme', apiKey: 'hr-sim-bamboohr-api-key' },
  hibob: { serviceUserId: 'hr-sim-service-user', token: 'hr-sim-hibob-token' },
};

export interface HrSimulatorOptions {
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1 (the control endpoint has no auth). */
  host?: string;
  credentials?: HrApiCredentials;
  /** `YYYY-MM-DD` of the company's "today" (new hires start relative to it). Default: the date now. */
  today?: () => string;
  /** How long a client may take to send a request. @default headers 10 s, whole request 30 s, keep-alive 5 s */
  serverTimeouts?: Partial<ServerTimeouts>;
}

export interface RunningHrSimulator {
  /** e.g. `http://127.0.0.1:4020`. */
  url: string;
  /** BambooHR API base: `{url}/api/gateway.php/acme` (the receiver appends `/v1/employees/{id}`). */
  bambooHrBaseUrl: string;
  /** HiBob API base: `{url}/v1` (the receiver appends `/people/search`). */
  hiBobBaseUrl: string;
  credentials: HrApiCredentials;
  company: HrCompany;
  faults: HrFaults;
  /** API calls served (or faulted) per vendor since start or the last reset. */
  calls: Record<HrVendor, number>;
  /** Back to the demo company, no faults, call counts zero. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts the HR simulator: BambooHR's and HiBob's APIs over one demo company. */
export async function startHrSimulator(options: HrSimulatorOptions = {}): Promise<RunningHrSimulator> {
  const credentials = options.credentials ?? DEFAULT_HR_API_CREDENTIALS;
  const company = new HrCompany(options.today ?? (() => new Date().toISOString().slice(0, 10)));
  const faults = new HrFaults();
  const calls: Record<HrVendor, number> = { bamboohr: 0, hibob: 0 };
  const server = createHrApiServer({ company, faults, credentials, calls, timeouts: options.serverTimeouts });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const url = `http://${address}:${port}`;
  return {
    url,
    bambooHrBaseUrl: `${url}/api/gateway.php/${encodeURIComponent(credentials.bamboohr.companyDomain)}`,
    hiBobBaseUrl: `${url}/v1`,
    credentials,
    company,
    faults,
    calls,
    reset() {
      company.reset();
      faults.clear();
      calls.bamboohr = 0;
      calls.hibob = 0;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** The environment the receiver and the resolve action need to talk to this simulator (local runs, tests). */
export function hrSimulatorEnvironment(sim: RunningHrSimulator, secrets: Readonly<Record<'bamboohr' | 'hibob' | 'standard', string>>): Record<string, string> {
  return {
    JML_HR_BAMBOOHR_API_URL: sim.bambooHrBaseUrl,
    JML_HR_HIBOB_API_URL: sim.hiBobBaseUrl,
    JML_HR_BAMBOOHR_API_KEY: sim.credentials.bamboohr.apiKey,
    JML_HR_HIBOB_API_CREDENTIALS: JSON.stringify(sim.credentials.hibob),
    JML_HR_BAMBOOHR_WEBHOOK_KEY: secrets.bamboohr,
    JML_HR_HIBOB_WEBHOOK_SECRET: secrets.hibob,
    JML_HR_STANDARD_WEBHOOK_SECRET: secrets.standard,
  };
}
