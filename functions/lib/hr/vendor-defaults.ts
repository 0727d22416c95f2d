import type { HrConfig, HrFieldMap, VendorEventMeaning } from '../config/hr-config-schema.js';
import { ownEntry } from './own-entry.js';

/**
 * What each vendor calls things, as shipped. The config's `hr.sources.<source>.fields` and
 * `.events` override entries one by one (docs/webhooks.md lists these defaults).
 */

export type VendorSource = 'bamboohr' | 'hibob';
export type ResolvedFieldMap = Required<HrFieldMap>;

/** Fields a record's state is read from (not configurable: they are the vendors' fixed fields). */
export interface StatusFields {
  status: string;
  hireDate: string;
  terminationDate: string;
  /** Extra field names whose change means the employment status changed. */
  statusAliases: readonly string[];
}

export const DEFAULT_FIELDS: Record<VendorSource, ResolvedFieldMap> = {
  bamboohr: { email: 'workEmail', firstName: 'firstName', lastName: 'lastName', department: 'department', jobTitle: 'jobTitle', location: 'location' },
  hibob: { email: 'root.email', firstName: 'root.firstName', lastName: 'root.surname', department: 'work.department', jobTitle: 'work.title', location: 'work.site' },
};

export const STATUS_FIELDS: Record<VendorSource, StatusFields> = {
  bamboohr: { status: 'status', hireDate: 'hireDate', terminationDate: 'terminationDate', statusAliases: ['employmentHistoryStatus', 'Employment Status', 'employeeStatus'] },
  hibob: { status: 'internal.status', hireDate: 'work.startDate', terminationDate: 'internal.terminationDate', statusAliases: ['internal.lifecycleStatus', 'lifecycle'] },
};

export const DEFAULT_EVENT_MEANINGS: Record<VendorSource, Readonly<Record<string, VendorEventMeaning>>> = {
  bamboohr: { 'employee.created': 'hire', 'employee.updated': 'auto', 'employee.deleted': 'ignore' },
  hibob: {
    'employee.created': 'hire',
    'employee.joined': 'hire',
    'employee.updated': 'auto',
    'employee.left': 'termination',
    'employee.inactivated': 'termination',
    'employee.deleted': 'ignore',
  },
};

/** The field map of a source: the config's entries over the vendor's defaults. */
export function fieldMapOf(source: VendorSource, hr: HrConfig): ResolvedFieldMap {
  return { ...DEFAULT_FIELDS[source], ...(hr.sources[source]?.fields ?? {}) };
}

/**
 * What a vendor event type means: the config, else the default, else `ignore` (unknown types start
 * nothing). The type comes from the payload: only own entries count (`constructor` is no event).
 */
export function meaningOf(source: VendorSource, eventType: string, hr: HrConfig): VendorEventMeaning {
  return ownEntry(hr.sources[source]?.events, eventType) ?? ownEntry(DEFAULT_EVENT_MEANINGS[source], eventType) ?? 'ignore';
}

/** `Job Title`, `jobTitle`, `job_title` -> `jobtitle`: BambooHR mixes display names and aliases. */
export function normalizeFieldName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The field names (normalized) whose change can matter: the attributes the rules match on, the
 * work email (a changed email must reach a person: the mover then finds no account and fails
 * visibly) and employment status. Name changes do not: no workflow acts on them.
 */
export function watchedFields(source: VendorSource, hr: HrConfig): Set<string> {
  const status = STATUS_FIELDS[source];
  const fields = fieldMapOf(source, hr);
  const names = [fields.email, fields.department, fields.jobTitle, fields.location, status.status, status.hireDate, status.terminationDate, ...status.statusAliases];
  // HiBob ids are dotted paths; a changed-field list may name the leaf (`department`) or the path.
  return new Set(names.flatMap((name) => [normalizeFieldName(name), normalizeFieldName(name.split('.').at(-1) ?? name)]));
}

/** True when `changed` names a status field (hire/termination/status). */
export function statusChanged(source: VendorSource, changed: readonly string[]): boolean {
  const status = STATUS_FIELDS[source];
  const names = new Set([status.status, status.hireDate, status.terminationDate, ...status.statusAliases].flatMap((name) => [normalizeFieldName(name), normalizeFieldName(name.split('.').at(-1) ?? name)]));
  return changed.some((field) => names.has(normalizeFieldName(field)));
}
