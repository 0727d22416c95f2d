import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HrEmployee } from './company.js';
import type { EmployeeChange, HrCompany } from './hr-company.js';
import type { HrFaults, HrVendor } from './faults.js';
import { BAMBOOHR_FIELDS, HIBOB_FIELDS, placeHiBobValue } from './wire-values.js';

/** The credentials the simulated APIs accept. Not secrets: local use only. */
export interface HrApiCredentials {
  bamboohr: { companyDomain: string; apiKey: string };
  hibob: { serviceUserId: string; token: string };
}

export interface HrApiServerDeps {
  company: HrCompany;
  faults: HrFaults;
  credentials: HrApiCredentials;
  /** Counts every API call per vendor (control calls excluded). */
  calls: Record<HrVendor, number>;
}

const BAMBOO_EMPLOYEE = /^\/api\/gateway\.php\/([^/]+)\/v1\/employees\/([^/]+)$/;
const HIBOB_SEARCH = '/v1/people/search';
const MAX_BODY = 1024 * 1024;

/**
 * The HR APIs the receiver's workflow calls back, on the real paths with the real auth:
 * BambooHR `GET /api/gateway.php/{company}/v1/employees/{id}?fields=...` (Basic `<api key>:x`) and
 * HiBob `POST /v1/people/search` (Basic `<service user id>:<token>`). Injected faults answer first.
 * `/__control/*` (loopback only): `POST faults {count, status?, vendor?}`, `POST reset`, `GET employees`,
 * `POST employees/{email}` with the change (`{ department?, jobTitle?, location?, status?, terminationDate?, hireDate? }`).
 */
