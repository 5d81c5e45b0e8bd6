import { dateOfDayNumber, dayNumber, daysInMonthOf, parseIsoDate, weekdayOfDayNumber } from './plain-date';

/** Stable identifiers of the US federal holidays (5 U.S.C. 6103). */
export type FederalHolidayKey =
  | 'new-years-day'
  | 'martin-luther-king-jr-day'
  | 'presidents-day'
  | 'memorial-day'
  | 'juneteenth'
  | 'independence-day'
  | 'labor-day'
  | 'columbus-day'
  | 'veterans-day'
  | 'thanksgiving-day'
  | 'christmas-day';

/** One federal holiday: its legal date and the weekday on which it is observed. */
export interface FederalHoliday {
  readonly key: FederalHolidayKey;
  readonly name: string;
  /** The legal date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The observed date, `YYYY-MM-DD`: Saturday moves to Friday, Sunday to Monday. */
  readonly observed: string;
}

/** First year supported: Veterans Day returned to November 11 in 1978, so the rules are stable from then. */
export const FIRST_SUPPORTED_YEAR = 1978;
/** Last year supported: ISO strings here carry four-digit years. */
export const LAST_SUPPORTED_YEAR = 9999;

const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;
const SUNDAY = 7;

// Holidays are built as day numbers: weekday arithmetic is then plain integer arithmetic.
const weekdayOf = weekdayOfDayNumber;

function nthWeekday(year: number, month: number, weekday: number, nth: number): number {
  const first = dayNumber(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (nth - 1) * 7;
}

function lastWeekday(year: number, month: number, weekday: number): number {
  const last = dayNumber(year, month, daysInMonthOf(year, month));
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/** Federal employees observe a Saturday holiday on Friday and a Sunday holiday on Monday. */
function observedDate(days: number): number {
  if (weekdayOf(days) === SATURDAY) return days - 1;
  if (weekdayOf(days) === SUNDAY) return days + 1;
  return days;
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(
      `Federal holidays are supported for years ${FIRST_SUPPORTED_YEAR}-${LAST_SUPPORTED_YEAR}`,
    );
  }
}

function buildYear(year: number): readonly FederalHoliday[] {
  const legal: [FederalHolidayKey, string, number | undefined][] = [
    ['new-years-day', "New Year's Day", dayNumber(year, 1, 1)],
    // Observed nationally since 1986.
    [
      'martin-luther-king-jr-day',
      'Birthday of Martin Luther King, Jr.',
      year >= 1986 ? nthWeekday(year, 1, MONDAY, 3) : undefined,
    ],
    ['presidents-day', "Washington's Birthday", nthWeekday(year, 2, MONDAY, 3)],
    ['memorial-day', 'Memorial Day', lastWeekday(year, 5, MONDAY)],
    // Signed into law on 2021-06-17 and first observed that year.
    ['juneteenth', 'Juneteenth National Independence Day', year >= 2021 ? dayNumber(year, 6, 19) : undefined],
    ['independence-day', 'Independence Day', dayNumber(year, 7, 4)],
    ['labor-day', 'Labor Day', nthWeekday(year, 9, MONDAY, 1)],
    ['columbus-day', 'Columbus Day', nthWeekday(year, 10, MONDAY, 2)],
    ['veterans-day', 'Veterans Day', dayNumber(year, 11, 11)],
    ['thanksgiving-day', 'Thanksgiving Day', nthWeekday(year, 11, THURSDAY, 4)],
    ['christmas-day', 'Christmas Day', dayNumber(year, 12, 25)],
  ];
  return Object.freeze(
    legal.flatMap(([key, name, date]) =>
      date === undefined
        ? []
        : [
            Object.freeze({
              key,
              name,
              date: dateOfDayNumber(date),
              observed: dateOfDayNumber(observedDate(date)),
            }),
          ],
    ),
  );
}

const cache = new Map<number, readonly FederalHoliday[]>();

/**
 * The federal holidays whose legal date falls in `year`, in calendar order. The observed date can
 * fall in the previous year: New Year's Day on a Saturday is observed on December 31.
 */
export function federalHolidays(year: number): readonly FederalHoliday[] {
  assertSupportedYear(year);
  let holidays = cache.get(year);
  if (!holidays) {
    holidays = buildYear(year);
    cache.set(year, holidays);
  }
  return holidays;
}

/** The federal holiday observed on `date`, if any (observed dates are the days offices close). */
export function federalHolidayOn(date: string): FederalHoliday | undefined {
  const iso = parseIsoDate(date);
  const year = Number(iso.slice(0, 4));
  // Next year's New Year's Day can be observed on December 31 of this year.
  const years = iso.slice(5, 7) === '12' && year < LAST_SUPPORTED_YEAR ? [year, year + 1] : [year];
  for (const year of years) {
    if (year < FIRST_SUPPORTED_YEAR) continue;
    const found = federalHolidays(year).find((holiday) => holiday.observed === iso);
    if (found) return found;
  }
  return undefined;
}

/** True when a federal holiday is observed on `date`. */
export function isFederalHoliday(date: string): boolean {
  return federalHolidayOn(date) !== undefined;
}
