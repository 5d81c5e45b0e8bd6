import type { Temporal } from 'temporal-polyfill';
import { isFederalHoliday } from './federal-holidays';
import { type DateInput, sameShape, toPlainDate } from './plain-date';

const SATURDAY = 6;

/** True for Monday to Friday dates on which no federal holiday is observed. */
export function isBusinessDay(date: DateInput): boolean {
  const day = toPlainDate(date);
  return day.dayOfWeek < SATURDAY && !isFederalHoliday(day);
}

/**
 * Moves `n` business days from `date`, skipping weekends and observed federal holidays. The start
 * date itself never counts, so a Saturday discharge plus 2 business days is the following Tuesday.
 * `n = 0` returns `date` unchanged; a negative `n` moves backwards. Returns the input's shape.
 */
export function addBusinessDays(date: string, n: number): string;
export function addBusinessDays(date: Temporal.PlainDate, n: number): Temporal.PlainDate;
export function addBusinessDays(date: DateInput, n: number): DateInput;
export function addBusinessDays(date: DateInput, n: number): DateInput {
  if (!Number.isSafeInteger(n)) throw new RangeError('Business day count must be an integer');
  let day = toPlainDate(date);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  while (remaining > 0) {
    day = day.add({ days: step });
    if (isBusinessDay(day)) remaining -= 1;
  }
  return sameShape(date, day);
}