export function createHrApiServer(deps: HrApiServerDeps): Server {
  return createServer((req, res) => {
    handle(req, res, deps).catch((error: unknown) => send(res, 500, { error: 'simulator_error', message: (error as Error).message }));
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: HrApiServerDeps): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://hr-simulator');
  const body = await readBody(req);
  if (url.pathname.startsWith('/__control/')) return control(req.method ?? 'GET', url.pathname.slice('/__control/'.length), body, res, deps);
  const bamboo = BAMBOO_EMPLOYEE.exec(url.pathname);
  if (bamboo && req.method === 'GET') return bambooEmployee(req, res, deps, decodeURIComponent(bamboo[1]), decodeURIComponent(bamboo[2]), url.searchParams);
  if (url.pathname === HIBOB_SEARCH && req.method === 'POST') return hibobSearch(req, res, deps, body);
  send(res, 404, { error: 'not_found', message: `No HR API at ${req.method} ${url.pathname}.` });
}

function faulted(res: ServerResponse, deps: HrApiServerDeps, vendor: HrVendor): boolean {
  deps.calls[vendor] += 1;
  const status = deps.faults.take(vendor);
  if (status === undefined) return false;
  send(res, status, { error: 'injected_fault', message: `Injected ${status} (HR simulator fault).` });
  return true;
}

function basicCredentials(req: IncomingMessage): [string, string] | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

function bambooEmployee(req: IncomingMessage, res: ServerResponse, deps: HrApiServerDeps, company: string, id: string, query: URLSearchParams): void {
  if (faulted(res, deps, 'bamboohr')) return;
  const { bamboohr } = deps.credentials;
  const user = basicCredentials(req);
  if (!user || user[0] !== bamboohr.apiKey) return send(res, 401, { error: 'unauthorized' });
  if (company !== bamboohr.companyDomain) return send(res, 404, { error: 'unknown company' });
  const employee = deps.company.byBambooId(id);
  if (!employee) return send(res, 404, { error: `employee ${id} not found` });
  const fields = (query.get('fields') ?? 'firstName,lastName').split(',').map((field) => field.trim()).filter(Boolean);
  const answer: Record<string, string | null> = { id: employee.bambooId };
  for (const field of fields) answer[field] = BAMBOOHR_FIELDS[field]?.(employee) ?? null;
  send(res, 200, answer);
}

function hibobSearch(req: IncomingMessage, res: ServerResponse, deps: HrApiServerDeps, raw: string): void {
  if (faulted(res, deps, 'hibob')) return;
  const { hibob } = deps.credentials;
  const user = basicCredentials(req);
  if (!user || user[0] !== hibob.serviceUserId || user[1] !== hibob.token) return send(res, 401, { error: 'unauthorized' });
  let request: { fields?: unknown; filters?: unknown; showInactive?: unknown; humanReadable?: unknown };
  try {
    request = JSON.parse(raw || '{}');
  } catch {
    return send(res, 400, { error: 'body must be JSON' });
  }
  const filters = Array.isArray(request.filters) ? (request.filters as Array<{ fieldPath?: string; operator?: string; values?: unknown[] }>) : [];
  if (filters.length > 1 || filters.some((f) => !['root.id', 'root.email'].includes(f.fieldPath ?? '') || f.operator !== 'equals')) {
    return send(res, 400, { error: 'only one filter on root.id or root.email with operator equals is supported' });
  }
  const fields = Array.isArray(request.fields) ? (request.fields as string[]) : Object.keys(HIBOB_FIELDS);
  const readable = request.humanReadable === 'APPEND' || request.humanReadable === 'REPLACE' ? request.humanReadable : undefined;
  const wanted = filters[0]?.values?.map(String);
  const matches = deps.company.all().filter((employee) => {
    if (request.showInactive !== true && employee.status !== 'Active') return false;
    if (!wanted) return true;
    return filters[0].fieldPath === 'root.id' ? wanted.includes(employee.hibobId) : wanted.includes(employee.workEmail);
  });
  send(res, 200, { employees: matches.map((employee) => hibobEmployee(employee, fields, readable)) });
}

function hibobEmployee(employee: HrEmployee, fields: readonly string[], readable: 'APPEND' | 'REPLACE' | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { id: employee.hibobId };
  const human: Record<string, unknown> = {};
  for (const fieldId of fields) {
    const field = HIBOB_FIELDS[fieldId];
    if (!field) continue;
    const machine = field.machine(employee);
    const name = field.readable ? field.readable(employee) : machine;
    placeHiBobValue(out, fieldId, readable === 'REPLACE' ? name : machine);
    out[`/${fieldId.replace(/\./g, '/')}`] = { value: readable === 'REPLACE' ? name : machine };
    if (name !== null) placeHiBobValue(human, fieldId, name);
  }
  if (readable === 'APPEND') out.humanReadable = human;
  return out;
}

function control(method: string, action: string, raw: string, res: ServerResponse, deps: HrApiServerDeps): void {
  if (method === 'POST' && action === 'faults') {
    const spec = JSON.parse(raw || '{}') as { count?: number; status?: number; vendor?: HrVendor };
    deps.faults.failNext(spec.count ?? 1, { status: spec.status, vendor: spec.vendor });
    return send(res, 200, { ok: true });
  }
  if (method === 'POST' && action === 'reset') {
    deps.company.reset();
    deps.faults.clear();
    return send(res, 200, { ok: true });
  }
  if (method === 'GET' && action === 'employees') return send(res, 200, { employees: deps.company.all() });
  if (method === 'POST' && action.startsWith('employees/')) {
    const email = decodeURIComponent(action.slice('employees/'.length));
    if (!deps.company.byEmail(email)) return send(res, 404, { error: `no employee ${email}` });
    const allowed = ['department', 'jobTitle', 'location', 'status', 'terminationDate', 'hireDate'] as const;
    const change = JSON.parse(raw || '{}') as Record<string, unknown>;
    const unknown = Object.keys(change).filter((key) => !(allowed as readonly string[]).includes(key));
    if (unknown.length > 0) return send(res, 400, { error: `unknown field(s) ${unknown.join(', ')}; allowed: ${allowed.join(', ')}` });
    return send(res, 200, deps.company.update(email, change as EmployeeChange));
  }
  send(res, 404, { error: `no control ${method} /__control/${action}` });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
