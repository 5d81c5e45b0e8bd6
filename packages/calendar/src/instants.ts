import { DAY_MS, dateOfDayNumber, dayNumber, daysInMonthOf, HOUR_MS, MINUTE_MS } from './plain-date';

declare const instantBrand: unique symbol;

/**
 * A point in time as an ISO string in its one canonical form: UTC with `Z`, seconds always, and a
 * fraction only as long as needed (up to nanoseconds), e.g. `2026-11-02T15:04:05Z` or
 * `2026-11-02T15:04:05.25Z`. The brand makes every instant pass through `parseInstant` or
 * `instantFromEpochMs`, so what is stored, sent and compared for equality is always this form.
 */
export type Instant = string & { readonly [instantBrand]: true };

/** An instant as a canonical string or as epoch milliseconds. */
export type InstantLike = Instant | number;

// RFC 3339 with a mandatory offset, as contracts validate it; the fraction stops at nanoseconds.
const OFFSET_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

interface ParsedInstant {
  /** Whole milliseconds since the epoch, rounded down. */
  readonly epochMs: number;
  /** Fraction digits below the millisecond (up to six, not padded). */
  readonly belowMs: string;
}

const NOT_AN_INSTANT = 'Expected an ISO instant with a UTC offset';

function parse(text: string): ParsedInstant {
  const match = OFFSET_DATE_TIME.exec(text);
  if (!match) throw new RangeError(NOT_AN_INSTANT);
  const [, y, mo, d, h, mi, s, fraction = '', sign, oh, om] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const offsetMs = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * HOUR_MS + Number(om) * MINUTE_MS) : 0;
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonthOf(year, month) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59 ||
    Number(oh ?? 0) > 23 ||
    Number(om ?? 0) > 59
  ) {
    throw new RangeError(NOT_AN_INSTANT);
  }
  const wallMs =
    dayNumber(year, month, day) * DAY_MS + Number(h) * HOUR_MS + Number(mi) * MINUTE_MS + Number(s) * 1000;
  return {
    epochMs: wallMs - offsetMs + Number(fraction.slice(0, 3).padEnd(3, '0')),
    belowMs: fraction.slice(3),
  };
}

function format(epochMs: number, belowMs: string): Instant {
  const days = Math.floor(epochMs / DAY_MS);
  const msOfDay = epochMs - days * DAY_MS;
  const time = new Date(msOfDay).toISOString().slice(11, 23);
  const fraction = `${time.slice(9)}${belowMs}`.replace(/0+$/, '');
  return `${dateOfDayNumber(days)}T${time.slice(0, 8)}${fraction ? `.${fraction}` : ''}Z` as Instant;
}

/**
 * Parses an ISO date-time with `Z` or a `±HH:MM` offset into its canonical form. Date-times without
 * an offset are rejected because their meaning depends on a time zone.
 */
export function parseInstant(text: string): Instant {
  const { epochMs, belowMs } = parse(text);
  return format(epochMs, belowMs);
}

/** True when `text` is an ISO date-time with an offset that `parseInstant` accepts. */
export function isInstant(text: string): boolean {
  try {
    parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The instant `epochMs` milliseconds after 1970-01-01T00:00Z. */
export function instantFromEpochMs(epochMs: number): Instant {
  if (!Number.isSafeInteger(epochMs)) throw new RangeError('Epoch milliseconds must be an integer');
  return format(epochMs, '');
}

/** Epoch milliseconds of an instant (rounded down below the millisecond); numbers pass through. */
export function epochMsOf(instant: string | number): number {
  return typeof instant === 'number' ? instant : parse(instant).epochMs;
}

/**
 * Orders two ISO instants (any offset) in time: negative when `a` is earlier, 0 when they are the
 * same instant, positive when `a` is later. Throws a RangeError for anything `parseInstant` rejects.
 */
export function compareInstants(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  if (x.epochMs !== y.epochMs) return x.epochMs < y.epochMs ? -1 : 1;
  const below = x.belowMs.padEnd(6, '0');
  const other = y.belowMs.padEnd(6, '0');
  return below === other ? 0 : below < other ? -1 : 1;
}

/** The instant `ms` milliseconds after `instant` (before it when negative), fraction kept. */
export function addMilliseconds(instant: string, ms: number): Instant {
  if (!Number.isSafeInteger(ms)) throw new RangeError('Milliseconds must be an integer');
  const { epochMs, belowMs } = parse(instant);
  return format(epochMs + ms, belowMs);
}
