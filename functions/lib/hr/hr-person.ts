/**
 * One person as the HR system describes them, reduced to what the workflows need. Vendor clients
 * and payload readers produce it; the mapping reads only this.
 */
export interface HrPerson {
  employeeId: string;
  /** Work email: matched to the Atlassian account's email. */
  email?: string;
  firstName?: string;
  lastName?: string;
  displayName?: string;
  department?: string;
  jobTitle?: string;
  location?: string;
  /** Employment status; undefined when the record does not say. */
  active?: boolean;
  /** `YYYY-MM-DD`. */
  hireDate?: string;
  /** `YYYY-MM-DD`. */
  terminationDate?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** An HR date as `YYYY-MM-DD`; blank and BambooHR's `0000-00-00` are "no date". */
export function hrDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE.exec(value.trim());
  if (!match || match[1] === '0000') return undefined;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** A trimmed non-empty string, or undefined. */
export function hrText(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed.slice(0, 255);
}

/** `Active`/`Inactive` (BambooHR, HiBob) and a few common spellings; undefined when unknown. */
export function hrActive(value: unknown): boolean | undefined {
  const text = hrText(value)?.toLowerCase();
  if (text === undefined) return undefined;
  if (['active', 'employed', 'true', 'yes'].includes(text)) return true;
  if (['inactive', 'terminated', 'false', 'no', 'left'].includes(text)) return false;
  return undefined;
}
