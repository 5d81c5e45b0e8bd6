import { epochMsOf, type InstantLike } from './instants';
import { DAY_MS, dateOfDayNumber, dayNumber, dayNumberOf } from './plain-date';

/**
 * Wall-clock time in IANA zones through `Intl.DateTimeFormat`, which carries the runtime's zone
 * data. A wall-clock time is handled as "local milliseconds": the epoch milliseconds the same
 * reading would have in UTC, so local dates and times fall out of UTC arithmetic.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
// Only zones Intl accepts are kept, but spellings differ in case; the bound keeps a process's memory flat.
const FORMATTER_LIMIT = 512;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatters.size >= FORMATTER_LIMIT) formatters.clear();
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Checks that the runtime knows `timeZone` (an IANA name or a `±HH:MM` offset) and returns it. */
export function checkTimeZone(timeZone: string): string {
  try {
    formatterFor(timeZone);
    return timeZone;
  } catch {
    throw new RangeError(`Unknown time zone: ${timeZone}`);
  }
}

const WALL_CLOCK = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;
// en-US prints years before 1 CE without their era; no date here is that old.
const EARLIEST_MS = -62_135_596_800_000 + 2 * DAY_MS;

/** Local milliseconds of `epochMs` in `timeZone`. */
function localMs(epochMs: number, timeZone: string): number {
  if (!(epochMs >= EARLIEST_MS)) throw new RangeError('Instant outside the supported range');
  const match = WALL_CLOCK.exec(formatterFor(timeZone).format(epochMs));
  if (!match) throw new RangeError(`Cannot read the wall clock of ${timeZone}`);
  const [, month, day, year, hour, minute, second] = match.map(Number) as number[];
  const seconds = Math.floor(epochMs / 1000);
  const local = (dayNumber(year!, month!, day!) * 86_400 + hour! * 3600 + minute! * 60 + second!) * 1000;
  return local + (epochMs - seconds * 1000);
}

/** Offset of `timeZone` from UTC at `epochMs`, in milliseconds (positive east of Greenwich). */
export function utcOffsetMs(epochMs: number, timeZone: string): number {
  return localMs(epochMs, timeZone) - epochMs;
}

/** A wall-clock reading: the local date and the local time `HH:MM:SS.sss`. */
export interface LocalDateTime {
  readonly date: string;
  readonly time: string;
}

/**
 * The local date and time of an instant in `timeZone`. Times compare as strings with `HH:MM`
 * bounds: `08:00:00.000 >= 08:00` and `07:59:59.999 < 08:00`.
 */
export function localDateTime(instant: InstantLike, timeZone: string): LocalDateTime {
  const local = localMs(epochMsOf(instant), timeZone);
  const days = Math.floor(local / DAY_MS);
  return {
    date: dateOfDayNumber(days),
    time: new Date(local - days * DAY_MS).toISOString().slice(11, 23),
  };
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function localDate(instant: InstantLike, timeZone: string): string {
  return dateOfDayNumber(Math.floor(localMs(epochMsOf(instant), timeZone) / DAY_MS));
}

/** How a wall-clock time that a DST change skips or repeats is resolved, as Temporal names it. */
export type Disambiguation = 'compatible' | 'earlier' | 'later';

const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

function wallClockMs(date: string, time: string): number {
  const match = TIME.exec(time);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59 || Number(match[3] ?? 0) > 59) {
    throw new RangeError('Expected a wall-clock time (HH:MM[:SS[.sss]])');
  }
  const [, hour, minute, second = '0', fraction = ''] = match;
  return (
    dayNumberOf(date) * DAY_MS +
    ((Number(hour) * 60 + Number(minute)) * 60 + Number(second)) * 1000 +
    Number(fraction.padEnd(3, '0'))
  );
}

/** Epoch milliseconds at which `timeZone`'s clock reads `local`: none in a gap, two in an overlap. */
function possibleInstants(
  local: number,
  timeZone: string,
): { candidates: number[]; before: number; after: number } {
  const before = utcOffsetMs(local - DAY_MS, timeZone);
  const after = utcOffsetMs(local + DAY_MS, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => local - offset)
    .filter((epochMs) => localMs(epochMs, timeZone) === local)
    .sort((a, b) => a - b);
  return { candidates, before, after };
}

/**
 * Epoch milliseconds at which the wall clock of `timeZone` reads `time` (`HH:MM`, `HH:MM:SS` or
 * `HH:MM:SS.sss`) on `date`. As Temporal resolves it: a time skipped by a spring-forward gap moves
 * forward by the gap ('compatible', 'later') or back ('earlier'); a time repeated by a fall-back
 * change is its first ('compatible', 'earlier') or second ('later') occurrence.
 */
export function wallClockToEpochMs(
  date: string,
  time: string,
  timeZone: string,
  disambiguation: Disambiguation = 'compatible',
): number {
  const local = wallClockMs(date, time);
  const { candidates, before, after } = possibleInstants(local, timeZone);
  if (candidates.length > 0) {
    return (disambiguation === 'later' ? candidates.at(-1) : candidates[0]) as number;
  }
  // In a gap the offset before the change reads the clock as if it had not sprung forward.
  return disambiguation === 'earlier' ? local - after : local - before;
}

/**
 * Epoch milliseconds of the first instant of `date` in `timeZone`: local midnight, or, where a DST
 * change skips midnight, the change itself (the first instant the clock shows that date).
 */
export function startOfDay(date: string, timeZone: string): number {
  const local = dayNumberOf(date) * DAY_MS;
  const { candidates, before, after } = possibleInstants(local, timeZone);
  if (candidates.length > 0) return candidates[0] as number;
  let low = local - after;
  let high = local - before;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (localMs(middle, timeZone) >= local) high = middle;
    else low = middle;
  }
  return high;
}
