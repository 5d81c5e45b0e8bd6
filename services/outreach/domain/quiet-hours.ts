import { Temporal } from 'temporal-polyfill';
import * as z from 'zod/mini';
import { parseOrThrow } from './validation';

const WALL_TIME = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

/**
 * Local wall-clock window in which no message may be sent, `[start, end)`. A start later than the
 * end wraps past midnight; equal start and end mean no quiet hours.
 */
export const QuietHoursSchema = z.strictObject({ start: WALL_TIME, end: WALL_TIME });

/** Quiet hours as `HH:MM` local times. */
export type QuietHours = z.infer<typeof QuietHoursSchema>;

/** 21:00 to 08:00 in the patient's time zone. */
export const DEFAULT_QUIET_HOURS: QuietHours = Object.freeze({ start: '21:00', end: '08:00' });

function parseWindow(quietHours: QuietHours): { start: Temporal.PlainTime; end: Temporal.PlainTime } {
  const valid = parseOrThrow(QuietHoursSchema, quietHours, 'quiet hours');
  return { start: Temporal.PlainTime.from(valid.start), end: Temporal.PlainTime.from(valid.end) };
}

function isQuiet(time: Temporal.PlainTime, start: Temporal.PlainTime, end: Temporal.PlainTime): boolean {
  const afterStart = Temporal.PlainTime.compare(time, start) >= 0;
  const beforeEnd = Temporal.PlainTime.compare(time, end) < 0;
  const wraps = Temporal.PlainTime.compare(start, end) > 0;
  return wraps ? afterStart || beforeEnd : afterStart && beforeEnd;
}

/** True when `instant` falls within quiet hours on the patient's local clock. */
export function isWithinQuietHours(
  instant: Temporal.Instant,
  timeZone: string,
  quietHours: QuietHours = DEFAULT_QUIET_HOURS,
): boolean {
  const { start, end } = parseWindow(quietHours);
  return isQuiet(instant.toZonedDateTimeISO(timeZone).toPlainTime(), start, end);
}

/**
 * The earliest instant at or after `now` when a message may be sent. The end of quiet hours is
 * resolved as a local wall-clock time on the right local date, so it stays at 08:00 local across
 * DST changes (the default night lasts 10 or 12 hours then instead of 11). An end time skipped by a DST gap moves
 * forward to the first valid local time; one repeated by a fall-back change is its first occurrence
 * still ahead of `now`.
 */
export function nextAllowedSendTime(
  now: Temporal.Instant,
  timeZone: string,
  quietHours: QuietHours = DEFAULT_QUIET_HOURS,
): Temporal.Instant {
  const { start, end } = parseWindow(quietHours);
  const local = now.toZonedDateTimeISO(timeZone);
  const time = local.toPlainTime();
  if (!isQuiet(time, start, end)) return now;
  const wraps = Temporal.PlainTime.compare(start, end) > 0;
  const endsTomorrow = wraps && Temporal.PlainTime.compare(time, start) >= 0;
  const date = endsTomorrow ? local.toPlainDate().add({ days: 1 }) : local.toPlainDate();
  const wallClockEnd = date.toPlainDateTime(end);
  const first = wallClockEnd.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).toInstant();
  if (Temporal.Instant.compare(first, now) > 0) return first;
  // Inside a repeated fall-back hour the first occurrence of the end time may already be past.
  return wallClockEnd.toZonedDateTime(timeZone, { disambiguation: 'later' }).toInstant();
}
