import * as fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addMilliseconds,
  compareInstants,
  epochMsOf,
  instantFromEpochMs,
  isInstant,
  parseInstant,
} from './instants';
import { addMonths, daysInMonth, monthBounds, monthOf, parseIsoMonth } from './months';
import { addDays, DAY_MS, daysBetween, HOUR_MS, isIsoDate, isoWeekday } from './plain-date';
import { localDate, localDateTime, startOfDay, utcOffsetMs, wallClockToEpochMs } from './time-zones';

/**
 * The calendar functions replaced Temporal in production code; these properties hold them to the
 * answers temporal-polyfill gives, over random instants and dates with extra weight on DST changes,
 * month and year ends and leap days.
 */

const US_ZONES = [
  'UTC',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
];
// Zones whose DST changes happen at midnight or by half an hour, where start of day and gaps differ.
const ODD_ZONES = ['America/Havana', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata'];
const ZONES = [...US_ZONES, ...ODD_ZONES];

const RUNS = { numRuns: 2000 };
const FROM_MS = Date.UTC(1900, 0, 1);
const TO_MS = Date.UTC(2100, 0, 1);

const transitionsCache = new Map<string, number[]>();
/** DST and offset changes of a zone between 1960 and 2045, as epoch milliseconds. */
function transitions(zone: string): number[] {
  let found = transitionsCache.get(zone);
  if (!found) {
    found = [];
    let at: Temporal.ZonedDateTime | null =
      Temporal.Instant.from('1960-01-01T00:00:00Z').toZonedDateTimeISO(zone);
    while (at && at.year < 2045) {
      at = at.getTimeZoneTransition('next');
      if (at) found.push(at.epochMilliseconds);
    }
    transitionsCache.set(zone, found);
  }
  return found;
}

const zone = fc.constantFrom(...ZONES);

/** Dates that stress calendar arithmetic: month and year ends, leap days, any day. */
const isoDateArb = fc.oneof(
  fc.integer({ min: -25_567, max: 47_482 }).map((days) => new Date(days * DAY_MS).toISOString().slice(0, 10)),
  fc
    .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) })
    .map(({ year, month }) => Temporal.PlainYearMonth.from({ year, month }))
    .chain((ym) =>
      fc.constantFrom(ym.toPlainDate({ day: 1 }), ym.toPlainDate({ day: ym.daysInMonth })).map(String),
    ),
  fc
    .integer({ min: 1900, max: 2100 })
    .chain((year) =>
      fc.constantFrom(`${year}-02-28`, `${year}-02-29`, `${year}-03-01`, `${year}-12-31`, `${year}-01-01`),
    )
    .filter(isIsoDate),
);

/** Instants anywhere, next to a zone's DST changes, and next to local midnights of edge dates. */
const instantInZone = zone.chain((z) =>
  fc
    .oneof(
      fc.integer({ min: FROM_MS, max: TO_MS }),
      fc
        .tuple(
          fc.constantFrom(...(transitions(z).length > 0 ? transitions(z) : [0])),
          fc.integer({ min: -3 * HOUR_MS, max: 3 * HOUR_MS }),
        )
        .map(([at, delta]) => at + delta),
      fc
        .tuple(isoDateArb, fc.integer({ min: -2 * HOUR_MS, max: 2 * HOUR_MS }))
        .map(([date, delta]) => Temporal.PlainDate.from(date).toZonedDateTime(z).epochMilliseconds + delta),
    )
    .map((ms) => ({ zone: z, ms })),
);

/** Wall-clock times near a zone's DST changes (inside gaps and repeated hours) and anywhere. */
const wallClockInZone = zone.chain((z) =>
  fc
    .oneof(
      fc.integer({ min: FROM_MS, max: TO_MS }),
      fc
        .tuple(
          fc.constantFrom(...(transitions(z).length > 0 ? transitions(z) : [0])),
          fc.integer({ min: -2 * HOUR_MS, max: 2 * HOUR_MS }),
        )
        .map(([at, delta]) => at + utcOffsetMs(at, z) + delta),
    )
    .map((local) => {
      const text = new Date(Math.floor(local / 60_000) * 60_000).toISOString();
      return { zone: z, date: text.slice(0, 10), time: text.slice(11, 16) };
    }),
);

const twoDigits = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));

