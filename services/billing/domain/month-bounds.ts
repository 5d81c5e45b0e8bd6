import { addMonths, daysInMonth as daysInIsoMonth, parseIsoMonth, startOfDay } from '@carelink/calendar';

/** A calendar month in a time zone, as half-open UTC epoch-millisecond bounds [startMs, endMs). */
export type MonthBounds = { readonly startMs: number; readonly endMs: number };

// Reading zone offsets goes through Intl; a practice bills a handful of (month, zone) pairs per run,
// so the bounds are memoised. The cache is bounded so a long-lived process cannot grow it forever.
const CACHE_LIMIT = 4096;
const boundsCache = new Map<string, MonthBounds>();

/**
 * UTC bounds of `month` ("YYYY-MM") in `timeZone`: from local midnight of the first day to local
 * midnight of the first day of the next month. DST shifts come from the zone's rules, so a month may be
 * 743 or 745 hours long.
 */
export const monthBounds = (month: string, timeZone: string): MonthBounds => {
  const key = `${month}|${timeZone}`;
  const cached = boundsCache.get(key);
  if (cached) return cached;
  const bounds: MonthBounds = {
    startMs: startOfDay(`${parseIsoMonth(month)}-01`, timeZone),
    endMs: startOfDay(`${addMonths(month, 1)}-01`, timeZone),
  };
  if (boundsCache.size >= CACHE_LIMIT) boundsCache.clear();
  boundsCache.set(key, bounds);
  return bounds;
};

/** Number of days in `month` ("YYYY-MM"). */
export const daysInMonth = (month: string): number => daysInIsoMonth(month);
