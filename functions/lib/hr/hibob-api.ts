import * as z from 'zod';
import { ErrorNames, JmlError } from '../errors.js';
import { hrActive, hrDate, hrText, type HrPerson } from './hr-person.js';
import { basicAuth, hrRequestJson, type FetchLike } from './hr-http.js';
import { STATUS_FIELDS, type ResolvedFieldMap } from './vendor-defaults.js';

/**
 * Bob's People API: `POST {base}/people/search` (base `https://api.hibob.com/v1`) with HTTP Basic
 * auth of a service user (`<service user id>:<token>`), body `{ fields, filters: [{ fieldPath:
 * "root.id", operator: "equals", values: [id] }], showInactive: true, humanReadable: "APPEND" }`.
 * Search rather than `/people/{id}` because it also returns inactive (left) employees. With
 * `APPEND` the machine values stay in place (ISO dates) and a `humanReadable` node carries list
 * fields by name (a department's name instead of its list-item id).
 */

export const HIBOB_DEFAULT_BASE_URL = 'https://api.hibob.com/v1';

export interface HiBobApiOptions {
  baseUrl: string;
  credentials: () => Promise<{ serviceUserId: string; token: string }>;
  fields: ResolvedFieldMap;
  timeoutMs?: number;
  fetch?: FetchLike;
}

const SearchAnswerSchema = z.looseObject({ employees: z.array(z.record(z.string(), z.unknown())) });

/** The field ids the search asks for. */
export function hiBobRequestedFields(fields: ResolvedFieldMap): string[] {
  const status = STATUS_FIELDS.hibob;
  return [...new Set(['root.id', 'root.displayName', ...Object.values(fields), status.status, status.hireDate, status.terminationDate])];
}

/** Reads one employee, active or not. @throws JmlError `Hr.Unavailable` / `Hr.NotFound` / `Jml.Configuration` / `Hr.UnexpectedResponse`. */
export async function fetchHiBobEmployee(employeeId: string, options: HiBobApiOptions): Promise<HrPerson> {
  const { serviceUserId, token } = await options.credentials();
  const body = await hrRequestJson({
    vendor: 'HiBob',
    operation: `search for employee ${employeeId}`,
    url: `${options.baseUrl}/people/search`,
    method: 'POST',
    authorization: basicAuth(serviceUserId, token),
    body: {
      fields: hiBobRequestedFields(options.fields),
      filters: [{ fieldPath: 'root.id', operator: 'equals', values: [employeeId] }],
      showInactive: true,
      humanReadable: 'APPEND',
    },
    timeoutMs: options.timeoutMs ?? 8_000,
    fetch: options.fetch,
  });
  const parsed = SearchAnswerSchema.safeParse(body);
  if (!parsed.success) throw new JmlError(ErrorNames.HrUnexpectedResponse, `HiBob API: search for employee ${employeeId} did not answer { employees: [...] }.`);
  const employee = parsed.data.employees.find((candidate) => String(candidate.id) === employeeId);
  if (!employee) throw new JmlError(ErrorNames.HrNotFound, `HiBob API: no employee ${employeeId} (also among inactive ones). It may have been deleted, or the service user may not see it.`);
  return hiBobPerson(employeeId, employee, options.fields);
}

/** An HrPerson from one employee of a search answer. */
export function hiBobPerson(employeeId: string, employee: Readonly<Record<string, unknown>>, fields: ResolvedFieldMap): HrPerson {
  const status = STATUS_FIELDS.hibob;
  // List fields (department, title, site) by name; dates and status by machine value.
  const named = (path: string) => readHiBobField(employee, path, true);
  const machine = (path: string) => readHiBobField(employee, path, false);
  return {
    employeeId,
    email: hrText(machine(fields.email))?.toLowerCase(),
    firstName: hrText(named(fields.firstName)),
    lastName: hrText(named(fields.lastName)),
    displayName: hrText(named('root.displayName')),
    department: hrText(named(fields.department)),
    jobTitle: hrText(named(fields.jobTitle)),
    location: hrText(named(fields.location)),
    active: hrActive(named(status.status)),
    hireDate: hrDate(machine(status.hireDate)),
    terminationDate: hrDate(machine(status.terminationDate)),
  };
}

/**
 * A field by its id (`root.email`, `work.department`): `root.*` fields sit at the top level, other
 * categories in nested objects; the `/work/department: { value }` form is the fallback. With
 * `humanReadable`, the `humanReadable` node wins when it has the field.
 */
export function readHiBobField(employee: Readonly<Record<string, unknown>>, path: string, humanReadable: boolean): unknown {
  const segments = path.split('.');
  const keys = segments[0] === 'root' ? segments.slice(1) : segments;
  const dig = (from: unknown) => keys.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined), from);
  if (humanReadable) {
    const readable = dig(employee.humanReadable);
    if (readable !== undefined && readable !== null) return readable;
  }
  const nested = dig(employee);
  if (nested !== undefined && nested !== null) return nested;
  const slashed = employee[`/${segments.join('/')}`];
  return typeof slashed === 'object' && slashed !== null ? (slashed as { value?: unknown }).value : undefined;
}
