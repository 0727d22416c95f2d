import type { HrEventKind } from '../config/hr-config-schema.js';
import type { HrPerson } from './hr-person.js';
import { statusChanged, type VendorSource } from './vendor-defaults.js';

export type Classification = { kind: HrEventKind } | { ignore: string };

/**
 * What an update (`auto`) means, read from the person's record after the change and, when the
 * payload listed them, the changed fields:
 * - leaving or left (inactive, or a termination date after the hire date): `termination`; BambooHR
 *   has no termination event, this is how it reports one. HiBob reports leaves as `employee.left`,
 *   so its updates of leaving people are ignored.
 * - a status or hire-date change of an active person: `rehire` (or `hire` for a future start).
 * - otherwise `change` (the mover applies the current attributes; unchanged ones report `already`),
 *   except for people who have not started yet: the joiner waiting for their start owns them.
 */
export function classifyUpdate(source: VendorSource, person: HrPerson, changedFields: readonly string[] | undefined, today: string): Classification {
  const touched = changedFields === undefined ? undefined : statusChanged(source, changedFields);
  const leaving = person.active === false || (person.terminationDate !== undefined && (person.hireDate === undefined || person.terminationDate >= person.hireDate));
  if (leaving) {
    if (source === 'hibob') return { ignore: 'update of a leaving or former employee; HiBob reports the leave itself as employee.left' };
    if (touched === false) return { ignore: 'update of a leaving or former employee that changed no employment field' };
    return { kind: 'termination' };
  }
  if (person.hireDate !== undefined && person.hireDate > today) {
    return touched ? { kind: 'hire' } : { ignore: `the employee starts on ${person.hireDate}; the joiner for that date applies the attributes` };
  }
  if (touched === true) return { kind: 'rehire' };
  return { kind: 'change' };
}
