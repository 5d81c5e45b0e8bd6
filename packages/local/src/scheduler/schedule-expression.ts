import { addDays, daysInMonth, isoWeekday, localDate, wallClockToEpochMs } from '@carelink/calendar';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** A field of a cron expression as the set of values it allows (undefined = any, as `*` or `?`). */
type FieldSet = ReadonlySet<number> | undefined;

function parseField(
  field: string,
  min: number,
  max: number,
  names: readonly string[] = [],
  offset = 0,
): FieldSet {
  if (field === '*' || field === '?') return undefined;
  const values = new Set<number>();
  const value = (token: string) => {
    const named = names.indexOf(token.toUpperCase());
    const n = named >= 0 ? named + offset : Number(token);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`invalid cron value ${token}`);
    return n;
  };
  for (const part of field.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`invalid cron step ${part}`);
    const [from, to] =
      range === '*'
        ? [min, max]
        : range.includes('-')
          ? range.split('-').map(value)
          : [value(range), stepText ? max : value(range)];
    for (let n = from ?? min; n <= (to ?? max); n += step) values.add(n);
  }
  return values;
}

interface Cron {
  minutes: FieldSet;
  hours: FieldSet;
  daysOfMonth: FieldSet;
  lastDayOfMonth: boolean;
  months: FieldSet;
  daysOfWeek: FieldSet;
  years: FieldSet;
}

function parseCron(body: string): Cron {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) throw new Error('cron expressions have six fields');
  const [min = '', hour = '', dom = '', month = '', dow = '', year = ''] = fields;
  if (dom !== '?' && dow !== '?') throw new Error('one of day-of-month and day-of-week must be ?');
  return {
    minutes: parseField(min, 0, 59),
    hours: parseField(hour, 0, 23),
    daysOfMonth: dom === 'L' ? undefined : parseField(dom, 1, 31),
    lastDayOfMonth: dom === 'L',
    months: parseField(month, 1, 12, MONTHS, 1),
    // EventBridge numbers days 1 (SUN) to 7 (SAT).
    daysOfWeek: parseField(dow, 1, 7, DAYS, 1),
    years: parseField(year, 1970, 2199),
  };
}

const allows = (set: FieldSet, n: number) => set === undefined || set.has(n);

function nextCron(cron: Cron, timeZone: string, after: Date): Date | undefined {
  let day = localDate(after.getTime(), timeZone);
  for (let i = 0; i < 366 * 5; i++, day = addDays(day, 1)) {
    const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
    if (!allows(cron.years, year) || !allows(cron.months, month)) continue;
    const lastDay = daysInMonth(day.slice(0, 7));
    if (cron.lastDayOfMonth ? dayOfMonth !== lastDay : !allows(cron.daysOfMonth, dayOfMonth)) continue;
    if (!allows(cron.daysOfWeek, (isoWeekday(day) % 7) + 1)) continue;
    for (let hour = 0; hour < 24; hour++) {
      if (!allows(cron.hours, hour)) continue;
      for (let minute = 0; minute < 60; minute++) {
        if (!allows(cron.minutes, minute)) continue;
        const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        const at = wallClockToEpochMs(day, time, timeZone);
        if (at > after.getTime()) return new Date(at);
      }
    }
  }
  return undefined;
}

const RATE_UNITS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/**
 * The next fire time after `after` of an EventBridge Scheduler expression (`cron(...)` with its
 * time zone, `rate(n unit)` or `at(yyyy-mm-ddThh:mm:ss)`), or undefined when it never fires again.
 * `L` is supported in day-of-month; `W` and `#` are not used by Carelink and rejected.
 */
export function nextOccurrence(
  expression: string,
  timeZone: string,
  after: Date,
  anchor = after,
): Date | undefined {
  const cron = /^cron\((.+)\)$/.exec(expression);
  if (cron?.[1]) return nextCron(parseCron(cron[1]), timeZone, after);
  const rate = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression);
  if (rate?.[1] && rate[2]) {
    const period = Number(rate[1]) * (RATE_UNITS[rate[2]] ?? 0);
    const elapsed = after.getTime() - anchor.getTime();
    return new Date(anchor.getTime() + (Math.floor(elapsed / period) + 1) * period);
  }
  const at = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(expression);
  if (at?.[1]) {
    const when = wallClockToEpochMs(at[1].slice(0, 10), at[1].slice(11), timeZone);
    return when > after.getTime() ? new Date(when) : undefined;
  }
  throw new Error(`unsupported schedule expression ${expression}`);
}
