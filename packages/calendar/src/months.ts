import { type Instant, instantFromEpochMs, parseInstant } from './instants';
import { daysInMonthOf, isoDate, isoYear, parseIsoDate } from './plain-date';
import { checkTimeZone, localDate, startOfDay } from './time-zones';

/** A half-open interval of instants `[start, end)`, both ISO UTC strings. */
export interface MonthBounds {
  readonly start: Instant;
  readonly end: Instant;
}

const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** Checks a strict `YYYY-MM` month and returns it. Months compare as strings with `<`. */
export function parseIsoMonth(value: string): string {
  const match = ISO_MONTH.exec(value);
  if (!match) throw new RangeError('Expected an ISO month (YYYY-MM)');
  const month = Number(match[2]);
  if (month < 1 || month > 12) throw new RangeError('Expected a valid ISO month (YYYY-MM)');
  return value;
}

/** Number of days in `month` (`YYYY-MM`). */
export function daysInMonth(month: string): number {
  parseIsoMonth(month);
  return daysInMonthOf(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}

/**
 * The `YYYY-MM` month that `instant` falls in as seen from `timeZone`. Billing months follow the
 * practice's local calendar, so 2025-01-01T03:00Z is still December in New York. A string must be
 * an ISO instant with `Z` or an offset; a number is epoch milliseconds.
 */
export function monthOf(instant: string | number, timeZone: string): string {
  const at = typeof instant === 'number' ? instant : parseInstant(instant);
  return localDate(at, checkTimeZone(timeZone)).slice(0, 7);
}

/**
 * The instants bounding `month` in `timeZone`: `start` is the first local midnight (or the first
 * instant of the day where midnight is skipped by DST) and `end` is the start of the next month,
 * excluded. Lengths differ by an hour in DST transition months, which fixed offsets would get wrong.
 */
export function monthBounds(month: string, timeZone: string): MonthBounds {
  const zone = checkTimeZone(timeZone);
  parseIsoMonth(month);
  return {
    start: instantFromEpochMs(startOfDay(`${month}-01`, zone)),
    end: instantFromEpochMs(startOfDay(`${addMonths(month, 1)}-01`, zone)),
  };
}

/**
 * Adds `n` months (negative to go back) to a `YYYY-MM` month or a `YYYY-MM-DD` date. Dates keep
 * their day of month, clamped to the month's length (January 31 plus one month is the last day of
 * February). The result has the input's shape.
 */
export function addMonths(value: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError('Month count must be an integer');
  const isMonth = ISO_MONTH.test(value);
  if (isMonth) parseIsoMonth(value);
  else parseIsoDate(value);
  const index = Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7)) - 1 + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  if (isMonth) return `${isoYear(year)}-${String(month).padStart(2, '0')}`;
  return isoDate(year, month, Math.min(Number(value.slice(8, 10)), daysInMonthOf(year, month)));
}
