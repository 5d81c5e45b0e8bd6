import { Temporal } from 'temporal-polyfill';
import { type DateInput, sameShape, toPlainDate } from './plain-date';

/** A calendar month as an ISO `YYYY-MM` string or a `Temporal.PlainYearMonth`. */
export type MonthInput = string | Temporal.PlainYearMonth;

/** An instant as an ISO string with `Z` or an offset, or a `Temporal.Instant`. */
export type InstantInput = string | Temporal.Instant;

/** A half-open interval of instants `[start, end)`, both ISO UTC strings. */
export interface MonthBounds {
  readonly start: string;
  readonly end: string;
}

const ISO_MONTH = /^\d{4}-\d{2}$/;

/** Parses a strict `YYYY-MM` month. */
export function toPlainYearMonth(value: MonthInput): Temporal.PlainYearMonth {
  if (typeof value !== 'string') return value;
  if (!ISO_MONTH.test(value)) throw new RangeError('Expected an ISO month (YYYY-MM)');
  try {
    return Temporal.PlainYearMonth.from(value, { overflow: 'reject' });
  } catch {
    throw new RangeError('Expected a valid ISO month (YYYY-MM)');
  }
}

function toInstant(value: InstantInput): Temporal.Instant {
  if (typeof value !== 'string') return value;
  try {
    return Temporal.Instant.from(value);
  } catch {
    throw new RangeError('Expected an ISO instant with a UTC offset');
  }
}

function checkedTimeZone(timeZone: string): string {
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone).timeZoneId;
  } catch {
    throw new RangeError(`Unknown time zone: ${timeZone}`);
  }
}

/**
 * The `YYYY-MM` month that `instant` falls in as seen from `timeZone`. Billing months follow the
 * practice's local calendar, so 2025-01-01T03:00Z is still December in New York.
 */
export function monthOf(instant: InstantInput, timeZone: string): string {
  return toInstant(instant)
    .toZonedDateTimeISO(checkedTimeZone(timeZone))
    .toPlainDate()
    .toPlainYearMonth()
    .toString();
}

/**
 * The instants bounding `month` in `timeZone`: `start` is the first local midnight (or the first
 * instant of the day where midnight is skipped by DST) and `end` is the start of the next month,
 * excluded. Lengths differ by an hour in DST transition months, which fixed offsets would get wrong.
 */
export function monthBounds(month: MonthInput, timeZone: string): MonthBounds {
  const zone = checkedTimeZone(timeZone);
  const first = toPlainYearMonth(month).toPlainDate({ day: 1 });
  const start = first.toZonedDateTime(zone).toInstant();
  const end = first.add({ months: 1 }).toZonedDateTime(zone).toInstant();
  return { start: start.toString(), end: end.toString() };
}

/**
 * Adds `n` months (negative to go back). Dates keep their day of month, clamped to the month's
 * length (January 31 plus one month is the last day of February). Returns the input's shape:
 * a `YYYY-MM` string gives a month, a `YYYY-MM-DD` string a date.
 */
export function addMonths(value: Temporal.PlainDate, n: number): Temporal.PlainDate;
export function addMonths(value: Temporal.PlainYearMonth, n: number): Temporal.PlainYearMonth;
export function addMonths(value: string, n: number): string;
export function addMonths(value: DateInput | MonthInput, n: number): DateInput | MonthInput;
export function addMonths(value: DateInput | MonthInput, n: number): DateInput | MonthInput {
  if (!Number.isSafeInteger(n)) throw new RangeError('Month count must be an integer');
  if (value instanceof Temporal.PlainYearMonth) return value.add({ months: n });
  if (typeof value === 'string' && ISO_MONTH.test(value)) {
    return toPlainYearMonth(value).add({ months: n }).toString();
  }
  const date = value as DateInput;
  return sameShape(date, toPlainDate(date).add({ months: n }, { overflow: 'constrain' }));
}
