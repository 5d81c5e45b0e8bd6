import { Temporal } from 'temporal-polyfill';

/** A calendar month in a time zone, as half-open UTC epoch-millisecond bounds [startMs, endMs). */
export type MonthBounds = { readonly startMs: number; readonly endMs: number };

// Temporal objects are costly to build; a practice bills a handful of (month, zone) pairs per run,
// so the bounds are memoised. The cache is bounded so a long-lived process cannot grow it forever.
const CACHE_LIMIT = 4096;
const boundsCache = new Map<string, MonthBounds>();
const zoneCache = new Map<string, boolean>();

/**
 * UTC bounds of `month` ("YYYY-MM") in `timeZone`: from local midnight of the first day to local
 * midnight of the first day of the next month. DST shifts are handled by Temporal, so a month may be
 * 743 or 745 hours long.
 */
export const monthBounds = (month: string, timeZone: string): MonthBounds => {
  const key = `${month}|${timeZone}`;
  const cached = boundsCache.get(key);
  if (cached) return cached;
  const first = Temporal.PlainYearMonth.from(month).toPlainDate({ day: 1 });
  const bounds: MonthBounds = {
    startMs: first.toZonedDateTime({ timeZone }).epochMilliseconds,
    endMs: first.add({ months: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds,
  };
  if (boundsCache.size >= CACHE_LIMIT) boundsCache.clear();
  boundsCache.set(key, bounds);
  return bounds;
};

// Offsets such as "+05:00" are valid Temporal zones but not IANA names, so a name must start with a letter.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

/** Whether `timeZone` is an IANA time zone name known to the runtime (e.g. "America/New_York", "UTC"). */
export const isIanaTimeZone = (timeZone: string): boolean => {
  const cached = zoneCache.get(timeZone);
  if (cached !== undefined) return cached;
  let valid = ZONE_NAME.test(timeZone);
  if (valid) {
    try {
      Temporal.PlainDate.from({ year: 2000, month: 1, day: 1 }).toZonedDateTime({ timeZone });
    } catch {
      valid = false;
    }
  }
  if (zoneCache.size >= CACHE_LIMIT) zoneCache.clear();
  zoneCache.set(timeZone, valid);
  return valid;
};

/** Number of days in `month` ("YYYY-MM"). */
export const daysInMonth = (month: string): number => Temporal.PlainYearMonth.from(month).daysInMonth;