/** RFC 3339 date-times with random offsets and fraction lengths, some of them impossible. */
const offsetDateTime = fc
  .record({
    ms: fc.integer({ min: FROM_MS, max: TO_MS }),
    fraction: fc.stringMatching(/^\d{0,9}$/),
    offset: fc.oneof(
      fc.constant('Z'),
      fc.tuple(fc.constantFrom('+', '-'), twoDigits(23), twoDigits(59)).map(([s, h, m]) => `${s}${h}:${m}`),
    ),
  })
  .map(({ ms, fraction, offset }) => {
    const base = new Date(ms).toISOString().slice(0, 19);
    return `${base}${fraction ? `.${fraction}` : ''}${offset}`;
  });

const temporalInstant = (text: string): string | 'error' => {
  try {
    return Temporal.Instant.from(text).toString();
  } catch {
    return 'error';
  }
};
const ours = (f: () => unknown): unknown => {
  try {
    return f();
  } catch {
    return 'error';
  }
};

describe('instants match Temporal.Instant', () => {
  it('parses RFC 3339 date-times with offsets into the same canonical string', () => {
    fc.assert(
      fc.property(offsetDateTime, (text) => {
        expect(parseInstant(text)).toBe(Temporal.Instant.from(text).toString());
        expect(epochMsOf(text)).toBe(Temporal.Instant.from(text).epochMilliseconds);
      }),
      RUNS,
    );
  });

  it('rejects what Temporal rejects among contract-shaped strings', () => {
    const shaped = fc
      .tuple(
        twoDigits(99).map((y) => `20${y}`),
        twoDigits(13),
        twoDigits(32),
        twoDigits(24),
        twoDigits(60),
        twoDigits(60),
        fc.constantFrom('', '.5', '.1234567890', '.123456789'),
        fc.constantFrom('Z', '', '+05:30', '-24:00', '+00:60'),
      )
      .map(([y, mo, d, h, mi, s, f, o]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f}${o}`);
    fc.assert(
      fc.property(shaped, (text) => {
        const expected = temporalInstant(text);
        // Temporal reads a leap second as :59; contracts never let :60 through, so neither do we.
        if (expected !== 'error' && !/:60(\.|Z|[+-]|$)/.test(text)) expect(parseInstant(text)).toBe(expected);
        else expect(isInstant(text)).toBe(false);
      }),
      RUNS,
    );
    for (const local of ['2025-01-01T00:00:00', '2025-01-01', '2025-01-01T00:00']) {
      expect(() => parseInstant(local)).toThrow(RangeError);
      expect(() => Temporal.Instant.from(local)).toThrow(RangeError);
    }
  });

  it('formats epoch milliseconds, orders and adds like Temporal', () => {
    fc.assert(
      fc.property(
        offsetDateTime,
        offsetDateTime,
        fc.integer({ min: -400 * DAY_MS, max: 400 * DAY_MS }),
        (a, b, delta) => {
          expect(Math.sign(compareInstants(a, b))).toBe(
            Temporal.Instant.compare(Temporal.Instant.from(a), Temporal.Instant.from(b)),
          );
          expect(compareInstants(a, a)).toBe(0);
          expect(addMilliseconds(a, delta)).toBe(
            Temporal.Instant.from(a).add({ milliseconds: delta }).toString(),
          );
          const ms = Temporal.Instant.from(a).epochMilliseconds + delta;
          expect(instantFromEpochMs(ms)).toBe(Temporal.Instant.fromEpochMilliseconds(ms).toString());
        },
      ),
      RUNS,
    );
  });

  it('orders instants that differ only below the millisecond', () => {
    expect(compareInstants('2025-01-01T00:00:00.0001Z', '2025-01-01T00:00:00Z')).toBe(1);
    expect(compareInstants('2025-01-01T00:00:00.00010Z', '2025-01-01T00:00:00.0001Z')).toBe(0);
    expect(compareInstants('2025-01-01T05:00:00.0001+05:00', '2025-01-01T00:00:00.001Z')).toBe(-1);
  });
});

describe('zoned readings match Temporal.ZonedDateTime', () => {
  it('gives the local date, time and offset of an instant', () => {
    fc.assert(
      fc.property(instantInZone, ({ zone, ms }) => {
        const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
        expect(localDate(ms, zone)).toBe(zoned.toPlainDate().toString());
        expect(localDateTime(ms, zone)).toEqual({
          date: zoned.toPlainDate().toString(),
          time: zoned.toPlainTime().toString({ smallestUnit: 'millisecond' }),
        });
        expect(utcOffsetMs(ms, zone)).toBe(zoned.offsetNanoseconds / 1e6);
        expect(monthOf(ms, zone)).toBe(zoned.toPlainDate().toPlainYearMonth().toString());
      }),
      RUNS,
    );
  });

  it('resolves wall-clock times in gaps and repeated hours the way Temporal does', () => {
    fc.assert(
      fc.property(
        wallClockInZone,
        fc.constantFrom('compatible', 'earlier', 'later') as fc.Arbitrary<'compatible' | 'earlier' | 'later'>,
        ({ zone, date, time }, disambiguation) => {
          const expected = Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(zone, {
            disambiguation,
          });
          expect(wallClockToEpochMs(date, time, zone, disambiguation)).toBe(expected.epochMilliseconds);
        },
      ),
      RUNS,
    );
  });

  it('finds the start of a day, midnight or the DST change that skips it', () => {
    const transitionDates = zone.chain((z) =>
      fc
        .constantFrom(...(transitions(z).length > 0 ? transitions(z) : [0]))
        .chain((at) => fc.integer({ min: -1, max: 1 }).map((d) => localDate(at + d * DAY_MS, z)))
        .map((date) => ({ zone: z, date })),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          transitionDates,
          fc.tuple(zone, isoDateArb).map(([z, date]) => ({ zone: z, date })),
        ),
        ({ zone, date }) => {
          expect(startOfDay(date, zone)).toBe(
            Temporal.PlainDate.from(date).toZonedDateTime(zone).epochMilliseconds,
          );
        },
      ),
      RUNS,
    );
  });

  it('starts a day inside a gap at the change, also where the gap began before midnight', () => {
    // Toronto sprang from 23:30 to 00:30 in 1919; Samoa skipped 30 December 2011 altogether.
    for (const [date, zone] of [
      ['1919-03-31', 'America/Toronto'],
      ['2011-12-30', 'Pacific/Apia'],
      ['2011-12-31', 'Pacific/Apia'],
    ] as const) {
      expect(startOfDay(date, zone)).toBe(
        Temporal.PlainDate.from(date).toZonedDateTime(zone).epochMilliseconds,
      );
    }
  });

  it('bounds months the way Temporal does', () => {
    fc.assert(
      fc.property(zone, isoDateArb, (zone, date) => {
        const month = date.slice(0, 7);
        const first = Temporal.PlainYearMonth.from(month).toPlainDate({ day: 1 });
        expect(monthBounds(month, zone)).toEqual({
          start: first.toZonedDateTime(zone).toInstant().toString(),
          end: first.add({ months: 1 }).toZonedDateTime(zone).toInstant().toString(),
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('dates and months match Temporal.PlainDate and PlainYearMonth', () => {
  it('adds days and months, counts days and names weekdays', () => {
    fc.assert(
      fc.property(
        isoDateArb,
        isoDateArb,
        fc.integer({ min: -800, max: 800 }),
        fc.integer({ min: -50, max: 50 }),
        (a, b, days, months) => {
          const date = Temporal.PlainDate.from(a);
          expect(addDays(a, days)).toBe(date.add({ days }).toString());
          expect(daysBetween(a, b)).toBe(date.until(b, { largestUnit: 'days' }).days);
          expect(isoWeekday(a)).toBe(date.dayOfWeek);
          expect(addMonths(a, months)).toBe(date.add({ months }, { overflow: 'constrain' }).toString());
          const month = date.toPlainYearMonth();
          expect(addMonths(month.toString(), months)).toBe(month.add({ months }).toString());
          expect(daysInMonth(month.toString())).toBe(month.daysInMonth);
          expect(a < b).toBe(Temporal.PlainDate.compare(a, b) < 0);
        },
      ),
      RUNS,
    );
  });

  it('accepts exactly the dates and months Temporal accepts in strict ISO form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), twoDigits(13), twoDigits(32), (year, mo, d) => {
        const date = `${year}-${mo}-${d}`;
        const valid = ours(() => Temporal.PlainDate.from(date, { overflow: 'reject' })) !== 'error';
        expect(isIsoDate(date)).toBe(valid);
        const month = `${year}-${mo}`;
        const validMonth =
          ours(() => Temporal.PlainYearMonth.from(month, { overflow: 'reject' })) !== 'error';
        expect(ours(() => parseIsoMonth(month))).toBe(validMonth ? month : 'error');
      }),
      RUNS,
    );
  });
});
