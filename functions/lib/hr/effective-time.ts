/**
 * HR systems speak in days ("starts 2026-03-01"); Wait states need an instant. A day becomes the
 * configured local time in the person's time zone, converted to UTC, DST included.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** Offset of `timeZone` from UTC at instant `ms`, in ms (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * `2026-03-01` at `08:00` in `Europe/Amsterdam` -> `2026-03-01T07:00:00Z`. A local time that does
 * not exist (inside a DST jump) lands just after the jump.
 * @throws Error on a malformed date or time (the config schema and payload parsers prevent that).
 */
export function localDateTimeToUtc(date: string, time: string, timeZone: string): string {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) throw new Error(`Cannot combine date ${JSON.stringify(date)} and time ${JSON.stringify(time)}.`);
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  let instant = wall - offsetAt(wall, timeZone);
  // Once more with the offset at the candidate instant: right across a DST change.
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant).toISOString().replace(/\.000Z$/, 'Z');
}

/** An effective date from an HR source: a day at `time` in `timeZone`, or a date-time with a zone, as UTC. */
export function effectiveInstant(value: string, time: string, timeZone: string): string {
  if (DATE.test(value)) return localDateTimeToUtc(value, time, timeZone);
  return new Date(value).toISOString().replace(/\.000Z$/, 'Z');
}

/** `YYYY-MM-DD` of `now` in UTC. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
