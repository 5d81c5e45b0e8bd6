import * as fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addMonths, monthBounds, monthOf } from './months';

describe('monthOf', () => {
  it.each([
    ['2025-01-01T03:00:00Z', 'America/New_York', '2024-12'],
    ['2025-01-01T05:00:00Z', 'America/New_York', '2025-01'],
    ['2025-01-31T23:30:00Z', 'Pacific/Auckland', '2025-02'],
    ['2025-03-01T09:59:59Z', 'Pacific/Honolulu', '2025-02'],
    ['2025-03-01T10:00:00Z', 'Pacific/Honolulu', '2025-03'],
    ['2025-06-30T22:00:00-04:00', 'UTC', '2025-07'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(monthOf(instant, zone)).toBe(expected);
  });

  it('rejects unknown time zones and instants without an offset', () => {
    expect(() => monthOf('2025-01-01T00:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => monthOf('2025-01-01T00:00:00', 'UTC')).toThrow(RangeError);
  });
});

describe('monthBounds', () => {
  it.each([
    ['2025-03', 'America/New_York', '2025-03-01T05:00:00Z', '2025-04-01T04:00:00Z', 743],
    ['2025-11', 'America/New_York', '2025-11-01T04:00:00Z', '2025-12-01T05:00:00Z', 721],
    ['2025-02', 'UTC', '2025-02-01T00:00:00Z', '2025-03-01T00:00:00Z', 672],
    ['2024-02', 'America/Phoenix', '2024-02-01T07:00:00Z', '2024-03-01T07:00:00Z', 696],
    ['2025-12', 'America/Chicago', '2025-12-01T06:00:00Z', '2026-01-01T06:00:00Z', 744],
  ])('%s in %s spans [%s, %s) = %i hours', (month, zone, start, end, hours) => {
    const bounds = monthBounds(month, zone);
    expect(bounds).toEqual({ start, end });
    expect(Temporal.Instant.from(start).until(Temporal.Instant.from(end)).total('hours')).toBe(hours);
  });

  it('rejects malformed months', () => {
    expect(() => monthBounds('2025-13', 'UTC')).toThrow(RangeError);
    expect(() => monthBounds('2025-1', 'UTC')).toThrow(RangeError);
  });

  it('contains exactly the instants that monthOf maps to the month', () => {
    const zones = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Australia/Sydney', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const instant = Temporal.Instant.fromEpochMilliseconds(ms);
          const { start, end } = monthBounds(monthOf(ms, zone), zone);
          expect(Temporal.Instant.compare(Temporal.Instant.from(start), instant)).toBeLessThanOrEqual(0);
          expect(Temporal.Instant.compare(instant, Temporal.Instant.from(end))).toBe(-1);
        },
      ),
    );
  });
});

describe('addMonths', () => {
  it.each([
    ['2025-01', 1, '2025-02'],
    ['2025-01', -1, '2024-12'],
    ['2025-11', 14, '2027-01'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-15', -12, '2024-03-15'],
    ['2024-02-29', -12, '2023-02-28'],
  ])('%s + %i = %s', (value, n, expected) => {
    expect(addMonths(value, n)).toBe(expected);
  });

  it('crosses year ends both ways', () => {
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2025-05-31', 1)).toBe('2025-06-30');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
  });

  it('rejects malformed input', () => {
    expect(() => addMonths('2025-1-01', 1)).toThrow(RangeError);
    expect(() => addMonths('2025-01', 0.5)).toThrow(RangeError);
  });
});
