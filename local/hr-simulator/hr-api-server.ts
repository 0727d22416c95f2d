import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import type { HrEmployee } from './company.js';
import type { EmployeeChange, HrCompany } from './hr-company.js';
import type { HrFaults, HrVendor } from './faults.js';
import { serverTimeoutOptions, type ServerTimeouts } from './server-timeouts.js';
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
  /** How long a client may take to send its request (defaults: headers 10 s, whole request 30 s, keep-alive 5 s). */
  timeouts?: Partial<ServerTimeouts>;
}

const BAMBOO_EMPLOYEE = /^\/api\/gateway\.php\/([^/]+)\/v1\/employees\/([^/]+)$/;
const HIBOB_SEARCH = '/v1/people/search';
const MAX_BODY = 1024 * 1024;
const BASE = 'http://hr-simulator.invalid';

const HiBobSearchSchema = z.object({
  fields: z.array(z.string()).optional(),
  filters: z.array(z.object({ fieldPath: z.string().optional(), operator: z.string().optional(), values: z.array(z.unknown()).optional() })).optional(),
  showInactive: z.unknown().optional(),
  humanReadable: z.unknown().optional(),
});

const FaultControlSchema = z.strictObject({
  count: z.number().int().min(1).optional(),
  status: z.number().int().min(400).max(599).optional(),
  vendor: z.enum(['bamboohr', 'hibob']).optional(),
});

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const EmployeeChangeSchema = z.strictObject({
  department: z.string().optional(),
  jobTitle: z.string().optional(),
  location: z.string().optional(),
  status: z.enum(['Active', 'Inactive']).optional(),
  terminationDate: isoDay.optional(),
  hireDate: isoDay.optional(),
});

/** A request the simulator refuses, with the status and body to answer. */
class Refused extends Error {
  constructor(readonly status: number, readonly body: Record<string, unknown>) {
    super(String(body.error));
  }
}

/**
 * The HR APIs the receiver's workflow calls back, on the real paths with the real auth:
 * BambooHR `GET /api/gateway.php/{company}/v1/employees/{id}?fields=...` (Basic `<api key>:x`) and
 * HiBob `POST /v1/people/search` (Basic `<service user id>:<token>`). Injected faults answer first.
 * `/__control/*` (loopback only): `POST faults {count, status?, vendor?}`, `POST reset`, `GET employees`,
 * `POST employees/{email}` with the change (`{ department?, jobTitle?, location?, status?, terminationDate?, hireDate? }`).
 * A request target that is not a path is 400; a request not received within the timeouts gets Node's 408.
 */
export function createHrApiServer(deps: HrApiServerDeps): Server {
  return createServer(serverTimeoutOptions(deps.timeouts), (req, res) => {
    handle(req, res, deps).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (error instanceof Refused) return send(res, error.status, error.body);
      console.error('[hr-simulator] unexpected error:', error);
      send(res, 500, { error: 'simulator_error', message: 'The HR simulator hit an unexpected error; see its log.' });
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: HrApiServerDeps): Promise<void> {
  const url = requestUrl(req.url);
  if (!url) {
    req.resume();
    return send(res, 400, { error: 'bad_request_target', message: `${JSON.stringify((req.url ?? '').slice(0, 100))} is not a path.` });
  }
  const body = await readBody(req);
  if (body === undefined) return; // the client went away, or Node answered 408
  if (url.pathname.startsWith('/__control/')) return control(req.method ?? 'GET', url.pathname.slice('/__control/'.length), body, res, deps);
  const bamboo = BAMBOO_EMPLOYEE.exec(url.pathname);
  if (bamboo && req.method === 'GET') return bambooEmployee(req, res, deps, decodeSegment(bamboo[1]), decodeSegment(bamboo[2]), url.searchParams);
  if (url.pathname === HIBOB_SEARCH && req.method === 'POST') return hibobSearch(req, res, deps, body);
  send(res, 404, { error: 'not_found', message: `No HR API at ${req.method} ${url.pathname.slice(0, 200)}.` });
}

/** An origin-form target (`/path?query`) as a URL; undefined for `//x`, `http://host/`, `*` and the like. */
function requestUrl(target: string | undefined): URL | undefined {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    const url = new URL(target, BASE);
    return url.origin === BASE ? url : undefined;
  } catch {
    return undefined;
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new Refused(400, { error: 'bad_request', message: 'A path segment is not valid percent-encoding.' });
  }
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
  if (!employee) return send(res, 404, { error: `employee ${id.slice(0, 40)} not found` });
  const fields = (query.get('fields') ?? 'firstName,lastName').split(',').map((field) => field.trim()).filter(Boolean);
  // No prototype: a field asked for as `__proto__` is an answer entry like any other (null), never the object's prototype.
  const answer = Object.assign(Object.create(null) as Record<string, string | null>, { id: employee.bambooId });
  for (const field of fields) answer[field] = BAMBOOHR_FIELDS.get(field)?.(employee) ?? null;
  send(res, 200, answer);
}

function hibobSearch(req: IncomingMessage, res: ServerResponse, deps: HrApiServerDeps, raw: string): void {
  if (faulted(res, deps, 'hibob')) return;
  const { hibob } = deps.credentials;
  const user = basicCredentials(req);
  if (!user || user[0] !== hibob.serviceUserId || user[1] !== hibob.token) return send(res, 401, { error: 'unauthorized' });
  const parsed = HiBobSearchSchema.safeParse(parseJson(raw || '{}'));
  if (!parsed.success) return send(res, 400, { error: 'body must be { fields?: string[], filters?: [{ fieldPath, operator, values: [] }], showInactive?, humanReadable? }' });
  const request = parsed.data;
  const filters = request.filters ?? [];
  if (filters.length > 1 || filters.some((f) => !['root.id', 'root.email'].includes(f.fieldPath ?? '') || f.operator !== 'equals')) {
    return send(res, 400, { error: 'only one filter on root.id or root.email with operator equals is supported' });
  }
  const fields = request.fields ?? [...HIBOB_FIELDS.keys()];
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
    const field = HIBOB_FIELDS.get(fieldId);
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
    const spec = checked(FaultControlSchema, raw, '{ count?, status? (400-599), vendor? (bamboohr | hibob) }');
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
    const email = decodeSegment(action.slice('employees/'.length));
    if (!deps.company.byEmail(email)) return send(res, 404, { error: `no employee ${email.slice(0, 100)}` });
    const change = checked(EmployeeChangeSchema, raw, '{ department?, jobTitle?, location?, status? (Active | Inactive), terminationDate?, hireDate? }');
    return send(res, 200, deps.company.update(email, change as EmployeeChange));
  }
  send(res, 404, { error: `no control ${method} /__control/${action.slice(0, 100)}`, endpoints: ['POST faults', 'POST reset', 'GET employees', 'POST employees/{email}'] });
}

/** The JSON body checked against `schema`; a 400 naming what to send otherwise. */
function checked<T extends z.ZodType>(schema: T, raw: string, expected: string): z.output<T> {
  const result = schema.safeParse(parseJson(raw || '{}'));
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
  throw new Refused(400, { error: `send ${expected}: ${problems}`.slice(0, 500) });
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new Refused(400, { error: 'the body must be JSON' });
  }
}

/** The body as text; undefined when the request never completed. @throws Refused 413 beyond `MAX_BODY`. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) throw new Refused(413, { error: `the body is larger than ${MAX_BODY} bytes` });
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof Refused) throw error;
    return undefined;
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
