import type { HrEmployee } from './company.js';

/**
 * How each vendor's API writes an employee. BambooHR: flat aliases, empty dates `0000-00-00`.
 * HiBob: field ids in categories (`root.email`, `work.department`), list fields (department, title,
 * site) as list-item ids with their names in the `humanReadable` node.
 */

/** BambooHR fields by alias. Maps, here and below: the field names come from the request (`?fields=constructor`). */
export const BAMBOOHR_FIELDS: ReadonlyMap<string, (employee: HrEmployee) => string | null> = new Map<string, (employee: HrEmployee) => string | null>([
  ['firstName', (e) => e.firstName],
  ['lastName', (e) => e.lastName],
  ['displayName', (e) => `${e.firstName} ${e.lastName}`],
  ['workEmail', (e) => e.workEmail],
  ['department', (e) => e.department ?? null],
  ['jobTitle', (e) => e.jobTitle],
  ['location', (e) => e.location],
  ['status', (e) => e.status],
  ['hireDate', (e) => e.hireDate],
  ['terminationDate', (e) => e.terminationDate ?? '0000-00-00'],
]);

/** Bob list-item id of a name (stable, numeric like the real ones). */
export function listItemId(name: string): string {
  let hash = 209_192_163;
  for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return String(200_000_000 + (hash % 100_000_000));
}

interface HiBobField {
  machine: (employee: HrEmployee) => string | null;
  /** List fields: the human-readable name differs from the machine value. */
  readable?: (employee: HrEmployee) => string | null;
}

const listField = (name: (employee: HrEmployee) => string | undefined): HiBobField => ({
  machine: (e) => (name(e) === undefined ? null : listItemId(name(e) as string)),
  readable: (e) => name(e) ?? null,
});

export const HIBOB_FIELDS: ReadonlyMap<string, HiBobField> = new Map<string, HiBobField>([
  ['root.id', { machine: (e) => e.hibobId }],
  ['root.email', { machine: (e) => e.workEmail }],
  ['root.firstName', { machine: (e) => e.firstName }],
  ['root.surname', { machine: (e) => e.lastName }],
  ['root.displayName', { machine: (e) => `${e.firstName} ${e.lastName}` }],
  ['work.department', listField((e) => e.department)],
  ['work.title', listField((e) => e.jobTitle)],
  ['work.site', listField((e) => e.location)],
  ['work.startDate', { machine: (e) => e.hireDate }],
  ['internal.status', { machine: (e) => e.status }],
  ['internal.terminationDate', { machine: (e) => e.terminationDate ?? null }],
]);

/** Sets `value` at a Bob field id's place: `root.*` at the top, other categories nested (ids of `HIBOB_FIELDS` only). */
export function placeHiBobValue(target: Record<string, unknown>, fieldId: string, value: unknown): void {
  const segments = fieldId.split('.');
  const keys = segments[0] === 'root' ? segments.slice(1) : segments;
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}
