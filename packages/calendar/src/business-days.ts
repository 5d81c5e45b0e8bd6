import { isFederalHoliday } from './federal-holidays';
import { addDays, isoWeekday, parseIsoDate } from './plain-date';

const SATURDAY = 6;

/** True for Monday to Friday dates on which no federal holiday is observed. */
export function isBusinessDay(date: string): boolean {
  return isoWeekday(date) < SATURDAY && !isFederalHoliday(date);
}

/**
 * Moves `n` business days from `date`, skipping weekends and observed federal holidays. The start
 * date itself never counts, so a Saturday discharge plus 2 business days is the following Tuesday.
 * `n = 0` returns `date` unchanged; a negative `n` moves backwards.
 */
export function addBusinessDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError('Business day count must be an integer');
  let day = parseIsoDate(date);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  while (remaining > 0) {
    day = addDays(day, step);
    if (isBusinessDay(day)) remaining -= 1;
  }
  return day;
}
