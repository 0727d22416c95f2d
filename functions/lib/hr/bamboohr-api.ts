import * as z from 'zod';
import { ErrorNames, JmlError } from '../errors.js';
import { hrActive, hrDate, hrText, type HrPerson } from './hr-person.js';
import { ownEntry } from './own-entry.js';
import { basicAuth, hrRequestJson, type FetchLike } from './hr-http.js';
import { STATUS_FIELDS, type ResolvedFieldMap } from './vendor-defaults.js';

/**
 * BambooHR's employee API: `GET {base}/v1/employees/{id}?fields=...` with HTTP Basic auth
 * (`<API key>:x`), `Accept: application/json`. The base is
 * `https://api.bamboohr.com/api/gateway.php/<companyDomain>`. Answers `{ id, <field>: value, ... }`;
 * empty dates come as `0000-00-00`.
 */

export interface BambooHrApiOptions {
  baseUrl: string;
  apiKey: () => Promise<string>;
  fields: ResolvedFieldMap;
  timeoutMs?: number;
  fetch?: FetchLike;
}

const RecordSchema = z.record(z.string(), z.unknown());

export function bambooHrBaseUrl(companyDomain: string): string {
  return `https://api.bamboohr.com/api/gateway.php/${encodeURIComponent(companyDomain)}`;
}

/** The names the employee request asks for: the mapped fields plus the status fields. */
export function bambooHrRequestedFields(fields: ResolvedFieldMap): string[] {
  const status = STATUS_FIELDS.bamboohr;
  return [...new Set([...Object.values(fields), status.status, status.hireDate, status.terminationDate])];
}

/** Reads one employee. @throws JmlError `Hr.Unavailable` / `Hr.NotFound` / `Jml.Configuration` / `Hr.UnexpectedResponse`. */
export async function fetchBambooHrEmployee(employeeId: string, options: BambooHrApiOptions): Promise<HrPerson> {
  const query = new URLSearchParams({ fields: bambooHrRequestedFields(options.fields).join(',') });
  const body = await hrRequestJson({
    vendor: 'BambooHR',
    operation: `get employee ${employeeId}`,
    url: `${options.baseUrl}/v1/employees/${encodeURIComponent(employeeId)}?${query}`,
    method: 'GET',
    authorization: basicAuth(await options.apiKey(), 'x'),
    timeoutMs: options.timeoutMs ?? 8_000,
    fetch: options.fetch,
  });
  const parsed = RecordSchema.safeParse(body);
  if (!parsed.success) throw new JmlError(ErrorNames.HrUnexpectedResponse, `BambooHR API: get employee ${employeeId} did not answer with an object.`);
  return bambooHrPerson(employeeId, parsed.data, options.fields);
}

/** An HrPerson from BambooHR field values (the API's answer, or a field-based webhook's `fields`). */
export function bambooHrPerson(employeeId: string, values: Readonly<Record<string, unknown>>, fields: ResolvedFieldMap, lookup: (values: Readonly<Record<string, unknown>>, name: string) => unknown = ownEntry): HrPerson {
  const status = STATUS_FIELDS.bamboohr;
  const read = (name: string) => lookup(values, name);
  return {
    employeeId,
    email: hrText(read(fields.email))?.toLowerCase(),
    firstName: hrText(read(fields.firstName)),
    lastName: hrText(read(fields.lastName)),
    department: hrText(read(fields.department)),
    jobTitle: hrText(read(fields.jobTitle)),
    location: hrText(read(fields.location)),
    active: hrActive(read(status.status)),
    hireDate: hrDate(read(status.hireDate)),
    terminationDate: hrDate(read(status.terminationDate)),
  };
}
