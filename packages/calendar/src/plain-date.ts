import { Temporal } from 'temporal-polyfill';

/** A calendar date as an ISO `YYYY-MM-DD` string or a `Temporal.PlainDate`. */
export type DateInput = string | Temporal.PlainDate;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses a strict ISO calendar date. Date-times and offsets are rejected on purpose: silently
 * dropping a time part hides time-zone mistakes. The value is kept out of the message because a
 * date can be a birth date.
 */
export function toPlainDate(value: DateInput): Temporal.PlainDate {
  if (typeof value !== 'string') return value;
  if (!ISO_DATE.test(value)) throw new RangeError('Expected an ISO calendar date (YYYY-MM-DD)');
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' });
  } catch {
    throw new RangeError('Expected a valid calendar date (YYYY-MM-DD)');
  }
}

/** True when `value` is a strict, existing ISO `YYYY-MM-DD` date. */
export function isIsoDate(value: string): boolean {
  try {
    toPlainDate(value);
    return true;
  } catch {
    return false;
  }
}

/** Returns a date in the same shape it was given, so string callers never see Temporal objects. */
export function sameShape<T extends DateInput>(input: T, date: Temporal.PlainDate): T {
  return (typeof input === 'string' ? date.toString() : date) as T;
}
