/**
 * The sweep's schedule as a 5-field cron expression (`minute hour day-of-month month day-of-week`,
 * e.g. `0 6 * * *` = daily 06:00) in an IANA time zone. One parser for both runtimes: infra turns
 * it into an EventBridge Scheduler expression, the local runtime asks for the next run time.
 */

export interface CronSchedule {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0 = Sunday ... 6 = Saturday. */
  daysOfWeek: ReadonlySet<number>;
  /** Whether day-of-month / day-of-week were restricted (cron: when both are, either matches). */
  domRestricted: boolean;
  dowRestricted: boolean;
  /** The five fields as written. */
  fields: readonly string[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, offset: 1 },
  { name: 'day of week', min: 0, max: 7, names: DAYS, offset: 0 },
] as const;

/** A wrong cron expression; the message names the field and shows the expected form. */
export class CronError extends Error {
  override readonly name = 'CronError';
}

function parseField(text: string, spec: (typeof FIELDS)[number]): Set<number> {
  const values = new Set<number>();
  const value = (token: string): number => {
    const named = 'names' in spec ? (spec.names as readonly string[]).indexOf(token.toUpperCase()) : -1;
    const n = named >= 0 ? named + ('offset' in spec ? spec.offset : 0) : /^\d+$/.test(token) ? Number(token) : NaN;
    if (!Number.isInteger(n) || n < spec.min || n > spec.max) {
      throw new CronError(`the ${spec.name} field has "${token}": expected ${spec.min}-${spec.max}${'names' in spec ? ` or ${spec.names[0]}-${spec.names.at(-1)}` : ''}`);
    }
    return n;
  };
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronError(`the ${spec.name} field has step "${stepText}": expected a whole number of at least 1`);
    let [from, to] = [spec.min as number, spec.max as number];
    if (range !== '*') {
      const [a, b] = range.split('-');
      from = value(a);
      to = b === undefined ? (stepText === undefined ? from : spec.max) : value(b);
      if (to < from) throw new CronError(`the ${spec.name} field has the range "${range}", which ends before it starts`);
    }
    for (let n = from; n <= to; n += step) values.add(n);
  }
  return values;
}

/** Parses `minute hour day-of-month month day-of-week`. @throws CronError naming the wrong field. */
export function parseCron(expression: string): CronSchedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    throw new CronError(`"${expression}" has ${fields.length} field(s); expected 5: minute hour day-of-month month day-of-week, e.g. "0 6 * * *" (daily 06:00)`);
  }
  const [minutes, hours, daysOfMonth, months, rawDays] = fields.map((field, i) => parseField(field, FIELDS[i]));
  const daysOfWeek = new Set([...rawDays].map((day) => day % 7));
  return { minutes, hours, daysOfMonth, months, daysOfWeek, domRestricted: fields[2] !== '*', dowRestricted: fields[4] !== '*', fields };
}

/** Wall-clock parts of an instant in a time zone. */
function wallClock(instant: number, formatter: Intl.DateTimeFormat) {
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour % 24, minute: +parts.minute };
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  } catch {
    throw new CronError(`unknown time zone "${timeZone}": use an IANA name such as UTC, Europe/Amsterdam or America/Chicago`);
  }
}

/** The instant a wall-clock time has in the zone, or undefined when the zone skips it (spring forward). */
function instantOf(y: number, mo: number, d: number, h: number, mi: number, formatter: Intl.DateTimeFormat): number | undefined {
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offsets half a day either side cover any change near this time; the earlier match wins.
  const candidates = [offsetAt(asUtc - 43_200_000, formatter), offsetAt(asUtc + 43_200_000, formatter)].map((offset) => asUtc - offset).sort((a, b) => a - b);
  for (const guess of candidates) {
    const w = wallClock(guess, formatter);
    if (w.year === y && w.month === mo && w.day === d && w.hour === h && w.minute === mi) return guess;
  }
  return undefined;
}

function offsetAt(instant: number, formatter: Intl.DateTimeFormat): number {
  const w = wallClock(instant, formatter);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(instant / 60_000) * 60_000;
}

/**
 * The first run strictly after `after`, in `timeZone` (IANA). A wall-clock time the zone skips
 * (the hour lost in spring) is skipped; one it repeats (autumn) runs once, at its first occurrence.
 * @throws CronError for a wrong expression or zone, or one that never matches (e.g. `0 0 31 2 *`).
 */
export function nextRunAfter(schedule: CronSchedule | string, timeZone: string, after: Date): Date {
  const cron = typeof schedule === 'string' ? parseCron(schedule) : schedule;
  const formatter = formatterFor(timeZone);
  const start = wallClock(after.getTime(), formatter);
  const hours = [...cron.hours].sort((a, b) => a - b);
  const minutes = [...cron.minutes].sort((a, b) => a - b);
  // Walk calendar days in the zone; 8 years covers every leap-day schedule.
  for (let offset = 0; offset < 366 * 8; offset++) {
    const day = new Date(Date.UTC(start.year, start.month - 1, start.day + offset));
    const [y, mo, d, dow] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), day.getUTCDay()];
    if (!cron.months.has(mo) || !dayMatches(cron, d, dow)) continue;
    for (const h of hours) {
      for (const mi of minutes) {
        const at = instantOf(y, mo, d, h, mi, formatter);
        if (at !== undefined && at > after.getTime()) return new Date(at);
      }
    }
  }
  throw new CronError(`"${cron.fields.join(' ')}" never matches a date: check the day of month and month`);
}

function dayMatches(cron: CronSchedule, dom: number, dow: number): boolean {
  if (cron.domRestricted && cron.dowRestricted) return cron.daysOfMonth.has(dom) || cron.daysOfWeek.has(dow);
  return cron.daysOfMonth.has(dom) && cron.daysOfWeek.has(dow);
}

/**
 * The same schedule as an EventBridge Scheduler expression, `cron(minutes hours dom month dow year)`:
 * one of day-of-month / day-of-week must be `?`, and its days of week count from 1 = Sunday.
 * @throws CronError when both days are restricted (EventBridge cannot say "either").
 */
export function toEventBridgeCron(expression: string): string {
  const cron = parseCron(expression);
  const [minute, hour, dom, month, dow] = cron.fields;
  if (cron.domRestricted && cron.dowRestricted) {
    throw new CronError(`"${expression}" restricts both day of month and day of week; EventBridge Scheduler supports one of them: set the other to *`);
  }
  const ebDow = cron.dowRestricted ? dow.replace(/\d+/g, (n) => String((Number(n) % 7) + 1)) : '?';
  return `cron(${minute} ${hour} ${cron.dowRestricted ? '?' : dom} ${month} ${ebDow} *)`;
}
