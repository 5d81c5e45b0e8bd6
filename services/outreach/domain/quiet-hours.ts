import {
  addDays,
  compareInstants,
  type Instant,
  instantFromEpochMs,
  localDateTime,
  wallClockToEpochMs,
} from '@carelink/calendar';
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

function parseWindow(quietHours: QuietHours): { start: string; end: string } {
  const valid = parseOrThrow(QuietHoursSchema, quietHours, 'quiet hours');
  return { start: valid.start, end: valid.end };
}

/** `time` is a local `HH:MM:SS.sss` reading; `start` and `end` are `HH:MM`, so string order is time order. */
function isQuiet(time: string, start: string, end: string): boolean {
  const afterStart = time >= start;
  const beforeEnd = time < end;
  const wraps = start > end;
  return wraps ? afterStart || beforeEnd : afterStart && beforeEnd;
}

/** True when `instant` falls within quiet hours on the patient's local clock. */
export function isWithinQuietHours(
  instant: Instant,
  timeZone: string,
  quietHours: QuietHours = DEFAULT_QUIET_HOURS,
): boolean {
  const { start, end } = parseWindow(quietHours);
  return isQuiet(localDateTime(instant, timeZone).time, start, end);
}

/**
 * The earliest instant at or after `now` when a message may be sent. The end of quiet hours is
 * resolved as a local wall-clock time on the right local date, so it stays at 08:00 local across
 * DST changes (the default night lasts 10 or 12 hours then instead of 11). An end time skipped by a DST gap moves
 * forward to the first valid local time; one repeated by a fall-back change is its first occurrence
 * still ahead of `now`.
 */
export function nextAllowedSendTime(
  now: Instant,
  timeZone: string,
  quietHours: QuietHours = DEFAULT_QUIET_HOURS,
): Instant {
  const { start, end } = parseWindow(quietHours);
  const local = localDateTime(now, timeZone);
  if (!isQuiet(local.time, start, end)) return now;
  const wraps = start > end;
  const endsTomorrow = wraps && local.time >= start;
  const date = endsTomorrow ? addDays(local.date, 1) : local.date;
  const first = instantFromEpochMs(wallClockToEpochMs(date, end, timeZone, 'compatible'));
  if (compareInstants(first, now) > 0) return first;
  // Inside a repeated fall-back hour the first occurrence of the end time may already be past.
  return instantFromEpochMs(wallClockToEpochMs(date, end, timeZone, 'later'));
}
