/**
 * Calendar dates are strict ISO `YYYY-MM-DD` strings. With four-digit years their string order is
 * their calendar order, so dates compare with `<` and `===`; arithmetic goes through day numbers
 * (days since 1970-01-01), which have no time zone and no DST.
 */

/** Milliseconds in a minute, an hour and a (UTC or wall-clock) day. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in `month` (1-12) of `year`, leap years included. */
export function daysInMonthOf(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a proleptic Gregorian date: days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The `[year, month, day]` of a day number (H. Hinnant's civil_from_days). */
export function dateParts(days: number): [year: number, month: number, day: number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return [
    yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1,
  ];
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** A year as ISO 8601 writes it: four digits, or six with a sign outside 0000-9999. */
export function isoYear(year: number): string {
  if (year >= 0 && year <= 9999) return String(year).padStart(4, '0');
  return `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
}

/** `YYYY-MM-DD` of a year, month and day. */
export function isoDate(year: number, month: number, day: number): string {
  return `${isoYear(year)}-${pad2(month)}-${pad2(day)}`;
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDayNumber(days: number): string {
  const [year, month, day] = dateParts(days);
  return isoDate(year, month, day);
}

/**
 * Checks a strict ISO calendar date and returns it. Date-times and offsets are rejected on purpose:
 * silently dropping a time part hides time-zone mistakes. The value is kept out of the message
 * because a date can be a birth date.
 */
export function parseIsoDate(value: string): string {
  const match = ISO_DATE.exec(value);
  if (!match) throw new RangeError('Expected an ISO calendar date (YYYY-MM-DD)');
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonthOf(Number(match[1]), month)) {
    throw new RangeError('Expected a valid calendar date (YYYY-MM-DD)');
  }
  return value;
}

/** True when `value` is a strict, existing ISO `YYYY-MM-DD` date. */
export function isIsoDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/** Day number (days since 1970-01-01) of an ISO date. */
export function dayNumberOf(date: string): number {
  parseIsoDate(date);
  return dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError('Day count must be an integer');
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/** Calendar days from `from` to `to`: negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** ISO weekday of a day number: 1 for Monday to 7 for Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday of a date: 1 for Monday to 7 for Sunday. */
export function isoWeekday(date: string): number {
  return weekdayOfDayNumber(dayNumberOf(date));
}
